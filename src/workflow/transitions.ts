import { SOURCE_LOCALE } from '../config/locales'
import type { Role } from '../config/roles'
import { english, localeName, type Say } from '../i18n/adminText'
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
  say = english,
}: {
  actor: Actor
  actorId: number | string
  action: WorkflowAction
  locale: string
  state: WorkflowState
  reason?: string
  editedSinceApproval: ReadonlyArray<number | string>
  /** The language of the refusal's message: English unless the caller passes the request's. */
  say?: Say
}): TransitionCheck => {
  const transition = TRANSITIONS[action]
  const stateName = (value: WorkflowState) => say(`kaijiAdmin:workflow:state:${value}`)
  const words = {
    action,
    verb: action.replace('-', ' '),
    actionName: say(`kaijiAdmin:workflow:action:${action}`),
    locale,
    localeName: localeName(say, locale),
  }
  const refuse = (status: 400 | 403 | 409, message: string): TransitionCheck => ({
    ok: false,
    status,
    message,
  })
  if (transition.reasonRequired && !reason?.trim())
    return refuse(400, say('kaijiAdmin:messages:workflow:needsReason', words))
  if (!mayTakeAction(actor, action, locale)) {
    const key =
      transition.by === 'editor'
        ? 'kaijiAdmin:messages:workflow:onlyEditors'
        : 'kaijiAdmin:messages:workflow:onlyReviewers'
    return refuse(403, say(key, words))
  }
  if (!transition.from.includes(state)) {
    return refuse(
      409,
      say('kaijiAdmin:messages:workflow:wrongState', {
        ...words,
        stateName: stateName(state),
        allowedNames: transition.from.map(stateName).join(say('kaijiAdmin:messages:listSeparator')),
      }),
    )
  }
  if (action === 'approve' && editedSinceApproval.map(String).includes(String(actorId)))
    return refuse(403, say('kaijiAdmin:messages:workflow:fourEyes'))
  return { ok: true, to: transition.to }
}
