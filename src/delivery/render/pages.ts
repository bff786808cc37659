import { SOURCE_LOCALE } from '../../config/locales'
import type {
  FieldChange,
  Release,
  ReleaseDiff,
  ReleasedCategory,
  ReleasedPage,
  ReleaseSummary,
  TextChange,
} from '../../releases/types'
import { escapeHtml } from './escape'
import type { ReleaseStatus } from '../../releases/timeline'
import { fillHtml, fillText, languageName, languageTag, timeHtml } from './i18n'
import { DEFAULT_BASE_PATH, partnerPaths, type PartnerPaths } from './paths'
import { richTextToHtml } from './richTextHtml'
import type { ColumnLabels, UiStrings } from './strings/shape'
import { fallbackColumnLabels, uiStrings } from './uiStrings'

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.6}
body{max-width:72rem;margin:0 auto;padding:0 1rem 2rem}
.skip-link{position:absolute;left:-100vw}
.skip-link:focus{position:static}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:start;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid;padding:.5rem .75rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
.notice{border:2px solid;padding:.25rem 1rem;margin:1rem 0}
ins{background:rgba(0,160,0,.18)}
del{background:rgba(220,0,0,.18)}
ins.block,del.block{display:block;text-decoration:none;background:none;border-inline-start:.4rem solid;padding-inline-start:.75rem}
`.trim()

type DocumentInput = {
  locale: string
  title: string
  header: string
  main: string
  footer: string
  feedHref?: string
}

const renderDocument = ({
  locale,
  title,
  header,
  main,
  footer,
  feedHref,
}: DocumentInput): string => {
  const ui = uiStrings(locale)
  const feedLink = feedHref
    ? `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(feedHref)}" title="${escapeHtml(ui.feed)}">\n`
    : ''
  return `<!doctype html>
<html lang="${escapeHtml(languageTag(locale))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${feedLink}<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#content">${escapeHtml(ui.skipToContent)}</a>
${header}<main id="content">
${main}
</main>
${footer}</body>
</html>
`
}

type NavCurrent = 'page' | 'history' | null

const navLink = (href: string, label: string, attributes = ''): string =>
  `<li><a href="${escapeHtml(href)}"${attributes}>${escapeHtml(label)}</a></li>`

const languageLinks = (locale: string, locales: readonly string[], basePath: string): string[] =>
  locales
    .filter((other) => other !== locale)
    .map((other) => {
      const tag = escapeHtml(languageTag(other))
      return navLink(
        partnerPaths(other, basePath).page,
        languageName(other),
        ` hreflang="${tag}" lang="${tag}"`,
      )
    })

const renderHeader = (
  locale: string,
  locales: readonly string[],
  basePath: string,
  current: NavCurrent,
): string => {
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, basePath)
  const currentIf = (which: NavCurrent): string => (current === which ? ' aria-current="page"' : '')
  const links = [
    navLink(paths.page, ui.currentVersion, currentIf('page')),
    navLink(paths.history, ui.history, currentIf('history')),
    navLink(paths.feed, ui.feed, ' type="application/atom+xml"'),
    navLink(paths.json, 'JSON', ' type="application/json"'),
    navLink(paths.csv, 'CSV', ' type="text/csv"'),
    ...languageLinks(locale, locales, basePath),
  ]
  return `<header>
<nav aria-label="${escapeHtml(ui.navLabel)}">
<ul>
${links.join('\n')}
</ul>
</nav>
</header>
`
}

const link = (href: string, html: string): string => `<a href="${escapeHtml(href)}">${html}</a>`

const releaseLabel = (ui: UiStrings, n: number): string => escapeHtml(fillText(ui.release, { n }))

const pageHeading = (page: ReleasedPage, locale: string): string =>
  page.title ?? uiStrings(locale).defaultHeading

// ---- the release body, shared by the current and the archived page

