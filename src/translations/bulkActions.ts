import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { SOURCE_LOCALE, type TargetLocaleCode } from '../config/locales'
import { adminText } from '../i18n/adminText'
import type { User } from '../payload-types'
import {
  availableActions,
  isStale,
  readAllWorkflowRows,
  subjectKey,
  takeWorkflowAction,
  type WorkflowState,
  type WorkflowSubject,
} from '../workflow'

export const BULK_ACTIONS = ['submit', 'approve'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]

/** Why a document was left out; `refused` carries the workflow's own message. */
export type SkipReason = 'four-eyes' | 'stale' | 'empty' | 'refused'

export type BulkResult =
  | { subject: string; label: string; outcome: 'done'; state: WorkflowState }
  | { subject: string; label: string; outcome: 'skipped'; reason: SkipReason; message: string }

type Candidate = {
  subject: WorkflowSubject
  key: string
  label: string
  state: WorkflowState
  editedSinceApproval: string[]
  stale: boolean
}

/** The state a bulk action starts from, to ask the workflow's rule whether the role may take it at all. */
const FROM: Record<BulkAction, WorkflowState> = { submit: 'draft', approve: 'in_review' }

/**
 * Whether `user`'s role may take `action` in `locale` on some document: the workflow's one rule
 * (availableActions) asked about a document with text, no editors and a current source.
 */
export const mayBulk = (user: User, action: BulkAction, locale: string): boolean =>
  availableActions(
    user,
    { hasContent: true, editedSinceApproval: [], stale: false },
    locale,
    FROM[action],
  ).includes(action)

const system = { overrideAccess: true, depth: 0 } as const

/**
 * The documents a bulk action tries, in the dashboard's order (the page, then categories by order):
 * - submit: the user's drafts, i.e. drafts and sent-back documents this user edited since the last
 *   approval (a colleague's unfinished draft in the same locale is left to them);
 * - approve: every document in review in the locale.
 */
const candidates = async (
  payload: Payload,
  user: User,
  action: BulkAction,
  locale: TargetLocaleCode,
): Promise<Candidate[]> => {
  const [categories, rows] = await Promise.all([
    payload.find({
      collection: 'partner-categories',
      locale: SOURCE_LOCALE,
      sort: 'order',
      pagination: false,
      ...system,
    }),
    readAllWorkflowRows(payload),
  ])
  const subjects: Array<{ subject: WorkflowSubject; label: string }> = [
    { subject: { kind: 'global', slug: 'partners-page' }, label: '' },
    ...categories.docs.map((category) => ({
      subject: {
        kind: 'collection' as const,
        slug: 'partner-categories' as const,
        id: category.id,
      },
      label: `${category.icon ?? ''} ${category.name ?? category.key}`.trim(),
    })),
  ]
  return subjects.flatMap(({ subject, label }): Candidate[] => {
    const key = subjectKey(subject)
    const row = rows.get(`${key}:${locale}`)
    if (!row) return []
    const editedSinceApproval = Array.isArray(row.editedSinceApproval)
      ? row.editedSinceApproval.map(String)
      : []
    const state = row.state as WorkflowState
    const wanted =
      action === 'approve'
        ? state === 'in_review'
        : (state === 'draft' || state === 'changes_requested') &&
          editedSinceApproval.includes(String(user.id))
    if (!wanted) return []
    const source = rows.get(`${key}:${SOURCE_LOCALE}`)
    return [
      {
        subject,
        key,
        label,
        state,
        editedSinceApproval,
        stale: isStale(row.sourceHash ?? null, source?.approvedHash ?? null),
      },
    ]
  })
}

const skipReason = (
  user: User,
  action: BulkAction,
  candidate: Candidate,
  status: number,
): SkipReason => {
  if (
    action === 'approve' &&
    status === 403 &&
    candidate.editedSinceApproval.includes(String(user.id))
  )
    return 'four-eyes'
  if (action === 'approve' && status === 409 && candidate.stale) return 'stale'
  if (action === 'submit' && status === 409) return 'empty'
  return 'refused'
}

/**
 * Takes `action` on each candidate through takeWorkflowAction, so every check holds per document and
 * each document gets its own audit event. Each document runs in its own transaction: a refusal or a
 * failure rolls back that document alone, and one document's outcome never depends on another's.
 */
export const runBulkAction = async (
  req: PayloadRequest,
  user: User,
  action: BulkAction,
  locale: TargetLocaleCode,
): Promise<BulkResult[]> => {
  const results: BulkResult[] = []
  for (const candidate of await candidates(req.payload, user, action, locale)) {
    const ownsTransaction = await initTransaction(req)
    try {
      const outcome = await takeWorkflowAction(req, user, candidate.subject, locale, action, null)
      if (ownsTransaction) await (outcome.ok ? commitTransaction(req) : killTransaction(req))
      results.push(
        outcome.ok
          ? {
              subject: candidate.key,
              label: candidate.label,
              outcome: 'done',
              state: outcome.state,
            }
          : {
              subject: candidate.key,
              label: candidate.label,
              outcome: 'skipped',
              reason: skipReason(user, action, candidate, outcome.status),
              message: outcome.message,
            },
      )
    } catch (error) {
      if (ownsTransaction) await killTransaction(req)
      req.payload.logger.error({ err: error, subject: candidate.key, locale }, 'bulk action failed')
      results.push({
        subject: candidate.key,
        label: candidate.label,
        outcome: 'skipped',
        reason: 'refused',
        message: adminText(req, 'kaijiAdmin:messages:bulk:failed'),
      })
    }
  }
  return results
}
