import type { ReleaseStatus } from '@/releases/timeline'
import type { Release, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillText } from '../i18n'
import { DEFAULT_BASE_PATH, partnerPaths, type PartnerPaths } from '../paths'
import { uiStrings } from '../uiStrings'
import { link, noticeHtml, pageHeading, renderDocument, renderHeader } from './layout'
import { authoritativeNote, releaseBody, releaseFooter } from './releaseBody'

// One earlier (or superseded) release under a banner that says so: /partners/:locale/releases/:n.

export type ArchivedReleasePageInput = {
  release: Release
  status: ReleaseStatus
  /** The release in effect now, if any: the banner links to the changes between the two. */
  currentNumber: number | null
  locales: readonly string[]
  basePath?: string
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
  locales,
  basePath = DEFAULT_BASE_PATH,
}: ArchivedReleasePageInput): string => {
  const { locale } = release
  const paths = partnerPaths(locale, basePath)
  const ui = uiStrings(locale)
  const notices = [
    archivedBanner(release, status, currentNumber, paths),
    authoritativeNote(release),
  ]
  return renderDocument({
    locale,
    title: `${fillText(ui.release, { n: release.number })} — ${pageHeading(release.content.page, locale)}`,
    header: renderHeader(locale, locales, basePath, null),
    main: releaseBody(release, notices.filter(Boolean).join('\n')),
    footer: releaseFooter(release, paths.history),
    feedHref: paths.feed,
  })
}
