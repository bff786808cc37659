import { actorLabelFor } from '../audit/actorLabel'
import { localeCodesVisibleTo } from '../access/visibleLocales'
import { SOURCE_LOCALE } from '../config/locales'
import type { User, WorkflowState as WorkflowStateRow } from '../payload-types'
import {
  availableActions,
  isStale,
  type ActionUser,
  type AvailableAction,
  type WorkflowState,
} from '../workflow'

/**
 * What waits for someone, in the order the dashboard shows the sections:
 * - `in_review`: submitted, waiting for a reviewer's decision;
 * - `stale`: a translation whose approved Japanese source moved on since it was submitted;
 * - `changes_requested`: sent back by a reviewer, waiting for its editors;
 * - `draft`: the viewer's own edits, not yet submitted.
 */
export const QUEUE_SECTIONS = ['in_review', 'stale', 'changes_requested', 'draft'] as const
export type QueueSection = (typeof QUEUE_SECTIONS)[number]

/** One document as the queue needs it: its kind, id, subject key and title and text per locale. */
export type QueueDocument = {
  kind: 'page' | 'category'
  id: number | string | null
  /** The workflow's subject key (`partner-categories:3`, `partners-page`). */
  key: string
  /** The title per locale; null or missing where the locale has none. */
  titles: Readonly<Record<string, string | null | undefined>>
  /** Whether the locale has any text (an empty draft is nothing to submit). */
  hasContent: Readonly<Record<string, boolean>>
}

export type QueueEntry = {
  section: QueueSection
  key: string
  kind: QueueDocument['kind']
  locale: string
  /** The title in the entry's locale, or the Japanese one when the locale has none. */
  title: string
  titleFromSource: boolean
  state: WorkflowState
  stale: boolean
  /** Who acted last on it, as the viewer may see them (stale: who approved the new source). */
  by: string | null
  /** When (ISO instant; shown with formatAdminDate). */
  at: string | null
  /** The submitter's note (in review) or the reviewer's reason (sent back). */
  note: string | null
  /** The document in that locale, where its Review panel is. */
  href: string
  /** What the viewer may do there now (the workflow's one rule). */
  actions: AvailableAction[]
}

export type ReviewQueue = {
  sections: { section: QueueSection; entries: QueueEntry[] }[]
  total: number
}

export type QueueViewer = ActionUser & Pick<User, 'role' | 'assignedLocales'>

type LastAction = { action?: unknown; by?: unknown; at?: unknown; reason?: unknown }

const lastActionOf = (row: WorkflowStateRow | undefined): LastAction =>
  row?.lastAction && typeof row.lastAction === 'object' && !Array.isArray(row.lastAction)
    ? (row.lastAction as LastAction)
    : {}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

export const documentHref = (document: Pick<QueueDocument, 'kind' | 'id'>, locale: string) =>
  document.kind === 'page'
    ? `/admin/globals/partners-page?locale=${locale}`
    : `/admin/collections/partner-categories/${document.id}?locale=${locale}`

/**
 * Which section, if any, an entry belongs to for this viewer. Each role sees what waits for it:
 * reviewers (and admins) what they may decide, editors and translators what they may edit; the
 * actions come from availableActions, so the queue never offers what the workflow would refuse.
 */
const sectionFor = ({
  viewer,
  state,
  stale,
  editedByViewer,
  actions,
  locale,
}: {
  viewer: QueueViewer
  state: WorkflowState
  stale: boolean
  editedByViewer: boolean
  actions: readonly AvailableAction[]
  locale: string
}): QueueSection | null => {
  const reviews = viewer.role === 'legal-reviewer' || viewer.role === 'admin'
  if (state === 'in_review')
    return reviews && actions.includes('request-changes') ? 'in_review' : null
  if (stale && actions.includes('confirm-source')) return 'stale'
  if (state === 'changes_requested') {
    if (viewer.role === 'admin') return 'changes_requested'
    // Sent back to its editors: a translator's own locales, a legal editor's source text and
    // whatever else they edited since its last approval.
    const ownArea = viewer.role === 'translator' || locale === SOURCE_LOCALE
    return actions.includes('edit') && (ownArea || editedByViewer) ? 'changes_requested' : null
  }
  if (state === 'draft' && editedByViewer && actions.includes('edit')) return 'draft'
  // A translator updates a translation whose source moved on.
  if (stale && viewer.role === 'translator' && actions.includes('edit')) return 'stale'
  return null
}

const byOldest = (a: QueueEntry, b: QueueEntry) =>
  (a.at ?? '').localeCompare(b.at ?? '') || a.key.localeCompare(b.key)

/**
 * The review queue of one viewer over every workflow row (`readAllWorkflowRows`): a pure function
 * of the rows, the documents and the viewer. A translator sees only their assigned locales.
 */
export const buildReviewQueue = ({
  viewer,
  documents,
  rows,
}: {
  viewer: QueueViewer
  documents: readonly QueueDocument[]
  /** Workflow rows by key `subject:locale`. */
  rows: ReadonlyMap<string, WorkflowStateRow>
}): ReviewQueue => {
  const locales = localeCodesVisibleTo(viewer)
  const entries: QueueEntry[] = []
  for (const document of documents) {
    const source = rows.get(`${document.key}:${SOURCE_LOCALE}`)
    for (const locale of locales) {
      const row = rows.get(`${document.key}:${locale}`)
      if (!row) continue
      const hasContent = document.hasContent[locale] ?? false
      const stale =
        locale !== SOURCE_LOCALE &&
        hasContent &&
        isStale(row.sourceHash ?? null, source?.approvedHash ?? null)
      const editedSinceApproval = Array.isArray(row.editedSinceApproval)
        ? row.editedSinceApproval.map(String)
        : []
      const actions = availableActions(
        viewer,
        { hasContent, editedSinceApproval, stale },
        locale,
        row.state,
      )
      const section = sectionFor({
        viewer,
        state: row.state,
        stale,
        editedByViewer: editedSinceApproval.includes(String(viewer.id)),
        actions,
        locale,
      })
      if (!section) continue
      const last = lastActionOf(row)
      const fromStaleSource = section === 'stale'
      const by = fromStaleSource ? text(source?.approvedBy) : text(last.by)
      const note =
        (section === 'in_review' && last.action === 'submit') ||
        (section === 'changes_requested' && last.action === 'request-changes')
          ? text(last.reason)
          : null
      const ownTitle = text(document.titles[locale])
      const sourceTitle = text(document.titles[SOURCE_LOCALE])
      entries.push({
        section,
        key: document.key,
        kind: document.kind,
        locale,
        title: ownTitle ?? sourceTitle ?? document.key,
        titleFromSource: ownTitle === null && locale !== SOURCE_LOCALE,
        state: row.state,
        stale,
        by: by === null ? null : actorLabelFor(by, viewer),
        at: fromStaleSource ? text(source?.approvedAt) : text(last.at),
        note,
        href: documentHref(document, locale),
        actions,
      })
    }
  }
  const sections = QUEUE_SECTIONS.map((section) => ({
    section,
    entries: entries.filter((entry) => entry.section === section).sort(byOldest),
  })).filter(({ entries: list }) => list.length > 0)
  return { sections, total: entries.length }
}
