import { isLocaleCode, LOCALES, type LocaleCode } from '../config/locales'
import {
  isSubscriptionScope,
  MAX_EMAIL_LENGTH,
  SUBSCRIPTION_SCOPES,
  type SubscriptionScope,
} from './subscriptionTerms'

export type SubscribeRequest = { email: string; locale: LocaleCode; scope: SubscriptionScope }

export type FormCheck<T> = { ok: true; value: T } | { ok: false; problem: string }

// Deliberately simple: one @, no spaces or angle brackets, a dot in the domain. The confirmation
// email is the real check.
const EMAIL = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\].]+$/

/** Trimmed and lower-cased: one person's address is one subscriber, however it was typed. */
export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase()

const KNOWN_FIELDS = ['email', 'scope', 'language']

/**
 * Reads the subscribe form (application/x-www-form-urlencoded): `email`, `scope` (material | all)
 * and optionally `language`, which overrides the page's own locale.
 */
export const parseSubscribeForm = (
  body: string,
  pageLocale: LocaleCode,
): FormCheck<SubscribeRequest> => {
  const form = new URLSearchParams(body)
  const unknown = [...new Set(form.keys())].filter((key) => !KNOWN_FIELDS.includes(key))
  if (unknown.length)
    return {
      ok: false,
      problem: `Unknown form field(s) ${unknown.map((key) => `"${key}"`).join(', ')}; the form has email, scope and language.`,
    }
  const emails = form.getAll('email')
  if (emails.length !== 1 || !emails[0]?.trim())
    return { ok: false, problem: 'Give one email address in the "email" field.' }
  const email = normalizeEmail(emails[0])
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email))
    return { ok: false, problem: `"${email.slice(0, 80)}" is not an email address.` }
  const scope = form.get('scope')
  if (!isSubscriptionScope(scope))
    return {
      ok: false,
      problem: `"scope" must be one of ${SUBSCRIPTION_SCOPES.join(', ')}, not ${JSON.stringify(scope)}.`,
    }
  const language = form.get('language')
  if (language !== null && !isLocaleCode(language))
    return {
      ok: false,
      problem: `"language" must be one of ${LOCALES.join(', ')}, not ${JSON.stringify(language)}.`,
    }
  return { ok: true, value: { email, scope, locale: language ?? pageLocale } }
}
