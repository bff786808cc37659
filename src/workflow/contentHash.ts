import { createHash } from 'node:crypto'

import { SOURCE_LOCALE } from '../config/locales'
import { stableStringify } from '../utilities/stableStringify'

export type ContentFields = { localized: readonly string[]; sourceOnly: readonly string[] }

/**
 * The reviewable content of one locale of a document read in that locale: its localized fields,
 * plus, for the source locale, the fields every locale shares (key, icon, order).
 */
export const localeContent = (
  doc: Record<string, unknown>,
  fields: ContentFields,
  locale: string,
): Record<string, unknown> => {
  const names =
    locale === SOURCE_LOCALE ? [...fields.sourceOnly, ...fields.localized] : fields.localized
  return Object.fromEntries(names.map((name) => [name, doc[name] ?? null]))
}

/** Whether `value` has the shape of a hashContent result: 64 lowercase hexadecimal characters. */
export const isContentHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)

export const hashContent = (content: Record<string, unknown>): string =>
  createHash('sha256').update(stableStringify(content)).digest('hex')
