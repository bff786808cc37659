import type { Release, ReleasedCategory, ReleasedPage, ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, timeHtml } from '../i18n'
import type { PartnerPaths } from '../paths'
import { richTextToHtml } from '../richTextHtml'
import type { ColumnLabels } from '../strings/shape'
import { fallbackColumnLabels, uiStrings } from '../uiStrings'
import { link, noticeHtml, pageHeading, releaseLabel } from './layout'

// What a release says (heading, notices, text, category table, footer): shared by the current,
// archived and diff pages.

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
export const releaseTable = (
  release: Release,
  caption: string,
  categories: readonly ReleasedCategory[] = release.content.categories,
): string => categoryTable(caption, columnLabels(release.content.page, release.locale), categories)

export const authoritativeNote = (release: Release): string => {
  const note = release.content.page.authoritativeLanguageNote
  return note ? noticeHtml([escapeHtml(note)]) : ''
}

/** h1, notices, intro, not-named note and the table: what a release says, whichever page shows it. */
export const releaseBody = (release: Release, notices: string): string => {
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

export const releaseFooter = (release: ReleaseSummary, paths: PartnerPaths): string => {
  const ui = uiStrings(release.locale)
  const line = fillHtml(ui.releaseFooter, {
    release: link(`${paths.history}#release-${release.number}`, releaseLabel(ui, release.number)),
    effective: timeHtml(release.effectiveAt, release.locale),
    published: timeHtml(release.publishedAt, release.locale),
  })
  return `<footer>\n<p>${line}</p>\n</footer>\n`
}
