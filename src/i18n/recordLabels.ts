import type { Say } from './adminText'
import type { AdminStringKey } from './adminTranslations'
import { collectionsStrings } from './areas/collections'
import { reviewStrings } from './areas/review'
import { workflowStrings } from './areas/workflow'

/**
 * How the admin names a workflow state, an action and a locale code in the user's language, with
 * any `t` (the client's useAdminTranslation, a request's i18n). Unknown codes show as stored.
 */
export type Translate = Say

const hasKey = (table: object, key: string): boolean => Object.hasOwn(table, key)

/** An action: the workflow's own names, then what only the history records (import, publish…). */
export const actionLabel = (t: Translate, action: string): string => {
  if (hasKey(workflowStrings.en.action, action))
    return t(`kaijiAdmin:workflow:action:${action}` as AdminStringKey)
  if (hasKey(reviewStrings.en.history.action, action))
    return t(`kaijiAdmin:review:history:action:${action}` as AdminStringKey)
  return action
}

export const stateLabel = (t: Translate, state: string | null): string =>
  state && hasKey(workflowStrings.en.state, state)
    ? t(`kaijiAdmin:workflow:state:${state}` as AdminStringKey)
    : (state ?? '—')

export const localeLabel = (t: Translate, locale: string): string =>
  hasKey(collectionsStrings.en.localeName, locale)
    ? t(`kaijiAdmin:collections:localeName:${locale}` as AdminStringKey)
    : locale
