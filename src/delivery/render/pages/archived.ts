import type { ReleaseStatus } from '@/releases/timeline'
import type { Release, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillText } from '../i18n'
import { partnerPaths, type PartnerPaths } from '../paths'
import type { SiteContext } from '../site'
import { uiStrings } from '../uiStrings'
import { link, noticeHtml, pageHeading, renderSitePage } from './layout'
import { authoritativeNote, releaseBody, releaseLine } from './releaseBody'

// One earlier (or superseded) release under a banner that says so: /partners/:locale/releases/:n.

export type ArchivedReleasePageInput = {
  release: Release
  status: ReleaseStatus
  /** The release in effect now, if any: the banner links to the changes between the two. */
  currentNumber: number | null
  site: SiteContext
}

const archivedBanner = (
  release: ReleaseSummary,
  status: ReleaseStatus,
  currentNumber: number | null,
  paths: PartnerPaths,
): string => {
  const ui = uiStrings(release.locale)
  const says = escapeHtml(
    fillText(ui.archivedBanner, { n: release.number, status: ui.statuses[status] }),
  )
  const links = [link(paths.page, escapeHtml(ui.viewCurrent))]
  if (currentNumber !== null && currentNumber !== release.number) {
    const from = Math.min(currentNumber, release.number)
    const to = Math.max(currentNumber, release.number)
    links.push(link(paths.diff(from, to), escapeHtml(fillText(ui.changesFromTo, { from, to }))))
  }
  return noticeHtml([says, links.join(' · ')])
}

export const renderArchivedReleasePage = ({
  release,
  status,
  currentNumber,
  site,
}: ArchivedReleasePageInput): string => {
  const { locale } = release
  const paths = partnerPaths(locale, site.basePath)
  const ui = uiStrings(locale)
  const notices = [
    archivedBanner(release, status, currentNumber, paths),
    authoritativeNote(release),
  ]
  return renderSitePage({
    locale,
    site,
    kind: 'release',
    title: `${fillText(ui.release, { n: release.number })} — ${pageHeading(release.content.page, locale)}`,
    main: releaseBody(release, notices.filter(Boolean).join('\n')),
    footerLine: releaseLine(release, paths.history, site.timeZone),
  })
}
