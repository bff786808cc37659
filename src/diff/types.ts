/** One run of a word-level diff: text both sides share, or text only the old / new side has. */
export type TextChange = { kind: 'equal' | 'insert' | 'delete'; text: string }

/** A field whose text differs between two versions, with the word-level changes (null side = field empty). */
export type FieldChange = {
  field: string
  before: string | null
  after: string | null
  changes: TextChange[]
}
