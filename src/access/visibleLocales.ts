import type { Locale, PayloadRequest } from 'payload'

import { hasRole } from './roles'

/** Translators see only the locales assigned to them in the admin; everyone else sees all. */
export const localesVisibleTo = ({ locales, req: { user } }: { locales: Locale[]; req: PayloadRequest }): Locale[] => {
  if (!hasRole(user, 'translator')) return locales
  const assigned = new Set<string>(user?.assignedLocales ?? [])
  return locales.filter((locale) => assigned.has(locale.code))
}
