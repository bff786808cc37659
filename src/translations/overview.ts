import { LOCALES, SOURCE_LOCALE } from '../config/locales'
import {
  availableActions,
  isStale,
  type ActionUser,
  type AvailableAction,
  type WorkflowState,
} from '../workflow'

export const CELL_STATUSES = [
  'missing',
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'stale',
] as const
export type CellStatus = (typeof CELL_STATUSES)[number]

/** What the overview needs of one document in one locale. */
export type LocaleFacts = {
  hasContent: boolean
  state: WorkflowState | null
  sourceHash: string | null
  editedSinceApproval: readonly string[]
}

export type OverviewSubject = {
  kind: 'page' | 'category'
  id: number | string | null
  key: string
  label: string
  retired: boolean
  /** Facts per locale code. */
  locales: Record<string, LocaleFacts>
}

export type OverviewCell = {
  status: CellStatus
  href: string
  actions: AvailableAction[]
}
export type OverviewRow = {
  kind: OverviewSubject['kind']
  key: string
  label: string
  retired: boolean
  cells: Record<string, OverviewCell>
}
export type Overview = {
  locales: string[]
  rows: OverviewRow[]
  totals: Record<string, Record<CellStatus, number>>
}

export type Viewer = ActionUser

/** Missing when the locale has no text and nothing in review; stale overrides the state of a translation behind its source. */
export const cellStatus = (facts: LocaleFacts, currentSourceHash: string | null): CellStatus => {
  if (!facts.hasContent && (facts.state === null || facts.state === 'draft')) return 'missing'
  if (isStale(facts.sourceHash, currentSourceHash)) return 'stale'
  return facts.state ?? 'draft'
}

/** The actions this viewer could take on the cell now: the workflow's one rule (availableActions). */
export const cellActions = (
  viewer: Viewer,
  locale: string,
  facts: LocaleFacts,
  stale: boolean,
): AvailableAction[] =>
  availableActions(
    viewer,
    { hasContent: facts.hasContent, editedSinceApproval: facts.editedSinceApproval, stale },
    locale,
    facts.state,
  )

const adminHref = (subject: OverviewSubject, locale: string): string =>
  subject.kind === 'page'
    ? `/admin/globals/partners-page?locale=${locale}`
    : `/admin/collections/partner-categories/${subject.id}?locale=${locale}`

const emptyTotals = (): Record<CellStatus, number> =>
  Object.fromEntries(CELL_STATUSES.map((status) => [status, 0])) as Record<CellStatus, number>

/**
 * The locale completeness grid: a row per document (the page first, then the categories in order),
 * a column per locale the viewer may see, a status and the viewer's possible actions per cell, and
 * totals per locale.
 */
export const buildOverview = ({
  subjects,
  sourceApprovedHashes,
  viewer,
  locales = [...LOCALES],
}: {
  subjects: readonly OverviewSubject[]
  /** The source's approved hash per subject key. */
  sourceApprovedHashes: ReadonlyMap<string, string | null>
  viewer: Viewer
  locales?: readonly string[]
}): Overview => {
  const totals = Object.fromEntries(locales.map((locale) => [locale, emptyTotals()]))
  const rows = subjects.map((subject): OverviewRow => {
    const currentSourceHash = sourceApprovedHashes.get(subject.key) ?? null
    const cells = Object.fromEntries(
      locales.map((locale) => {
        const facts = subject.locales[locale] ?? {
          hasContent: false,
          state: null,
          sourceHash: null,
          editedSinceApproval: [],
        }
        const status =
          locale === SOURCE_LOCALE
            ? cellStatus({ ...facts, sourceHash: null }, null)
            : cellStatus(facts, currentSourceHash)
        const counts = totals[locale]
        if (counts && !subject.retired) counts[status] += 1
        return [
          locale,
          {
            status,
            href: adminHref(subject, locale),
            // Stale as the workflow sees it: a translation with no text left still shows as missing.
            actions: cellActions(
              viewer,
              locale,
              facts,
              locale !== SOURCE_LOCALE && isStale(facts.sourceHash, currentSourceHash),
            ),
          },
        ]
      }),
    )
    return {
      kind: subject.kind,
      key: subject.key,
      label: subject.label,
      retired: subject.retired,
      cells,
    }
  })
  return { locales: [...locales], rows, totals }
}
