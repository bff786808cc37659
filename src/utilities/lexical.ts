/** Minimal, dependency-free helpers for Lexical's serialized JSON (what Payload stores). */

export type SerializedTextNode = {
  type: 'text'
  text: string
  format: number
  style: string
  mode: 'normal'
  detail: number
  version: 1
}

export type SerializedLexicalNode = {
  type: string
  version: number
  text?: string
  children?: SerializedLexicalNode[]
  [key: string]: unknown
}

export type SerializedRichText = {
  root: {
    type: 'root'
    children: SerializedLexicalNode[]
    direction: 'ltr' | 'rtl' | null
    format: '' | 'left' | 'start' | 'center' | 'right' | 'end' | 'justify'
    indent: number
    version: number
  }
}

const textNode = (text: string): SerializedTextNode => ({
  type: 'text',
  text,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

/** One paragraph per string, each holding the text exactly as given. */
export const paragraphsToRichText = (paragraphs: readonly string[]): SerializedRichText => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: paragraphs.map((text): SerializedLexicalNode => ({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      textStyle: '',
      children: text ? [textNode(text)] : [],
    })),
  },
})

const nodeText = (node: SerializedLexicalNode): string => {
  if (node.type === 'linebreak') return '\n'
  if (typeof node.text === 'string') return node.text
  return (node.children ?? []).map(nodeText).join('')
}

/** The text of every top-level block, one per paragraph; nothing else. */
export const richTextToParagraphs = (value: unknown): string[] => {
  if (!isSerializedRichText(value)) return []
  return value.root.children.map(nodeText)
}

export const richTextToPlainText = (value: unknown): string => richTextToParagraphs(value).join('\n')

export const isSerializedRichText = (value: unknown): value is SerializedRichText => {
  if (typeof value !== 'object' || value === null) return false
  const root = (value as { root?: unknown }).root
  return (
    typeof root === 'object' &&
    root !== null &&
    (root as { type?: unknown }).type === 'root' &&
    Array.isArray((root as { children?: unknown }).children)
  )
}
