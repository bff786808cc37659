import type { Access } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import { hasRole } from './roles'

/**
 * Admins and legal editors edit any locale; a translator edits only the target locales assigned to
 * them, never the source. The locale is the one the request writes (`?locale=`).
 */
export const canEditRequestedLocale: Access = ({ req: { user, locale } }) => {
  if (hasRole(user, 'admin', 'legal-editor')) return true
  if (!user || !hasRole(user, 'translator') || !locale || locale === SOURCE_LOCALE) return false
  return (user.assignedLocales ?? []).some((assigned) => assigned === locale)
}
