import type { ReleaseSummary } from '@/releases/types'
import { escapeXml } from './escape'
import { fillText, formatDate, isoInstant, languageTag } from './i18n'
import { DEFAULT_BASE_PATH, partnerPaths, type PartnerPaths } from './paths'
import { summaryText, uiStrings } from './uiStrings'

export type AtomFeedInput = {
  locale: string
  /** The releases in effect now or before, newest first; one entry each. */
  releases: readonly ReleaseSummary[]
  /** Announced releases not yet in effect (and not superseded), soonest first; one entry each, before the others. */
  announced?: readonly ReleaseSummary[]
  /** Absolute, e.g. https://example.com (Atom ids and links must not depend on the request). */
  baseUrl: string
  /** The feed's title; the locale's default heading when null. */
  title: string | null
  /** The zone the entries' text dates are in (KAIJI_TIMEZONE); `kaiji:effective` and the Atom dates stay UTC instants. */
  timeZone: string
  authorName?: string
}

const TAG_AUTHORITY = 'tag:kaiji,2026:'
const EPOCH = '1970-01-01T00:00:00.000Z'
/** Kaiji's Atom extension: `kaiji:effective`, the instant a release takes (or took) effect, which Atom has no element for. */
export const KAIJI_ATOM_NAMESPACE = 'urn:kaiji:atom:1'
/** The scheme of the category that marks an announced release's entry. */
export const RELEASE_STATUS_SCHEME = `${KAIJI_ATOM_NAMESPACE}:release-status`

const element = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`

const linkElement = (rel: string, type: string, href: string): string =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`

const latestInstant = (releases: readonly ReleaseSummary[]): string =>
  releases
    .map((release) => isoInstant(release.publishedAt))
    .filter((instant): instant is string => instant !== null)
    .reduce((latest, instant) => (instant > latest ? instant : latest), EPOCH)

type EntryKind = 'in-effect' | 'announced'

const entry = (
  release: ReleaseSummary,
  kind: EntryKind,
  locale: string,
  paths: PartnerPaths,
  timeZone: string,
): string => {
  const ui = uiStrings(locale)
  const published = isoInstant(release.publishedAt) ?? EPOCH
  const effective = isoInstant(release.effectiveAt)
  const date = formatDate(release.effectiveAt, locale, timeZone)
  const said = summaryText(release, ui)
  const summary = fillText(ui.feedSummary, {
    changeType: ui.changeTypes[release.changeType],
    date,
    summary: said,
  })
  const feedPath = `${TAG_AUTHORITY}partners/${encodeURIComponent(locale)}`
  // An announced release is an entry of its own: readers get a second one, the release's, on its date.
  const announced = kind === 'announced'
  const lines = [
    element('id', `${feedPath}/${announced ? 'upcoming' : 'releases'}/${release.number}`),
    element(
      'title',
      announced
        ? fillText(ui.feedAnnouncedTitle, { n: release.number, date, summary: said })
        : `${fillText(ui.release, { n: release.number })}: ${said}`,
    ),
    element('updated', published),
    element('published', published),
    linkElement(
      'alternate',
      'text/html',
      announced ? paths.upcoming(release.number) : paths.release(release.number),
    ),
    ...(announced
      ? [
          `<category scheme="${escapeXml(RELEASE_STATUS_SCHEME)}" term="announced" label="${escapeXml(ui.announced)}"/>`,
        ]
      : []),
    ...(effective ? [element('kaiji:effective', effective)] : []),
    element('summary', summary),
  ]
  return `<entry>\n${lines.join('\n')}\n</entry>`
}

/** Atom 1.0 (RFC 4287): one entry per announced release, newest first, then one per release in effect. */
export const renderAtomFeed = ({
  locale,
  releases,
  announced = [],
  baseUrl,
  title,
  timeZone,
  authorName = 'Kaiji',
}: AtomFeedInput): string => {
  const paths = partnerPaths(locale, `${baseUrl.replace(/\/+$/, '')}${DEFAULT_BASE_PATH}`)
  const entries = [
    ...[...announced]
      .reverse()
      .map((release) => entry(release, 'announced', locale, paths, timeZone)),
    ...releases.map((release) => entry(release, 'in-effect', locale, paths, timeZone)),
  ]
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:kaiji="${KAIJI_ATOM_NAMESPACE}" xml:lang="${escapeXml(languageTag(locale))}">
${element('id', `${TAG_AUTHORITY}partners/${encodeURIComponent(locale)}`)}
${element('title', title ?? uiStrings(locale).defaultHeading)}
${element('updated', latestInstant([...announced, ...releases]))}
<author>${element('name', authorName)}</author>
${linkElement('self', 'application/atom+xml', paths.feed)}
${linkElement('alternate', 'text/html', paths.page)}
${entries.join('\n')}
</feed>
`
}
