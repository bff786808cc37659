import {
  childNodes,
  isJsonObject,
  isSerializedRichText,
  MAX_RICH_TEXT_DEPTH,
} from '@/utilities/lexical'
import { escapeHtml } from './escape'

/**
 * Lexical JSON → HTML by allowlist: only the tags below are ever written, every text is escaped and
 * the only attributes are a vetted href and a fixed rel. Content is never trusted to be well formed.
 */

type JsonObject = Parameters<typeof childNodes>[0]

/** Where the output lands decides which tags are valid there: block tags inside a <p> are dropped, list children become <li>. */
type Context = 'flow' | 'phrasing' | 'list'
type State = { context: Context; inLink: boolean; depth: number }

const textOf = (node: JsonObject): string => (typeof node.text === 'string' ? node.text : '')

const topLevelNodes = (value: unknown): JsonObject[] =>
  isSerializedRichText(value) ? childNodes(value.root) : []

const wrap = (tag: string, html: string): string => `<${tag}>${html}</${tag}>`

const FORMAT_TAGS: ReadonlyArray<readonly [bit: number, tag: string]> = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
]

const renderText = (node: JsonObject): string => {
  const text = textOf(node)
  if (text === '') return ''
  const format = typeof node.format === 'number' ? node.format : 0
  return FORMAT_TAGS.reduce(
    (html, [bit, tag]) => (format & bit ? wrap(tag, html) : html),
    escapeHtml(text),
  )
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const CONTROL_CHAR = /[\u0000-\u001F\u007F]/

/** The normalized URL when it is absolute http(s) or mailto, else null (javascript:, data:, relative, control characters…). */
export const safeHref = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || CONTROL_CHAR.test(raw)) return null
  try {
    const url = new URL(raw)
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** Lexical's own link node keeps `url`; Payload's keeps it in `fields.url`. */
const linkUrl = (node: JsonObject): unknown =>
  node.url ?? (isJsonObject(node.fields) ? node.fields.url : undefined)

const headingTag = (tag: unknown): string => {
  const level = typeof tag === 'string' && /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : 2
  // The page owns the one h1.
  return `h${Math.max(level, 2)}`
}

const listTag = (node: JsonObject): string =>
  node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul'

const renderNodes = (nodes: readonly JsonObject[], state: State): string =>
  state.depth > MAX_RICH_TEXT_DEPTH
    ? ''
    : nodes.map((node) => renderNode(node, { ...state, depth: state.depth + 1 })).join('')

const renderChildren = (node: JsonObject, state: State): string =>
  renderNodes(childNodes(node), state)

/** A block element where blocks are allowed; inside phrasing content only its children survive. */
const renderBlock = (tag: string, node: JsonObject, state: State, inner: Context): string =>
  state.context === 'phrasing'
    ? renderChildren(node, state)
    : wrap(tag, renderChildren(node, { ...state, context: inner }))

const renderLink = (node: JsonObject, state: State): string => {
  const href = state.inLink ? null : safeHref(linkUrl(node))
  if (href === null) return renderChildren(node, state)
  const inner = renderChildren(node, { ...state, context: 'phrasing', inLink: true })
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>`
}

const renderListItem = (node: JsonObject, state: State): string =>
  state.context === 'list'
    ? wrap('li', renderChildren(node, { ...state, context: 'flow' }))
    : renderChildren(node, state)

const renderUnknown = (node: JsonObject, state: State): string =>
  Array.isArray(node.children) ? renderChildren(node, state) : escapeHtml(textOf(node))

const renderNode = (node: JsonObject, state: State): string => {
  if (state.context === 'list' && node.type !== 'listitem') {
    return wrap('li', renderNode(node, { ...state, context: 'flow' }))
  }
  switch (node.type) {
    case 'text':
      return renderText(node)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return '\t'
    case 'paragraph':
      return renderBlock('p', node, state, 'phrasing')
    case 'heading':
      return renderBlock(headingTag(node.tag), node, state, 'phrasing')
    case 'quote':
      return renderBlock('blockquote', node, state, 'flow')
    case 'list':
      return renderBlock(listTag(node), node, state, 'list')
    case 'listitem':
      return renderListItem(node, state)
    case 'link':
    case 'autolink':
      return renderLink(node, state)
    default:
      return renderUnknown(node, state)
  }
}

/** Sanitized HTML for a Lexical rich-text value; '' for anything that is not one. */
export const richTextToHtml = (value: unknown): string =>
  renderNodes(topLevelNodes(value), { context: 'flow', inLink: false, depth: 0 })
