import type { ReleaseStatus } from '@/releases/timeline'
import type { ReleaseSummary } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillText, timeHtml } from '../i18n'
import { DEFAULT_BASE_PATH, partnerPaths, type PartnerPaths } from '../paths'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'
import { link, releaseLabel, renderDocument, renderHeader } from './layout'

// Every published release, newest first: /partners/:locale/history.

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
