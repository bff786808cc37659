import type { CollectionAfterLoginHook } from 'payload'

import type { User } from '@/payload-types'

import { productionMode, secureCookies, settings } from '@/config/settings'
import {
  ADMIN_LANGUAGE_PREFERENCE,
  languageCookie,
  languageCookieName,
} from '@/i18n/languageChoice'
import { findUserPreference } from './userPreference'

/**
 * Signing in opens the admin in the language this user chose (kept in their preferences, so it
 * follows them to another browser). Without a choice the cookie of whoever used this browser before
 * is dropped, and the browser's Accept-Language picks the language.
 */
export const openAdminInChosenLanguage: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  const saved = await findUserPreference(req, user.id, ADMIN_LANGUAGE_PREFERENCE)
  const supported = Object.keys(req.payload.config.i18n.supportedLanguages)
  const language =
    typeof saved?.value === 'string' && supported.includes(saved.value) ? saved.value : null
  req.responseHeaders ??= new Headers()
  req.responseHeaders.append(
    'Set-Cookie',
    languageCookie(languageCookieName(req.payload.config.cookiePrefix), language, {
      secure: secureCookies(productionMode(), settings()),
    }),
  )
  return user
}
