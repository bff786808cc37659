import { isSerializedRichText, richTextToPlainText } from '../utilities/lexical'

/** Whether a field shows any text: rich text with words in it, a non-empty string or number. */
export const hasText = (value: unknown): boolean => {
  if (value === null || value === undefined) return false
  if (isSerializedRichText(value)) return richTextToPlainText(value).trim() !== ''
  if (typeof value === 'string') return value.trim() !== ''
  return typeof value === 'number'
}

/** Whether one locale's content (read in that locale) shows any text in a localized field, inside groups too. */
export const localeHasText = (
  content: Record<string, unknown>,
  localizedFields: readonly string[],
): boolean =>
  localizedFields.some((field) => {
    const value = content[field]
    if (hasText(value)) return true
    return (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !isSerializedRichText(value) &&
      Object.values(value).some(hasText)
    )
  })
