import type { ReleaseSummary } from '@/releases/types'
import { escapeXml } from './escape'
import { fillText, formatDate, isoInstant, languageTag } from './i18n'
import { DEFAULT_BASE_PATH, partnerPaths } from './paths'
import { uiStrings } from './uiStrings'

export type AtomFeedInput = {
  locale: string
  /** Newest first; one entry each. */
  releases: readonly ReleaseSummary[]
  /** Absolute, e.g. https://example.com (Atom ids and links must not depend on the request). */
  baseUrl: string
  /** The feed's title; the locale's default heading when null. */
  title: string | null
  authorName?: string
}

const TAG_AUTHORITY = 'tag:kaiji,2026:'
const EPOCH = '1970-01-01T00:00:00.000Z'

const element = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`

const linkElement = (rel: string, type: string, href: string): string =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`

const latestInstant = (releases: readonly ReleaseSummary[]): string =>
  releases
    .map((release) => isoInstant(release.publishedAt))
    .filter((instant): instant is string => instant !== null)
    .reduce((latest, instant) => (instant > latest ? instant : latest), EPOCH)

const entry = (release: ReleaseSummary, locale: string, releaseUrl: string): string => {
  const ui = uiStrings(locale)
  const published = isoInstant(release.publishedAt) ?? EPOCH
  const summary = fillText(ui.feedSummary, {
    changeType: ui.changeTypes[release.changeType],
    date: formatDate(release.effectiveAt, locale),
    summary: release.summary,
  })
  return `<entry>
${element('id', `${TAG_AUTHORITY}partners/${encodeURIComponent(locale)}/releases/${release.number}`)}
${element('title', `${fillText(ui.release, { n: release.number })}: ${release.summary}`)}
${element('updated', published)}
${element('published', published)}
${linkElement('alternate', 'text/html', releaseUrl)}
${element('summary', summary)}
</entry>`
}

/** Atom 1.0 (RFC 4287): one entry per release. */
export const renderAtomFeed = ({
  locale,
  releases,
  baseUrl,
  title,
  authorName = 'Kaiji',
}: AtomFeedInput): string => {
  const paths = partnerPaths(locale, `${baseUrl.replace(/\/+$/, '')}${DEFAULT_BASE_PATH}`)
  const entries = releases.map((release) => entry(release, locale, paths.release(release.number)))
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(languageTag(locale))}">
${element('id', `${TAG_AUTHORITY}partners/${encodeURIComponent(locale)}`)}
${element('title', title ?? uiStrings(locale).defaultHeading)}
${element('updated', latestInstant(releases))}
<author>${element('name', authorName)}</author>
${linkElement('self', 'application/atom+xml', paths.feed)}
${linkElement('alternate', 'text/html', paths.page)}
${entries.join('\n')}
</feed>
`
}
