import type { Release, ReleaseDiff, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, fillText, timeHtml } from '../i18n'
import { DEFAULT_BASE_PATH, partnerPaths, type PartnerPaths } from '../paths'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'
import { link, releaseLabel, renderDocument, renderHeader } from './layout'
import { redlineSections } from './redline'

// What changed between two releases, word by word: /partners/:locale/diff/:from/:to.

export type DiffPageInput = {
  diff: ReleaseDiff
  fromRelease: Release
  toRelease: Release
  locales: readonly string[]
  basePath?: string
}

const releaseLine = (release: ReleaseSummary, ui: UiStrings, paths: PartnerPaths): string =>
  fillHtml(ui.releaseEffective, {
    release: link(paths.release(release.number), releaseLabel(ui, release.number)),
    date: timeHtml(release.effectiveAt, release.locale),
  })

export const renderDiffPage = (input: DiffPageInput): string => {
  const { diff, fromRelease, toRelease, locales, basePath = DEFAULT_BASE_PATH } = input
  const { locale } = diff
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, basePath)
  const heading = fillText(ui.changesFromTo, { from: diff.from, to: diff.to })
  const main = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<ul>\n<li>${releaseLine(fromRelease, ui, paths)}</li>\n<li>${releaseLine(toRelease, ui, paths)}</li>\n</ul>`,
    redlineSections(input, ui, 2),
  ].join('\n')
  return renderDocument({
    locale,
    title: heading,
    header: renderHeader(locale, locales, basePath, null),
    main,
    footer: '',
    feedHref: paths.feed,
  })
}
