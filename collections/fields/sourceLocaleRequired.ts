import type { Validate } from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'

/**
 * Required in the source locale only: a target locale that has no translation yet stays empty and
 * shows as missing, instead of blocking other edits or inventing text.
 */
export const requiredInSourceLocale: Validate = (value, { req }) => {
  if (req.locale !== SOURCE_LOCALE) return true
  const empty =
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  return empty ? `This field is required in the source locale (${SOURCE_LOCALE}).` : true
}