const columnLabels = (page: ReleasedPage, locale: string): ColumnLabels => {
  const fallback = fallbackColumnLabels(locale)
  const pick = (value: string | null, otherwise: string): string =>
    value?.trim() ? value : otherwise
  return {
    type: pick(page.columnLabels.type, fallback.type),
    description: pick(page.columnLabels.description, fallback.description),
    dataUsageNote: pick(page.columnLabels.dataUsageNote, fallback.dataUsageNote),
  }
}

const categoryName = (category: ReleasedCategory): string => {
  const icon = category.icon ? `<span aria-hidden="true">${escapeHtml(category.icon)}</span> ` : ''
  return icon + escapeHtml(category.name ?? '')
}

const categoryRow = (category: ReleasedCategory): string =>
  `<tr>
<th scope="row">${categoryName(category)}</th>
<td>${richTextToHtml(category.description)}</td>
<td>${richTextToHtml(category.dataUsageNote)}</td>
</tr>`

const categoryTable = (
  caption: string,
  labels: ColumnLabels,
  categories: readonly ReleasedCategory[],
): string =>
  `<table>
<caption>${escapeHtml(caption)}</caption>
<thead>
<tr><th scope="col">${escapeHtml(labels.type)}</th><th scope="col">${escapeHtml(labels.description)}</th><th scope="col">${escapeHtml(labels.dataUsageNote)}</th></tr>
</thead>
<tbody>
${categories.map(categoryRow).join('\n')}
</tbody>
</table>`

/** A release's categories (or a subset of them, for the diff) under that release's column labels. */
const releaseTable = (
  release: Release,
  caption: string,
  categories: readonly ReleasedCategory[] = release.content.categories,
): string => categoryTable(caption, columnLabels(release.content.page, release.locale), categories)

const noticeHtml = (paragraphsHtml: readonly string[]): string =>
  `<div class="notice" role="note">${paragraphsHtml.map((html) => `<p>${html}</p>`).join('')}</div>`

const authoritativeNote = (release: Release): string => {
  const note = release.content.page.authoritativeLanguageNote
  return note ? noticeHtml([escapeHtml(note)]) : ''
}

/** h1, notices, intro, not-named note and the table: what a release says, whichever page shows it. */
const releaseBody = (release: Release, notices: string): string => {
  const { page } = release.content
  const ui = uiStrings(release.locale)
  return [
    `<h1>${escapeHtml(pageHeading(page, release.locale))}</h1>`,
    notices,
    richTextToHtml(page.intro),
    richTextToHtml(page.notNamedNote),
    releaseTable(release, ui.tableCaption),
  ]
    .filter(Boolean)
    .join('\n')
}

const releaseFooter = (release: ReleaseSummary, paths: PartnerPaths): string => {
  const ui = uiStrings(release.locale)
  const line = fillHtml(ui.releaseFooter, {
    release: link(`${paths.history}#release-${release.number}`, releaseLabel(ui, release.number)),
    effective: timeHtml(release.effectiveAt, release.locale),
    published: timeHtml(release.publishedAt, release.locale),
  })
  return `<footer>\n<p>${line}</p>\n</footer>\n`
}

// ---- the current page

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
  locales: readonly string[]
  basePath?: string
}

