import type { ReleaseStatus } from '@/releases/timeline'
import type { ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillText, timeHtml } from '../i18n'
import { partnerPaths, type PartnerPaths } from '../paths'
import type { SiteContext } from '../site'
import type { UiStrings } from '../strings/shape'
import { summaryText, uiStrings } from '../uiStrings'
import { cellLabel, link, releaseLabel, renderSitePage } from './layout'

// Every published release, newest first: /partners/:locale/history.

export type HistoryEntry = { release: ReleaseSummary; status: ReleaseStatus }

export type HistoryPageInput = {
  locale: string
  /** Newest first. */
  releases: readonly HistoryEntry[]
  site: SiteContext
}

const summaryCell = (release: ReleaseSummary, ui: UiStrings, paths: PartnerPaths): string => {
  const summary = escapeHtml(summaryText(release, ui))
  if (release.rollbackOf === null) return summary
  const rollback = escapeHtml(fillText(ui.rollbackOf, { n: release.rollbackOf }))
  return `${summary} (${link(paths.release(release.rollbackOf), rollback)})`
}

const diffCell = (n: number, ui: UiStrings, paths: PartnerPaths): string =>
  n > 1
    ? link(paths.diff(n - 1, n), escapeHtml(fillText(ui.changesFromTo, { from: n - 1, to: n })))
    : ''

/** A cell with its column's label for the stacked layout; an empty one stays empty. */
const cell = (label: string, html: string): string =>
  html === '' ? '<td></td>' : `<td>${cellLabel(label)}${html}</td>`

const historyRow = (
  { release, status }: HistoryEntry,
  locale: string,
  paths: PartnerPaths,
  timeZone: string,
): string => {
  const ui = uiStrings(locale)
  const columns = ui.historyColumns
  const n = release.number
  return `<tr id="release-${n}">
<th scope="row">${link(paths.release(n), releaseLabel(ui, n))}</th>
${cell(columns.status, escapeHtml(ui.statuses[status]))}
${cell(columns.changeType, escapeHtml(ui.changeTypes[release.changeType]))}
${cell(columns.summary, summaryCell(release, ui, paths))}
${cell(columns.effective, timeHtml(release.effectiveAt, locale, timeZone))}
${cell(columns.published, timeHtml(release.publishedAt, locale, timeZone))}
${cell(columns.changes, diffCell(n, ui, paths))}
</tr>`
}

export const renderHistoryPage = ({ locale, releases, site }: HistoryPageInput): string => {
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, site.basePath)
  const columns = Object.values(ui.historyColumns)
    .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
    .join('')
  const main = `<h1>${escapeHtml(ui.historyTitle)}</h1>
<table class="history">
<caption>${escapeHtml(ui.historyCaption)}</caption>
<thead>
<tr>${columns}</tr>
</thead>
<tbody>
${releases.map((entry) => historyRow(entry, locale, paths, site.timeZone)).join('\n')}
</tbody>
</table>`
  return renderSitePage({ locale, site, kind: 'history', title: ui.historyTitle, main })
}
