import { richTextToPlainText, isSerializedRichText } from '../utilities/lexical'
import { stableStringify } from '../utilities/stableStringify'

export type FieldDiff = {
  field: string
  changed: boolean
  approved: string | null
  working: string | null
}

const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (isSerializedRichText(value)) return richTextToPlainText(value)
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return stableStringify(value)
}

/** Field by field: what was approved against the working copy, as readable text. */
export const diffContent = (
  approved: Record<string, unknown> | null,
  working: Record<string, unknown>,
): FieldDiff[] =>
  Object.keys(working).map((field) => {
    const before = approved ? (approved[field] ?? null) : null
    const after = working[field] ?? null
    return {
      field,
      changed: stableStringify(before) !== stableStringify(after),
      approved: asText(before),
      working: asText(after),
    }
  })