const sourceNoticeHtml = (notice: SourceNotice, locale: string): string => {
  const ui = uiStrings(locale)
  const updated = fillHtml(ui.sourceUpdated, { date: timeHtml(notice.updatedAt, locale) })
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

// An upcoming release is announced here, but its archive page and diffs stay closed until it takes
// effect; its full text is published only through the upcoming API.
const upcomingItem = (next: ReleaseSummary, current: ReleaseSummary): string => {
  const ui = uiStrings(current.locale)
  const item = fillHtml(ui.upcomingItem, {
    release: releaseLabel(ui, next.number),
    date: timeHtml(next.effectiveAt, current.locale),
    changeType: escapeHtml(ui.changeTypes[next.changeType]),
    summary: escapeHtml(next.summary),
  })
  // A translation announced for a date waits for the source release it translates; say which.
  const follows =
    next.locale !== SOURCE_LOCALE && next.sourceReleaseNumber !== null
      ? ` ${escapeHtml(fillText(ui.upcomingFollowsSource, { n: next.sourceReleaseNumber }))}`
      : ''
  return `<li>${item}${follows}</li>`
}

const upcomingSection = (current: ReleaseSummary, upcoming: readonly ReleaseSummary[]): string => {
  if (upcoming.length === 0) return ''
  const ui = uiStrings(current.locale)
  return `<section class="notice" aria-labelledby="upcoming-heading">
<h2 id="upcoming-heading">${escapeHtml(ui.upcomingChanges)}</h2>
<ul>
${upcoming.map((next) => upcomingItem(next, current)).join('\n')}
</ul>
<p>${link(`/content/v1/partners/${encodeURIComponent(current.locale)}/upcoming`, escapeHtml(ui.upcomingDetails))}</p>
</section>`
}

export const renderPartnersPage = ({
  release,
  upcoming,
  sourceNotice,
  locales,
  basePath = DEFAULT_BASE_PATH,
}: PartnersPageInput): string => {
  const { locale } = release
  const paths = partnerPaths(locale, basePath)
  // The source notice carries the authoritative-language note itself; never show it twice.
  const notices = [
    sourceNotice ? sourceNoticeHtml(sourceNotice, locale) : authoritativeNote(release),
    upcomingSection(release, upcoming),
  ]
  return renderDocument({
    locale,
    title: pageHeading(release.content.page, locale),
    header: renderHeader(locale, locales, basePath, 'page'),
    main: releaseBody(release, notices.filter(Boolean).join('\n')),
    footer: releaseFooter(release, paths),
    feedHref: paths.feed,
  })
}

// ---- an archived (or upcoming) release

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
    footer: releaseFooter(release, paths),
    feedHref: paths.feed,
  })
}

// ---- history

export type HistoryEntry = { release: ReleaseSummary; status: ReleaseStatus }

export type HistoryPageInput = {
  locale: string
  /** Newest first. */
  releases: readonly HistoryEntry[]
  locales: readonly string[]
  basePath?: string
}

const summaryCell = (release: ReleaseSummary, ui: UiStrings, paths: PartnerPaths): string => {
  const summary = escapeHtml(release.summary)
  if (release.rollbackOf === null) return summary
  const rollback = escapeHtml(fillText(ui.rollbackOf, { n: release.rollbackOf }))
  return `${summary} (${link(paths.release(release.rollbackOf), rollback)})`
}

const diffCell = (n: number, ui: UiStrings, paths: PartnerPaths): string =>
  n > 1
    ? link(paths.diff(n - 1, n), escapeHtml(fillText(ui.changesFromTo, { from: n - 1, to: n })))
    : ''

const historyRow = (
  { release, status }: HistoryEntry,
  locale: string,
  paths: PartnerPaths,
): string => {
  const ui = uiStrings(locale)
  const n = release.number
  return `<tr id="release-${n}">
<th scope="row">${link(paths.release(n), releaseLabel(ui, n))}</th>
<td>${escapeHtml(ui.statuses[status])}</td>
<td>${escapeHtml(ui.changeTypes[release.changeType])}</td>
<td>${summaryCell(release, ui, paths)}</td>
<td>${timeHtml(release.effectiveAt, locale)}</td>
<td>${timeHtml(release.publishedAt, locale)}</td>
<td>${diffCell(n, ui, paths)}</td>
</tr>`
}

export const renderHistoryPage = ({
  locale,
  releases,
  locales,
  basePath = DEFAULT_BASE_PATH,
}: HistoryPageInput): string => {
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, basePath)
  const columns = Object.values(ui.historyColumns)
    .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
    .join('')
  const main = `<h1>${escapeHtml(ui.historyTitle)}</h1>
<table>
<caption>${escapeHtml(ui.historyCaption)}</caption>
<thead>
<tr>${columns}</tr>
</thead>
<tbody>
${releases.map((entry) => historyRow(entry, locale, paths)).join('\n')}
</tbody>
</table>`
  return renderDocument({
    locale,
    title: ui.historyTitle,
    header: renderHeader(locale, locales, basePath, 'history'),
    main,
    footer: '',
    feedHref: paths.feed,
  })
}

// ---- diff

