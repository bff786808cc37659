'use client'

import { useAuth, useConfig, usePreferences, useTranslation } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect, useRef, type ReactNode } from 'react'

import { ADMIN_LANGUAGE_PREFERENCE, cookieValue, languageCookieName } from '@/i18n/languageChoice'

/**
 * The admin language is the user's, not the browser's:
 * - when a signed-in user switches it (Payload's switch sets its cookie and re-renders the admin),
 *   the choice is kept in their preferences too, so signing in on another browser opens the admin in
 *   it (collections/Users/hooks/openAdminInChosenLanguage sets the cookie then);
 * - after signing in, the admin is rendered again: Next keeps the root layout, which carries the
 *   language, across the client-side move from the sign-in form, so the cookie set at sign-in would
 *   only apply at the next full page load.
 */
export const RememberLanguageChoice = ({ children }: { children?: ReactNode }) => {
  const { i18n } = useTranslation()
  const { user } = useAuth()
  const { setPreference } = usePreferences()
  const { config } = useConfig()
  const router = useRouter()
  const pathname = usePathname()
  const shown = useRef(i18n.language)
  const signedIn = useRef(user?.id ?? null)
  const renderAgain = useRef(false)
  const cookieName = languageCookieName(config.cookiePrefix)

  useEffect(() => {
    if (shown.current === i18n.language) return
    shown.current = i18n.language
    // Only a choice: a language that comes from Accept-Language has no cookie.
    if (user && cookieValue(document.cookie, cookieName) === i18n.language)
      void setPreference(ADMIN_LANGUAGE_PREFERENCE, i18n.language)
  }, [i18n.language, user, cookieName, setPreference])

  useEffect(() => {
    const id = user?.id ?? null
    if (id !== signedIn.current) {
      signedIn.current = id
      renderAgain.current = id !== null
    }
    // Once the sign-in form has moved on to the admin.
    if (renderAgain.current && !/\/(login|create-first-user)$/.test(pathname)) {
      renderAgain.current = false
      router.refresh()
    }
  }, [user?.id, pathname, router])

  return <>{children}</>
}
