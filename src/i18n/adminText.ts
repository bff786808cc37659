import type { PayloadRequest } from 'payload'

import { adminTranslations, type AdminStringKey } from './adminTranslations'

/**
 * One of Kaiji's admin strings in the request's language (Payload's req.i18n: the user's choice,
 * else Accept-Language, else English), for messages that hooks and endpoints send to the admin.
 * A request without i18n (the Local API's own calls) gets English.
 */
export const adminText = (
  req: Pick<PayloadRequest, 'i18n'>,
  key: AdminStringKey,
  variables: Record<string, unknown> = {},
): string => {
  if (req.i18n?.t)
    return (req.i18n.t as (key: string, vars?: Record<string, unknown>) => string)(key, variables)
  const [, ...path] = key.split(':')
  let text: unknown = adminTranslations.en.kaijiAdmin
  for (const part of path) text = (text as Record<string, unknown> | undefined)?.[part]
  return String(text ?? key).replace(/{{(\w+)}}/g, (_, name: string) =>
    String(variables[name] ?? ''),
  )
}
