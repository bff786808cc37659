import { isJsonObject, MAX_RICH_TEXT_DEPTH } from './lexical'

/** The node types the editor produces (Payload's default Lexical features); anything else is refused at write. */
const ELEMENT_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
])
const LEAF_TYPES = new Set(['text', 'linebreak', 'tab', 'horizontalrule'])
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const LIST_TAGS = new Set(['ul', 'ol'])
const LIST_TYPES = new Set(['bullet', 'number', 'check'])
const ALIGNMENTS = new Set(['', 'left', 'start', 'center', 'right', 'end', 'justify'])
const DIRECTIONS = new Set([null, 'ltr', 'rtl'])
/** Links go to web pages, mail, this site, or an anchor; never a script or data URL. */
const SAFE_URL = /^(?:https?:\/\/|mailto:|\/(?!\/)|#)[^\u0000-\u001F\u007F]*$/i
const MAX_PROBLEMS = 5

/**
 * Why a value is not rich text the editor could have produced, as a list of problems naming each
 * place (`root.children[2].children[0].text`); empty when it is fine. Null and undefined are "no value".
 */
export const richTextProblems = (value: unknown): string[] => {
  if (value === null || value === undefined) return []
  const problems: string[] = []
  const add = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem)
  }
  if (!isJsonObject(value) || !isJsonObject(value.root))
    return ['it must be an object with a "root" node']
  const root = value.root
  if (root.type !== 'root') add('root.type must be "root"')

  const visit = (node: unknown, where: string, depth: number, allowed: ReadonlySet<string>) => {
    if (depth > MAX_RICH_TEXT_DEPTH)
      return add(`${where} is nested deeper than ${MAX_RICH_TEXT_DEPTH} levels`)
    if (!isJsonObject(node)) return add(`${where} must be a node object`)
    const type = node.type
    if (typeof type !== 'string' || !allowed.has(type))
      return add(`${where}.type ${JSON.stringify(type)} is not a node type of this editor`)
    if (typeof node.version !== 'number') add(`${where}.version must be a number`)
    if (type === 'text') {
      if (typeof node.text !== 'string') add(`${where}.text must be a string`)
      if (!Number.isInteger(node.format ?? 0)) add(`${where}.format must be a whole number`)
      if (node.style !== undefined && typeof node.style !== 'string')
        add(`${where}.style must be a string`)
      return
    }
    if (LEAF_TYPES.has(type)) return
    if (
      node.format !== undefined &&
      !(typeof node.format === 'string' && ALIGNMENTS.has(node.format)) &&
      typeof node.format !== 'number'
    )
      add(`${where}.format ${JSON.stringify(node.format)} is not an alignment`)
    if (node.direction !== undefined && !DIRECTIONS.has(node.direction as string | null))
      add(`${where}.direction must be "ltr", "rtl" or null`)
    if (type === 'heading' && !HEADING_TAGS.has(String(node.tag)))
      add(`${where}.tag ${JSON.stringify(node.tag)} is not h1–h6`)
    if (type === 'list') {
      if (!LIST_TAGS.has(String(node.tag)))
        add(`${where}.tag ${JSON.stringify(node.tag)} is not ul or ol`)
      if (!LIST_TYPES.has(String(node.listType)))
        add(`${where}.listType ${JSON.stringify(node.listType)} is not bullet, number or check`)
    }
    if (type === 'link' || type === 'autolink') {
      const fields = isJsonObject(node.fields) ? node.fields : {}
      const url = isJsonObject(node.fields) ? fields.url : node.url
      // An internal link points at a document (fields.doc), not a URL.
      if (fields.linkType !== 'internal' && (typeof url !== 'string' || !SAFE_URL.test(url.trim())))
        add(
          `${where} links to ${JSON.stringify(url)}; links must be http(s), mailto, a path on this site or an anchor`,
        )
    }
    if (!Array.isArray(node.children)) return add(`${where}.children must be a list of nodes`)
    const inner =
      type === 'list'
        ? new Set(['listitem'])
        : type === 'link' || type === 'autolink'
          ? LEAF_TYPES
          : new Set([...ELEMENT_TYPES, ...LEAF_TYPES])
    node.children.forEach((child, index) =>
      visit(
        child,
        `${where}.children[${index}]`,
        depth + 1,
        type === 'listitem' ? new Set([...ELEMENT_TYPES, ...LEAF_TYPES]) : inner,
      ),
    )
  }

  if (!Array.isArray(root.children)) add('root.children must be a list of nodes')
  else
    root.children.forEach((child, index) =>
      visit(
        child,
        `root.children[${index}]`,
        1,
        new Set(['paragraph', 'heading', 'quote', 'list', 'horizontalrule']),
      ),
    )
  return problems
}
