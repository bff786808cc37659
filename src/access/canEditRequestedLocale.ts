import type { Access } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import type { Role } from '../config/roles'
import { hasRole } from './roles'

/**
 * Admins and legal editors edit any locale; a translator edits only the target locales assigned to
 * them, never the source.
 */
export const mayEditLocale = (
  user: { role?: Role | null; assignedLocales?: readonly string[] | null } | null | undefined,
  locale: string,
): boolean => {
  if (hasRole(user, 'admin', 'legal-editor')) return true
  if (!user || !hasRole(user, 'translator') || locale === SOURCE_LOCALE) return false
  return (user.assignedLocales ?? []).some((assigned) => assigned === locale)
}

/** The rule above for the locale the request writes (`?locale=`). */
export const canEditRequestedLocale: Access = ({ req: { user, locale } }) =>
  Boolean(locale) && mayEditLocale(user, String(locale))
