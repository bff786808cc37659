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

type JsonObject = { readonly [key: string]: unknown }

/** Far deeper than any editor produces; stops hostile nesting from exhausting the stack. */
export const MAX_RICH_TEXT_DEPTH = 100

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A node's children that are nodes at all; stored content is never trusted to be well formed. */
export const childNodes = (node: JsonObject): JsonObject[] =>
  Array.isArray(node.children) ? node.children.filter(isJsonObject) : []

const nodeText = (node: JsonObject, depth = 0): string => {
  if (depth > MAX_RICH_TEXT_DEPTH) return ''
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'list')
    return childNodes(node)
      .map((item) => nodeText(item, depth + 1))
      .join('\n')
  if (!Array.isArray(node.children)) return typeof node.text === 'string' ? node.text : ''
  return childNodes(node).reduce((text, child) => {
    const part = nodeText(child, depth + 1)
    return child.type === 'list' && text !== '' ? `${text}\n${part}` : text + part
  }, '')
}

/** The text of every top-level block, one per paragraph (list items on their own lines); nothing else. */
export const richTextToParagraphs = (value: unknown): string[] =>
  isSerializedRichText(value)
    ? childNodes(value.root as JsonObject).map((node) => nodeText(node))
    : []

export const richTextToPlainText = (value: unknown): string =>
  richTextToParagraphs(value).join('\n')

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
