import type { Locale, PayloadRequest } from 'payload'

import { LOCALES } from '../config/locales'
import type { User } from '../payload-types'
import { hasRole } from './roles'

/** Translators see only the locales assigned to them; everyone else sees all. */
export const localeCodesVisibleTo = (
  user: Pick<User, 'role' | 'assignedLocales'> | null | undefined,
): string[] => {
  if (!hasRole(user, 'translator')) return [...LOCALES]
  const assigned = new Set<string>(user?.assignedLocales ?? [])
  return LOCALES.filter((code) => assigned.has(code))
}

/** The admin's locale switcher (Payload's `filterAvailableLocales`). */
export const localesVisibleTo = ({
  locales,
  req: { user },
}: {
  locales: Locale[]
  req: PayloadRequest
}): Locale[] => {
  const visible = new Set(localeCodesVisibleTo(user))
  return locales.filter((locale) => visible.has(locale.code))
}
