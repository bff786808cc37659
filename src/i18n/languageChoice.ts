/**
 * A user's choice of admin language. Payload keeps it only in a browser cookie (`<prefix>-lng`), so
 * it is lost on another browser or computer; Kaiji also keeps it in the user's preferences (this
 * key) and sets the cookie from them when the user signs in. Without a stored choice the browser's
 * Accept-Language picks the language.
 */
export const ADMIN_LANGUAGE_PREFERENCE = 'admin-language'

/** Payload's cookie for the admin language (Kaiji sets no cookie prefix). */
export const languageCookieName = (cookiePrefix: string | undefined): string =>
  `${cookiePrefix || 'payload'}-lng`

const YEAR_SECONDS = 60 * 60 * 24 * 365

/**
 * The Set-Cookie value that makes the admin open in `language`, as Payload's own language switch
 * sets it (a year, the whole site), or that forgets the cookie when the user has no choice stored.
 */
export const languageCookie = (
  name: string,
  language: string | null,
  { secure }: { secure: boolean },
): string =>
  [
    `${name}=${language ?? ''}`,
    'Path=/',
    `Max-Age=${language ? YEAR_SECONDS : 0}`,
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ')

/** The value of one cookie in a `document.cookie` string, or null. */
export const cookieValue = (cookies: string, name: string): string | null => {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return null
}
