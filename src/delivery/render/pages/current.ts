import { SOURCE_LOCALE } from '@/config/locales'
import type { Release, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, fillText, timeHtml } from '../i18n'
import { partnerPaths, type PartnerPaths } from '../paths'
import type { SiteContext } from '../site'
import { summaryText, uiStrings } from '../uiStrings'
import { link, noticeHtml, pageHeading, releaseLabel, renderSitePage } from './layout'
import { authoritativeNote, releaseBody, releaseLine } from './releaseBody'
import { subscribeForm } from './subscribeForm'

// The release in effect, with its notices and the announced changes: /partners/:locale.

export type SourceNotice = {
  updatedAt: string
  authoritativeLanguageNote: string | null
  /** The source release in effect, and the one this translation follows (when known). */
  sourceReleaseInEffect?: number | null
  translatedFromSourceRelease?: number | null
}

export type PartnersPageInput = {
  /** The release in effect. */
  release: Release
  /** Announced releases not yet in effect. */
  upcoming: readonly ReleaseSummary[]
  /** Set when the Japanese source changed after this translation was released. */
  sourceNotice: SourceNotice | null
  site: SiteContext
}

const sourceNoticeHtml = (notice: SourceNotice, locale: string, timeZone: string): string => {
  const ui = uiStrings(locale)
  const updated = fillHtml(ui.sourceUpdated, {
    date: timeHtml(notice.updatedAt, locale, timeZone),
  })
  const { sourceReleaseInEffect: current, translatedFromSourceRelease: basis } = notice
  const releases =
    typeof current === 'number' && typeof basis === 'number'
      ? [escapeHtml(fillText(ui.sourceReleases, { basis, current }))]
      : []
  const note = notice.authoritativeLanguageNote
    ? [escapeHtml(notice.authoritativeLanguageNote)]
    : []
  return noticeHtml([updated, ...releases, ...note])
}

// Each announced release links to its own page (full text and redline); the JSON keeps them all in one answer.
const upcomingItem = (
  next: ReleaseSummary,
  current: ReleaseSummary,
  paths: PartnerPaths,
  timeZone: string,
): string => {
  const ui = uiStrings(current.locale)
  const item = fillHtml(ui.upcomingItem, {
    release: link(paths.upcoming(next.number), releaseLabel(ui, next.number)),
    date: timeHtml(next.effectiveAt, current.locale, timeZone),
    changeType: escapeHtml(ui.changeTypes[next.changeType]),
    summary: escapeHtml(summaryText(next, ui)),
  })
  // A translation announced for a date waits for the source release it translates; say which.
  const follows =
    next.locale !== SOURCE_LOCALE && next.sourceReleaseNumber !== null
      ? ` ${escapeHtml(fillText(ui.upcomingFollowsSource, { n: next.sourceReleaseNumber }))}`
      : ''
  return `<li>${item}${follows}</li>`
}

const upcomingSection = (
  current: ReleaseSummary,
  upcoming: readonly ReleaseSummary[],
  paths: PartnerPaths,
  timeZone: string,
): string => {
  if (upcoming.length === 0) return ''
  const ui = uiStrings(current.locale)
  return `<section class="notice" aria-labelledby="upcoming-heading">
<h2 id="upcoming-heading">${escapeHtml(ui.upcomingChanges)}</h2>
<ul>
${upcoming.map((next) => upcomingItem(next, current, paths, timeZone)).join('\n')}
</ul>
<p>${link(`/content/v1/partners/${encodeURIComponent(current.locale)}/upcoming`, escapeHtml(ui.upcomingDetails))}</p>
</section>`
}

export const renderPartnersPage = ({
  release,
  upcoming,
  sourceNotice,
  site,
}: PartnersPageInput): string => {
  const { locale } = release
  const paths = partnerPaths(locale, site.basePath)
  // The source notice carries the authoritative-language note itself; never show it twice.
  const notices = [
    sourceNotice
      ? sourceNoticeHtml(sourceNotice, locale, site.timeZone)
      : authoritativeNote(release),
    upcomingSection(release, upcoming, paths, site.timeZone),
  ]
  return renderSitePage({
    locale,
    site,
    kind: 'page',
    title: pageHeading(release.content.page, locale),
    main: `${releaseBody(release, notices.filter(Boolean).join('\n'))}\n${subscribeForm(locale, site.locales, site.basePath)}`,
    footerLine: releaseLine(release, paths.history, site.timeZone),
  })
}
