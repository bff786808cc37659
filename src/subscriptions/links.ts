import { signToken } from './signedToken'

/** Absolute links in subscribers' emails, built from the public base URL (never from a request). */
const pagePath = (base: string, locale: string) => `${base}/partners/${encodeURIComponent(locale)}`

export const confirmationUrl = (base: string, locale: string, token: string): string =>
  `${pagePath(base, locale)}/subscribe/confirm?token=${encodeURIComponent(token)}`

/** Names the address and the language, not a row: it works before confirmation too, and after a re-subscription. */
export const unsubscribeToken = (secret: string, email: string, locale: string): string =>
  signToken(secret, 'unsubscribe', { e: email, l: locale })

export const unsubscribeUrl = (base: string, secret: string, email: string, locale: string) =>
  `${pagePath(base, locale)}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, email, locale))}`

/** The objection page's link; its path and token fields are what the objection page reads. */
export const objectionUrl = (
  base: string,
  secret: string,
  subscriberId: number | string,
  locale: string,
  number: number,
): string =>
  `${pagePath(base, locale)}/releases/${number}/object?token=${signToken(secret, 'object', { s: subscriberId, l: locale, n: number })}`

export const upcomingUrl = (base: string, locale: string, number: number): string =>
  `${pagePath(base, locale)}/upcoming/${number}`

export const releaseUrl = (base: string, locale: string, number: number): string =>
  `${pagePath(base, locale)}/releases/${number}`

/** RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST `List-Unsubscribe=One-Click` to the URL. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
})
