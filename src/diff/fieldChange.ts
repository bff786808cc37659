import { isSerializedRichText, richTextToPlainText } from '../utilities/lexical'
import type { FieldChange } from './types'
import { diffWords } from './wordDiff'

/**
 * The text a field shows, or null when it shows nothing. One rule for page and category fields:
 * strings as they are, numbers as digits, rich text as plain text (paragraphs joined with '\n').
 */
export const fieldText = (value: unknown): string | null => {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number') return String(value)
  if (isSerializedRichText(value)) return richTextOrNull(richTextToPlainText(value))
  return null
}

/** Rich text whose paragraphs are all empty (what an editor leaves behind) shows nothing. */
const richTextOrNull = (text: string): string | null =>
  text.replaceAll('\n', '') === '' ? null : text

export const fieldChange = (
  field: string,
  beforeValue: unknown,
  afterValue: unknown,
  locale: string,
): FieldChange | null => {
  const before = fieldText(beforeValue)
  const after = fieldText(afterValue)
  if (before === after) return null
  return { field, before, after, changes: diffWords(before ?? '', after ?? '', locale) }
}
