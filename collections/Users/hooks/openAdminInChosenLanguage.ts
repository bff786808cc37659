import type { CollectionAfterLoginHook, CollectionAfterLogoutHook, PayloadRequest } from 'payload'

import type { User } from '@/payload-types'

import { productionMode, secureCookies, settings } from '@/config/settings'
import {
  ADMIN_LANGUAGE_PREFERENCE,
  languageCookie,
  languageCookieName,
} from '@/i18n/languageChoice'
import { findUserPreference } from '@/auth/userPreference'

const setLanguageCookie = (req: PayloadRequest, language: string | null): void => {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.append(
    'Set-Cookie',
    languageCookie(languageCookieName(req.payload.config.cookiePrefix), language, {
      secure: secureCookies(productionMode(), settings()),
    }),
  )
}

/**
 * Signing in opens the admin in the language this user chose (kept in their preferences, so it
 * follows them to another browser). Without a stored choice the browser's own cookie, else its
 * Accept-Language, picks the language.
 */
export const openAdminInChosenLanguage: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  const saved = await findUserPreference(req, user.id, ADMIN_LANGUAGE_PREFERENCE)
  const supported = Object.keys(req.payload.config.i18n.supportedLanguages)
  if (typeof saved?.value === 'string' && supported.includes(saved.value))
    setLanguageCookie(req, saved.value)
  return user
}

/** Signing out forgets the language on this browser: whoever signs in next gets their own. */
export const forgetLanguageAtSignOut: CollectionAfterLogoutHook<User> = ({ req }) => {
  setLanguageCookie(req, null)
}
