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

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !isSerializedRichText(value)

/** Field name → value, with groups flattened to dotted names (`columnLabels.type`) and yes/no as text. */
export const flatten = (
  content: Record<string, unknown> | null,
  prefix = '',
): Map<string, unknown> => {
  const fields = new Map<string, unknown>()
  for (const [name, value] of Object.entries(content ?? {})) {
    if (isGroup(value))
      for (const [inner, innerValue] of flatten(value, `${prefix}${name}.`))
        fields.set(inner, innerValue)
    else fields.set(`${prefix}${name}`, typeof value === 'boolean' ? String(value) : value)
  }
  return fields
}

/**
 * Two versions of a document's content, field by field and word by word: only the fields whose text
 * differs, in the newer version's field order. With no older version every field with text is new.
 * A checkbox reads as the text `true` / `false`.
 */
export const diffFields = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  locale: string,
): FieldChange[] => {
  const old = flatten(before)
  const current = flatten(after)
  const names = [...new Set([...current.keys(), ...old.keys()])]
  return names
    .map((name) => fieldChange(name, old.get(name), current.get(name), locale))
    .filter((change): change is FieldChange => change !== null)
}
