import type { Validate } from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'
import { adminText, localeName, sayFor } from '@/i18n/adminText'

/**
 * Required in the source locale only: a target locale that has no translation yet stays empty and
 * shows as missing, instead of blocking other edits or inventing text.
 */
export const requiredInSourceLocale: Validate = (value, { req }) => {
  if (req.locale !== SOURCE_LOCALE) return true
  const empty =
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  if (!empty) return true
  return adminText(req, 'kaijiAdmin:messages:fields:requiredInSource', {
    locale: SOURCE_LOCALE,
    localeName: localeName(sayFor(req), SOURCE_LOCALE),
  })
}
