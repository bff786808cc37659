import type { PayloadRequest } from 'payload'

import { isLocaleCode } from '../config/locales'
import { adminTranslations, type AdminLanguage, type AdminStringKey } from './adminTranslations'

type Variables = Record<string, unknown>

/** Kaiji's admin string for a key, with its `{{variables}}`: in one language, for code that has no request. */
export type Say = (key: AdminStringKey, variables?: Variables) => string

/** Kaiji's strings in one admin language, without a request (pure rules, tests); English by default. */
export const sayIn =
  (language: AdminLanguage = 'en'): Say =>
  (key, variables = {}) => {
    const [, ...path] = key.split(':')
    let text: unknown = adminTranslations[language].kaijiAdmin
    for (const part of path) text = (text as Record<string, unknown> | undefined)?.[part]
    return String(text ?? key).replace(/{{(\w+)}}/g, (_, name: string) =>
      String(variables[name] ?? ''),
    )
  }

/**
 * Messages: the server builds every refusal the admin can show from a `kaijiAdmin:messages` key, in
 * the request's language (`sayFor(req)`), so the admin's own toasts and banners need no mapping and
 * an API client that names no language gets English. Pure rules take a `Say` and default to English.
 */
export const english: Say = sayIn('en')

/**
 * One of Kaiji's admin strings in the request's language (Payload's req.i18n: the user's choice,
 * else Accept-Language, else English), for messages that hooks and endpoints send to the admin.
 * A request without i18n (the Local API's own calls) gets English.
 */
export const adminText = (
  req: Pick<PayloadRequest, 'i18n'>,
  key: AdminStringKey,
  variables: Variables = {},
): string => {
  if (req.i18n?.t) return (req.i18n.t as (key: string, vars?: Variables) => string)(key, variables)
  return english(key, variables)
}

export const sayFor =
  (req: Pick<PayloadRequest, 'i18n'>): Say =>
  (key, variables) =>
    adminText(req, key, variables)

/** A locale as the admin names it ("English", 「英語」); anything else as given. */
export const localeName = (say: Say, locale: unknown): string =>
  isLocaleCode(locale) ? say(`kaijiAdmin:collections:localeName:${locale}`) : String(locale)

/** Several locales named, joined as the language joins a list. */
export const localeNames = (say: Say, locales: readonly unknown[]): string =>
  locales.map((locale) => localeName(say, locale)).join(say('kaijiAdmin:messages:listSeparator'))
