import { SOURCE_LOCALE } from '@/config/locales'
import type { Release, ReleaseDiff } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, fillText, formatDate, timeHtml } from '../i18n'
import { ANNOUNCED_CHANGES_ID, partnerPaths, type PartnerPaths } from '../paths'
import type { SiteContext } from '../site'
import type { UiStrings } from '../strings/shape'
import { summaryText, uiStrings } from '../uiStrings'
import { link, noticeHtml, pageHeading, renderSitePage } from './layout'
import { redlineSections } from './redline'
import { authoritativeNote, releaseBody, releaseLine } from './releaseBody'

// An announced release before its date, so that readers can object in time:
// /partners/:locale/upcoming/:n, its full text and its redline against the release in effect.

export type UpcomingReleasePageInput = {
  /** The announced release, not yet in effect. */
  release: Release
  /** The release in effect now and the changes from it to the announced one; null when none is in effect yet. */
  inEffect: { release: Release; diff: ReleaseDiff } | null
  site: SiteContext
}

const FULL_TEXT_ID = 'announced-text'
const CHANGES_HEADING_ID = `${ANNOUNCED_CHANGES_ID}-heading`

const heading = (release: Release, ui: UiStrings, timeZone: string): string =>
  fillHtml(ui.upcomingHeading, {
    n: String(release.number),
    date: timeHtml(release.effectiveAt, release.locale, timeZone),
  })

const title = (release: Release, ui: UiStrings, timeZone: string): string =>
  `${fillText(ui.upcomingHeading, {
    n: release.number,
    date: formatDate(release.effectiveAt, release.locale, timeZone),
  })} — ${pageHeading(release.content.page, release.locale)}`

const announcement = (
  { release, inEffect }: UpcomingReleasePageInput,
  ui: UiStrings,
  paths: PartnerPaths,
): string => {
  const summary = escapeHtml(
    fillText(ui.upcomingSummary, {
      changeType: ui.changeTypes[release.changeType],
      summary: summaryText(release, ui),
    }),
  )
  // A translation announced for a date waits for the source release it translates; say which.
  const follows =
    release.locale !== SOURCE_LOCALE && release.sourceReleaseNumber !== null
      ? ` ${escapeHtml(fillText(ui.upcomingFollowsSource, { n: release.sourceReleaseNumber }))}`
      : ''
  const until = inEffect
    ? fillText(ui.upcomingUntil, { n: inEffect.release.number })
    : ui.upcomingFirst
  const links = [
    ...(inEffect
      ? [
          link(
            `#${ANNOUNCED_CHANGES_ID}`,
            escapeHtml(
              fillText(ui.changesFromTo, { from: inEffect.release.number, to: release.number }),
            ),
          ),
        ]
      : []),
    link(paths.page, escapeHtml(ui.viewCurrent)),
  ]
  return noticeHtml([`${summary}${follows}`, escapeHtml(until), links.join(' · ')])
}

const fullText = (release: Release, ui: UiStrings): string =>
  `<section aria-labelledby="${FULL_TEXT_ID}">
<h2 id="${FULL_TEXT_ID}">${escapeHtml(fillText(ui.upcomingFullText, { n: release.number }))}</h2>
${releaseBody(release, authoritativeNote(release), 3)}
</section>`

const changes = (
  release: Release,
  inEffect: NonNullable<UpcomingReleasePageInput['inEffect']>,
  ui: UiStrings,
): string => {
  const from = inEffect.release.number
  return `<section id="${ANNOUNCED_CHANGES_ID}" aria-labelledby="${CHANGES_HEADING_ID}">
<h2 id="${CHANGES_HEADING_ID}">${escapeHtml(fillText(ui.changesFromTo, { from, to: release.number }))}</h2>
${redlineSections({ diff: inEffect.diff, fromRelease: inEffect.release, toRelease: release }, ui, 3)}
</section>`
}

export const renderUpcomingReleasePage = (input: UpcomingReleasePageInput): string => {
  const { release, inEffect, site } = input
  const { locale } = release
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, site.basePath)
  const main = [
    `<h1>${heading(release, ui, site.timeZone)}</h1>`,
    announcement(input, ui, paths),
    fullText(release, ui),
    inEffect ? changes(release, inEffect, ui) : '',
  ]
    .filter(Boolean)
    .join('\n')
  return renderSitePage({
    locale,
    site,
    kind: 'upcoming',
    title: title(release, ui, site.timeZone),
    main,
    footerLine: releaseLine(release, null, site.timeZone),
  })
}
