import { fieldText, flatten } from '@/diff/fieldChange'

/** One translatable field of the approved source: its dotted name and the text it shows (null: empty). */
export type SourceFieldText = { field: string; text: string | null }

/**
 * The approved source text a translator translates, field by field: only the localized fields
 * (groups as dotted names, `columnLabels.type`), rich text as plain text, in the config's order.
 * The source's shared fields (key, icon, order) are not text to translate and are left out.
 */
export const sourceFieldTexts = (
  approvedContent: Record<string, unknown> | null,
  localizedFields: readonly string[],
): SourceFieldText[] => {
  if (approvedContent === null) return []
  const localized = Object.fromEntries(
    localizedFields.map((name) => [name, approvedContent[name] ?? null]),
  )
  return [...flatten(localized)].map(([field, value]) => ({ field, text: fieldText(value) }))
}
