import type { FieldChange, TextChange } from '@/diff/types'
import type { AdminStringKey } from '@/i18n/adminTranslations'
import { reviewStrings } from '@/i18n/areas/review'
import { TRANSITIONS } from '../transitions'
import { CONFIRM_SOURCE, WORKFLOW_ACTIONS, type EndpointAction, type WorkflowState } from '../types'

/**
 * The Review panel's wording rules, apart from React so they can be tested: which translation key
 * names a field, an action in the history, an answer of the workflow endpoint.
 */

type Translate = (key: AdminStringKey, vars?: Record<string, unknown>) => string

const hasKey = (table: object, key: string): boolean => Object.hasOwn(table, key)

/** A content field (`name`, `columnLabels.type`) under the name the panel shows; unknown fields by their name. */
export const fieldLabel = (t: Translate, field: string): string => {
  const [group, inner] = field.split('.')
  const fields = reviewStrings.en.field
  if (
    group &&
    inner === undefined &&
    hasKey(fields, group) &&
    typeof fields[group as keyof typeof fields] === 'string'
  )
    return t(`kaijiAdmin:review:field:${group}` as AdminStringKey)
  if (group === 'columnLabels' && inner && hasKey(fields.columnLabels, inner))
    return t(`kaijiAdmin:review:field:columnLabels:${inner}` as AdminStringKey)
  return field
}

/** A history entry's action and a state, as the record views name them too. */
export { actionLabel, stateLabel } from '@/i18n/recordLabels'

const BOOLEAN_TEXT = new Set(['true', 'false'])

/**
 * A checkbox's change reads as Yes / No in the user's language; every other change as it is.
 * (The redline carries a checkbox as the text `true` / `false`.)
 */
export const readableChange = (
  t: Translate,
  change: Pick<FieldChange, 'field' | 'before' | 'after' | 'changes'>,
): Pick<FieldChange, 'field' | 'changes'> => {
  const sides = [change.before, change.after].filter((side) => side !== null)
  if (sides.length === 0 || !sides.every((side) => BOOLEAN_TEXT.has(side))) return change
  const yesNo = (value: string) => t(`kaijiAdmin:review:value:${value}` as AdminStringKey)
  const changes: TextChange[] = [
    ...(change.before !== null ? [{ kind: 'delete' as const, text: yesNo(change.before) }] : []),
    ...(change.after !== null ? [{ kind: 'insert' as const, text: yesNo(change.after) }] : []),
  ]
  return { field: change.field, changes }
}

/** What the panel knows when an action is refused: the action, the state it showed, the four-eyes flag. */
export type RefusalContext = {
  action: EndpointAction
  status: number
  shownState: WorkflowState
  youEditedSinceApproval: boolean
  /** The server's machine-readable refusal code, when it gave one. */
  code?: string
}

/**
 * The translation key for a refused action, when the panel can tell the case from the status and
 * what it showed; null when it cannot, and then the server's own message is shown.
 */
export const refusalKey = ({
  action,
  status,
  shownState,
  youEditedSinceApproval,
  code,
}: RefusalContext): AdminStringKey | null => {
  if (code === 'content-changed') return 'kaijiAdmin:review:error:contentChanged'
  if (status === 401) return 'kaijiAdmin:review:error:signedOut'
  if (status === 404) return 'kaijiAdmin:review:error:notFound'
  const allowedFromShownState =
    action === CONFIRM_SOURCE ||
    ((WORKFLOW_ACTIONS as readonly string[]).includes(action) &&
      TRANSITIONS[action].from.includes(shownState))
  if (status === 403)
    return action === 'approve' && youEditedSinceApproval
      ? 'kaijiAdmin:review:error:fourEyes'
      : 'kaijiAdmin:review:error:notAllowed'
  if (status === 409) {
    // The state the panel showed allowed the action, so the server refused it for another reason.
    if (!allowedFromShownState) return 'kaijiAdmin:review:error:stateChanged'
    if (action === 'submit') return 'kaijiAdmin:review:error:nothingToSubmit'
    if (action === 'approve') return 'kaijiAdmin:review:error:stale'
    if (action === CONFIRM_SOURCE) return 'kaijiAdmin:review:error:notStale'
    return 'kaijiAdmin:review:error:stateChanged'
  }
  return null
}
