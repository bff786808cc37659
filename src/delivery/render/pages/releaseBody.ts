import type { Release, ReleasedCategory, ReleasedPage, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, timeHtml } from '../i18n'
import { richTextToHtml } from '../richTextHtml'
import type { ColumnLabels } from '../strings/shape'
import { fallbackColumnLabels, uiStrings } from '../uiStrings'
import { cellLabel, link, noticeHtml, pageHeading, releaseLabel } from './layout'

// What a release says (heading, notices, text, category table, footer): shared by the current,
// archived, announced and diff pages.

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

/** A cell with its column's label for the stacked layout; an empty one stays empty (and is hidden there). */
const labelledCell = (label: string, html: string): string =>
  html === '' ? '<td></td>' : `<td>${cellLabel(label)}${html}</td>`

const categoryRow = (category: ReleasedCategory, labels: ColumnLabels): string =>
  `<tr>
<th scope="row">${cellLabel(labels.type)}${categoryName(category)}</th>
${labelledCell(labels.description, richTextToHtml(category.description))}
${labelledCell(labels.dataUsageNote, richTextToHtml(category.dataUsageNote))}
</tr>`

const categoryTable = (
  caption: string,
  labels: ColumnLabels,
  categories: readonly ReleasedCategory[],
): string =>
  `<table class="categories">
<caption>${escapeHtml(caption)}</caption>
<thead>
<tr><th scope="col">${escapeHtml(labels.type)}</th><th scope="col">${escapeHtml(labels.description)}</th><th scope="col">${escapeHtml(labels.dataUsageNote)}</th></tr>
</thead>
<tbody>
${categories.map((category) => categoryRow(category, labels)).join('\n')}
</tbody>
</table>`

/** A release's categories (or a subset of them, for the diff) under that release's column labels. */
export const releaseTable = (
  release: Release,
  caption: string,
  categories: readonly ReleasedCategory[] = release.content.categories,
): string => categoryTable(caption, columnLabels(release.content.page, release.locale), categories)

export const authoritativeNote = (release: Release): string => {
  const note = release.content.page.authoritativeLanguageNote
  return note ? noticeHtml([escapeHtml(note)]) : ''
}

/** The level of a release's title: the page's h1, or h3 inside an announced release's "full text" section. */
export type TitleLevel = 1 | 3

/** Title, notices, intro, not-named note and the table: what a release says, whichever page shows it. */
export const releaseBody = (
  release: Release,
  notices: string,
  titleLevel: TitleLevel = 1,
): string => {
  const { page } = release.content
  const ui = uiStrings(release.locale)
  return [
    `<h${titleLevel}>${escapeHtml(pageHeading(page, release.locale))}</h${titleLevel}>`,
    notices,
    richTextToHtml(page.intro),
    richTextToHtml(page.notNamedNote),
    releaseTable(release, ui.tableCaption),
  ]
    .filter(Boolean)
    .join('\n')
}

/** The release line; its number links to its row in the history, when it has one (an announced release has none yet). */
export const releaseLine = (
  release: ReleaseSummary,
  historyPath: string | null,
  timeZone: string,
): string => {
  const ui = uiStrings(release.locale)
  const label = releaseLabel(ui, release.number)
  return fillHtml(ui.releaseFooter, {
    release: historyPath === null ? label : link(`${historyPath}#release-${release.number}`, label),
    effective: timeHtml(release.effectiveAt, release.locale, timeZone),
    published: timeHtml(release.publishedAt, release.locale, timeZone),
  })
}
