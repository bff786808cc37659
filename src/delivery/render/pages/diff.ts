import type { Release, ReleaseDiff, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, fillText, timeHtml } from '../i18n'
import { partnerPaths, type PartnerPaths } from '../paths'
import type { SiteContext } from '../site'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'
import { link, releaseLabel, renderSitePage } from './layout'
import { redlineSections } from './redline'

// What changed between two releases, word by word: /partners/:locale/diff/:from/:to.

export type DiffPageInput = {
  diff: ReleaseDiff
  fromRelease: Release
  toRelease: Release
  site: SiteContext
}

const releaseLine = (
  release: ReleaseSummary,
  ui: UiStrings,
  paths: PartnerPaths,
  timeZone: string,
): string =>
  fillHtml(ui.releaseEffective, {
    release: link(paths.release(release.number), releaseLabel(ui, release.number)),
    date: timeHtml(release.effectiveAt, release.locale, timeZone),
  })

export const renderDiffPage = (input: DiffPageInput): string => {
  const { diff, fromRelease, toRelease, site } = input
  const { locale } = diff
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, site.basePath)
  const heading = fillText(ui.changesFromTo, { from: diff.from, to: diff.to })
  const lines = [fromRelease, toRelease].map(
    (release) => `<li>${releaseLine(release, ui, paths, site.timeZone)}</li>`,
  )
  const main = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<ul>\n${lines.join('\n')}\n</ul>`,
    redlineSections(input, ui, 2),
  ].join('\n')
  return renderSitePage({ locale, site, kind: 'diff', title: heading, main })
}
