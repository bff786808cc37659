import { mayEditLocale } from '../access/canEditRequestedLocale'
import { checkSourceConfirmation, STALE_APPROVAL_MESSAGE } from './sourceTracking'
import { english, localeName, type Say } from '../i18n/adminText'
import { checkTransition, type Actor } from './transitions'
import { CONFIRM_SOURCE, ENDPOINT_ACTIONS, type EndpointAction, type WorkflowState } from './types'

export type ActionUser = Actor & { id: number | string }

/** What the rule needs to know of one document in one locale. */
export type DocumentFacts = {
  /** The locale shows any text; an empty locale has nothing to submit. */
  hasContent: boolean
  /** Ids of those who changed the locale's content since its last approval (four-eyes). */
  editedSinceApproval: readonly string[]
  /** A translation whose approved source moved on since it was submitted. */
  stale: boolean
}

/** What a user may do with a document in a locale: edit it, or take an action of the workflow endpoint. */
export type AvailableAction = 'edit' | EndpointAction

export type ActionCheck = { ok: true } | { ok: false; status: 400 | 403 | 409; message: string }

export const EMPTY_SUBMISSION_MESSAGE = (locale: string, say: Say = english) =>
  say('kaijiAdmin:messages:workflow:emptySubmission', {
    locale,
    localeName: localeName(say, locale),
  })

/**
 * The one rule for a requested action: who may take it, from which state, with what reason, the
 * four-eyes rule, a stale translation, an empty locale. The endpoint answers with it; what users
 * are offered (availableActions) is what it allows.
 */
export const checkAction = ({
  user,
  document,
  locale,
  state,
  action,
  reason,
  say = english,
}: {
  user: ActionUser
  document: DocumentFacts
  locale: string
  state: WorkflowState
  action: EndpointAction
  reason?: string
  /** The language of a refusal's message (the request's, for the admin); English by default. */
  say?: Say
}): ActionCheck => {
  if (action === CONFIRM_SOURCE)
    return checkSourceConfirmation({ actor: user, locale, reason, stale: document.stale, say })
  const check = checkTransition({
    actor: user,
    actorId: user.id,
    action,
    locale,
    state,
    reason,
    editedSinceApproval: document.editedSinceApproval,
    say,
  })
  if (!check.ok) return check
  if (action === 'approve' && document.stale)
    return { ok: false, status: 409, message: STALE_APPROVAL_MESSAGE(locale, say) }
  if (action === 'submit' && !document.hasContent)
    return { ok: false, status: 409, message: EMPTY_SUBMISSION_MESSAGE(locale, say) }
  return { ok: true }
}

// Offering an action asks who, when and on what; the reason it may need is asked when it is taken.
const REASON_TO_BE_GIVEN = 'given when the action is taken'

/** Everything `user` may do now with the document in `locale`, in a fixed order (edit first). */
export const availableActions = (
  user: ActionUser,
  document: DocumentFacts,
  locale: string,
  state: WorkflowState | null,
): AvailableAction[] => [
  ...(mayEditLocale(user, locale) ? (['edit'] as const) : []),
  ...ENDPOINT_ACTIONS.filter(
    (action) =>
      checkAction({
        user,
        document,
        locale,
        state: state ?? 'draft',
        action,
        reason: REASON_TO_BE_GIVEN,
      }).ok,
  ),
]