export type DiffPageInput = {
  diff: ReleaseDiff
  fromRelease: Release
  toRelease: Release
  locales: readonly string[]
  basePath?: string
}

const runHtml = ({ kind, text }: TextChange): string => {
  if (text === '') return ''
  const html = escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')
  if (kind === 'insert') return `<ins>${html}</ins>`
  if (kind === 'delete') return `<del>${html}</del>`
  return html
}

/** The word-level runs; when the diff carries none, the whole old text struck and the whole new one inserted. */
const redline = (change: FieldChange): string => {
  const runs: TextChange[] =
    change.changes.length > 0
      ? change.changes
      : [
          { kind: 'delete', text: change.before ?? '' },
          { kind: 'insert', text: change.after ?? '' },
        ]
  return runs.map(runHtml).join('')
}

/** A field the labels do not know (added to the diff later) shows under its own name. */
const fieldLabel = (field: string, ui: UiStrings): string => {
  const labels: Readonly<Record<string, string>> = ui.fieldLabels
  return Object.hasOwn(labels, field) ? (labels[field] ?? field) : field
}

const fieldChanges = (changes: readonly FieldChange[], ui: UiStrings, level: 3 | 4): string =>
  changes
    .map(
      (change) =>
        `<h${level}>${escapeHtml(fieldLabel(change.field, ui))}</h${level}>\n<p>${redline(change)}</p>`,
    )
    .join('\n')

const section = (heading: string, body: string): string =>
  `<section>\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`

const changedCategories = (diff: ReleaseDiff, ui: UiStrings): string =>
  diff.categories.changed
    .map(
      ({ key, name, fields }) =>
        `<h3>${escapeHtml(name ?? key)}</h3>\n${fieldChanges(fields, ui, 4)}`,
    )
    .join('\n')

const releaseLine = (release: ReleaseSummary, ui: UiStrings, paths: PartnerPaths): string =>
  fillHtml(ui.releaseEffective, {
    release: link(paths.release(release.number), releaseLabel(ui, release.number)),
    date: timeHtml(release.effectiveAt, release.locale),
  })

const diffSections = ({ diff, fromRelease, toRelease }: DiffPageInput, ui: UiStrings): string[] => {
  const { added, removed, changed } = diff.categories
  const sections: string[] = []
  if (diff.page.length > 0) sections.push(section(ui.pageText, fieldChanges(diff.page, ui, 3)))
  if (changed.length > 0) sections.push(section(ui.changed, changedCategories(diff, ui)))
  if (added.length > 0) {
    sections.push(
      section(ui.added, `<ins class="block">${releaseTable(toRelease, ui.added, added)}</ins>`),
    )
  }
  if (removed.length > 0) {
    sections.push(
      section(
        ui.removed,
        `<del class="block">${releaseTable(fromRelease, ui.removed, removed)}</del>`,
      ),
    )
  }
  return sections
}

export const renderDiffPage = (input: DiffPageInput): string => {
  const { diff, fromRelease, toRelease, locales, basePath = DEFAULT_BASE_PATH } = input
  const { locale } = diff
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, basePath)
  const heading = fillText(ui.changesFromTo, { from: diff.from, to: diff.to })
  const sections = diffSections(input, ui)
  const main = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<ul>\n<li>${releaseLine(fromRelease, ui, paths)}</li>\n<li>${releaseLine(toRelease, ui, paths)}</li>\n</ul>`,
    ...(sections.length > 0 ? sections : [`<p>${escapeHtml(ui.noChanges)}</p>`]),
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

// ---- errors

export type ErrorPageInput = { status: number; message: string; locale: string }

const errorTitle = (status: number, ui: UiStrings): string =>
  status === 404 ? ui.errors.notFound : status === 400 ? ui.errors.badRequest : ui.errors.other

export const renderErrorPage = ({ status, message, locale }: ErrorPageInput): string => {
  const title = errorTitle(status, uiStrings(locale))
  return renderDocument({
    locale,
    title: `${status} — ${title}`,
    header: '',
    main: `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`,
    footer: '',
  })
}
