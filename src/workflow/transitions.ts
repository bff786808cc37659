import { SOURCE_LOCALE } from '../config/locales'
import type { Role } from '../config/roles'
import type { WorkflowAction, WorkflowState } from './types'

type Transition = {
  from: readonly WorkflowState[]
  to: WorkflowState
  reasonRequired: boolean
  by: 'editor' | 'reviewer'
}

/** The transition table: everything the workflow endpoints allow, and nothing else. */
export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  submit: {
    from: ['draft', 'changes_requested'],
    to: 'in_review',
    reasonRequired: false,
    by: 'editor',
  },
  withdraw: { from: ['in_review'], to: 'draft', reasonRequired: false, by: 'editor' },
  approve: { from: ['in_review'], to: 'approved', reasonRequired: false, by: 'reviewer' },
  'request-changes': {
    from: ['in_review'],
    to: 'changes_requested',
    reasonRequired: true,
    by: 'reviewer',
  },
}

export type Actor = { role?: Role | null; assignedLocales?: readonly string[] | null }

/** Editors of a locale: legal editors (any locale) and translators of an assigned target locale. */
export const editsLocale = (actor: Actor, locale: string): boolean =>
  actor.role === 'legal-editor' ||
  (actor.role === 'translator' &&
    locale !== SOURCE_LOCALE &&
    (actor.assignedLocales ?? []).includes(locale))

export const reviewsLocale = (actor: Actor): boolean =>
  actor.role === 'legal-reviewer' || actor.role === 'admin'

export const mayTakeAction = (actor: Actor, action: WorkflowAction, locale: string): boolean =>
  TRANSITIONS[action].by === 'editor' ? editsLocale(actor, locale) : reviewsLocale(actor)

export type TransitionCheck =
  { ok: true; to: WorkflowState } | { ok: false; status: 400 | 403 | 409; message: string }

/**
 * Decides one requested action: who may take it, from which state, with what reason, and the
 * four-eyes rule (nobody approves a locale whose content they changed since its last approval).
 */
export const checkTransition = ({
  actor,
  actorId,
  action,
  locale,
  state,
  reason,
  editedSinceApproval,
}: {
  actor: Actor
  actorId: number | string
  action: WorkflowAction
  locale: string
  state: WorkflowState
  reason?: string
  editedSinceApproval: ReadonlyArray<number | string>
}): TransitionCheck => {
  const transition = TRANSITIONS[action]
  if (transition.reasonRequired && !reason?.trim()) {
    return { ok: false, status: 400, message: `"${action}" needs a reason.` }
  }
  if (!mayTakeAction(actor, action, locale)) {
    const who =
      transition.by === 'editor' ? `editors of the ${locale} locale` : 'legal reviewers and admins'
    return { ok: false, status: 403, message: `Only ${who} may ${action.replace('-', ' ')}.` }
  }
  if (!transition.from.includes(state)) {
    return {
      ok: false,
      status: 409,
      message: `Cannot ${action.replace('-', ' ')} from "${state}" (allowed from: ${transition.from.join(', ')}).`,
    }
  }
  if (action === 'approve' && editedSinceApproval.map(String).includes(String(actorId))) {
    return {
      ok: false,
      status: 403,
      message:
        'Four-eyes rule: you changed this content since its last approval, so someone else must approve it.',
    }
  }
  return { ok: true, to: transition.to }
}
