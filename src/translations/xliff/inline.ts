import {
  childNodes,
  isJsonObject,
  MAX_RICH_TEXT_DEPTH,
  type SerializedLexicalNode,
} from '@/utilities/lexical'

/**
 * Rich text ↔ XLIFF inline content. Each block of text (a paragraph, heading, quote or list item)
 * is one segment; formatting becomes paired codes, a link a paired code whose URL the file carries
 * beside the text, a line break a placeholder. In XLIFF 2.0 these are `<pc>` (the URL in the unit's
 * original data) and `<ph subType="xlf:lb"/>`; in XLIFF 1.2 `<g>` and `<x ctype="lb"/>`. Codes are
 * numbered per unit in document order; a target uses the ids of the matching source codes.
 */

type JsonObject = { readonly [key: string]: unknown }

/** Lexical's text format bits, in the order codes nest, with their XLIFF subtypes. */
export const FORMATS = [
  { bit: 1, subType: 'xlf:b', ctype: 'bold' },
  { bit: 2, subType: 'xlf:i', ctype: 'italic' },
  { bit: 8, subType: 'xlf:u', ctype: 'underlined' },
  { bit: 4, subType: 'kaiji:s', ctype: 'x-strikethrough' },
  { bit: 16, subType: 'kaiji:code', ctype: 'x-code' },
  { bit: 32, subType: 'kaiji:sub', ctype: 'x-subscript' },
  { bit: 64, subType: 'kaiji:sup', ctype: 'x-superscript' },
] as const

/** An inline code of the source: what a target's code with the same id stands for. */
export type InlineCode =
  | { id: string; kind: 'format'; subType: string }
  | { id: string; kind: 'link'; dataId: string; url: string; node: JsonObject }
  | { id: string; kind: 'linebreak' }

/** One piece of inline content, after parsing a segment: text with its formatting and link. */
export type InlineRun =
  { kind: 'text'; text: string; format: number; link: string | null } | { kind: 'linebreak' }

const INLINE_TYPES = new Set(['text', 'linebreak', 'link', 'autolink', 'tab'])
const isInline = (node: JsonObject) => INLINE_TYPES.has(String(node.type))

/**
 * The blocks of a rich text value in document order: elements whose children include inline
 * nodes. A list item with a nested list is a block (its own text), and the nested items follow it.
 */
export const blocksOf = (value: unknown): JsonObject[] => {
  const blocks: JsonObject[] = []
  const visit = (node: JsonObject, depth: number) => {
    if (depth > MAX_RICH_TEXT_DEPTH) return
    const children = childNodes(node)
    if (node.type !== 'root' && (children.length === 0 || children.some(isInline)))
      blocks.push(node)
    for (const child of children) if (!isInline(child)) visit(child, depth + 1)
  }
  if (isJsonObject(value) && isJsonObject(value.root)) visit(value.root, 0)
  return blocks
}

/** The inline part of a block, as runs (link text keeps its link's URL). */
export const inlineRuns = (block: JsonObject): InlineRun[] => {
  const runs: InlineRun[] = []
  const visit = (nodes: JsonObject[], link: string | null) => {
    for (const node of nodes) {
      if (node.type === 'text' && typeof node.text === 'string')
        runs.push({
          kind: 'text',
          text: node.text,
          format: typeof node.format === 'number' ? node.format : 0,
          link,
        })
      else if (node.type === 'tab') runs.push({ kind: 'text', text: '\t', format: 0, link })
      else if (node.type === 'linebreak') runs.push({ kind: 'linebreak' })
      else if (node.type === 'link' || node.type === 'autolink')
        visit(childNodes(node), linkUrl(node))
    }
  }
  visit(childNodes(block).filter(isInline), null)
  return runs
}

const linkUrl = (node: JsonObject): string => {
  const fields = isJsonObject(node.fields) ? node.fields : {}
  return typeof fields.url === 'string' ? fields.url : typeof node.url === 'string' ? node.url : ''
}

export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
  )

/**
 * Characters XML 1.0 cannot carry as text (C0 controls but tab and newline; carriage return, which
 * parsers turn into a newline; U+FFFE/U+FFFF; unpaired surrogates): each format writes them as an
 * element of its own.
 */
export const NOT_XML_CHAR = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu
const hexOf = (char: string) =>
  (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')

/** XLIFF 1.2 has no `<cp>`: such a character is a placeholder whose ctype names it (ids unique per segment). */
export const CODE_POINT_CTYPE = /^x-codepoint-([0-9A-F]{4,6})$/

type NewCode =
  | { kind: 'format'; subType: string }
  | { kind: 'link'; url: string; node: JsonObject }
  | { kind: 'linebreak' }

/** Hands out code ids for one unit: the source numbers its codes; a target reuses the source's by kind and order. */
export class CodeBook {
  readonly codes: InlineCode[] = []
  private next = 1

  add(code: NewCode): InlineCode {
    const id = String(this.next++)
    const full: InlineCode =
      code.kind === 'link' ? { ...code, id, dataId: `d${id}` } : { ...code, id }
    this.codes.push(full)
    return full
  }
}

const signature = (code: Pick<InlineCode, 'kind'> & { subType?: string; url?: string }) =>
  code.kind === 'format'
    ? `format:${code.subType}`
    : code.kind === 'link'
      ? `link:${code.url}`
      : 'linebreak'

/** What a serialization needs per code: a fresh one (source), or the matching source code (target). */
type CodeSource = (wanted: {
  kind: InlineCode['kind']
  subType?: string
  url?: string
  node?: JsonObject
}) => InlineCode | null

export const freshCodes =
  (book: CodeBook): CodeSource =>
  (wanted) =>
    book.add(
      wanted.kind === 'link'
        ? { kind: 'link', url: wanted.url ?? '', node: wanted.node ?? {} }
        : wanted.kind === 'format'
          ? { kind: 'format', subType: wanted.subType ?? '' }
          : { kind: 'linebreak' },
    )

/** Matches a target's codes to the segment's source codes, in order per kind; null when one has no counterpart. */
export const matchingCodes = (sourceCodes: readonly InlineCode[]): CodeSource => {
  const used = new Set<string>()
  return (wanted) => {
    const key = signature(wanted)
    const found = sourceCodes.find((code) => !used.has(code.id) && signature(code) === key) ?? null
    if (found) used.add(found.id)
    return found
  }
}

/** How one XLIFF version writes the three kinds of code around (or in place of) the text. */
export type InlineMarkup = {
  codePoint: (hex: string, ordinal: number) => string
  linebreak: (code: InlineCode) => string
  link: (code: Extract<InlineCode, { kind: 'link' }>, inner: string) => string
  format: (code: InlineCode, subType: string, inner: string) => string
}

export const XLIFF2_MARKUP: InlineMarkup = {
  codePoint: (hex) => `<cp hex="${hex}"/>`,
  linebreak: (code) => `<ph id="${code.id}" type="fmt" subType="xlf:lb"/>`,
  link: (code, inner) =>
    `<pc id="${code.id}" type="link" dataRefStart="${code.dataId}">${inner}</pc>`,
  format: (code, subType, inner) =>
    `<pc id="${code.id}" type="fmt" subType="${subType}">${inner}</pc>`,
}

export const XLIFF12_MARKUP: InlineMarkup = {
  codePoint: (hex, ordinal) => `<x id="cp${ordinal}" ctype="x-codepoint-${hex}"/>`,
  linebreak: (code) => `<x id="${code.id}" ctype="lb"/>`,
  link: (code, inner) => `<g id="${code.id}" ctype="link">${inner}</g>`,
  format: (code, subType, inner) =>
    `<g id="${code.id}" ctype="${FORMATS.find((format) => format.subType === subType)?.ctype ?? 'x-kaiji'}">${inner}</g>`,
}

/** How one serialization writes each piece of a block; the walk itself is shared (see writeRuns). */
export type RunWriter<Run> = {
  text: (text: string) => string
  linebreak: () => string
  /** A link around consecutive runs of the same URL; `inner` writes them (call it after taking the link's code). */
  link: (url: string, inner: () => string) => string
  /** One format around `inner`, called innermost first (the outermost code is the last taken). */
  format: (format: (typeof FORMATS)[number], inner: string) => string
  /** Runs of the serialization's own kinds. */
  other?: (run: Exclude<Run, InlineRun>) => string
}

/**
 * Writes runs in order: consecutive runs of one link as one link, each text run's formats nested in
 * FORMATS order around it. XLIFF (both versions) and TMX serialize through this one walk, so the
 * codes of a segment stand at the same places in every file Kaiji writes.
 */
export const writeRuns = <Run extends { kind: string }>(
  runs: readonly (Run | InlineRun)[],
  writer: RunWriter<Run>,
): string => {
  let written = ''
  let index = 0
  while (index < runs.length) {
    const run = runs[index] as Run | InlineRun
    if (run.kind === 'linebreak') {
      written += writer.linebreak()
      index += 1
      continue
    }
    if (run.kind !== 'text') {
      written += writer.other?.(run as Exclude<Run, InlineRun>) ?? ''
      index += 1
      continue
    }
    const textRun = run as Extract<InlineRun, { kind: 'text' }>
    if (textRun.link !== null) {
      const url = textRun.link
      let end = index
      while (end < runs.length) {
        const next = runs[end] as Run | InlineRun
        if (next.kind !== 'text' || (next as Extract<InlineRun, { kind: 'text' }>).link !== url)
          break
        end += 1
      }
      const inside = runs
        .slice(index, end)
        .map((piece) => ({ ...(piece as Extract<InlineRun, { kind: 'text' }>), link: null }))
      written += writer.link(url, () => writeRuns(inside, writer))
      index = end
      continue
    }
    index += 1
    let text = writer.text(textRun.text)
    for (const format of [...FORMATS].reverse())
      if ((textRun.format & format.bit) !== 0) text = writer.format(format, text)
    written += text
  }
  return written
}

/**
 * Serializes a block's runs as XLIFF inline content (2.0 unless told otherwise). Throws when a code
 * has no id to take (see matchingCodes).
 */
export const runsToXliff = (
  runs: readonly InlineRun[],
  takeCode: CodeSource,
  linkNodes: ReadonlyMap<string, JsonObject> = new Map(),
  markup: InlineMarkup = XLIFF2_MARKUP,
): string => {
  let codePoints = 0
  return writeRuns(runs, {
    text: (text) =>
      escapeXml(text).replace(NOT_XML_CHAR, (char) =>
        markup.codePoint(hexOf(char), (codePoints += 1)),
      ),
    linebreak: () => {
      const code = takeCode({ kind: 'linebreak' })
      if (!code) throw new UnmatchedCode('linebreak')
      return markup.linebreak(code)
    },
    link: (url, inner) => {
      const code = takeCode({ kind: 'link', url, node: linkNodes.get(url) })
      if (!code || code.kind !== 'link') throw new UnmatchedCode(`link ${url}`)
      return markup.link(code, inner())
    },
    format: (format, inner) => {
      const code = takeCode({ kind: 'format', subType: format.subType })
      if (!code) throw new UnmatchedCode(format.subType)
      return markup.format(code, format.subType, inner)
    },
  })
}

export class UnmatchedCode extends Error {
  override name = 'UnmatchedCode'
}

/** Lexical nodes for parsed runs: text nodes with their format bits, links rebuilt from the source's link node. */
export const runsToNodes = (
  runs: readonly InlineRun[],
  linkNodes: ReadonlyMap<string, JsonObject>,
): SerializedLexicalNode[] => {
  const nodes: SerializedLexicalNode[] = []
  const textNode = (run: Extract<InlineRun, { kind: 'text' }>): SerializedLexicalNode => ({
    type: 'text',
    text: run.text,
    format: run.format,
    style: '',
    mode: 'normal',
    detail: 0,
    version: 1,
  })
  for (const run of runs) {
    if (run.kind === 'linebreak') {
      nodes.push({ type: 'linebreak', version: 1 })
      continue
    }
    if (run.text === '') continue
    if (run.link === null) {
      nodes.push(textNode(run))
      continue
    }
    const previous = nodes.at(-1)
    const source = linkNodes.get(run.link) ?? {
      type: 'link',
      version: 3,
      fields: { url: run.link, newTab: false, linkType: 'custom' },
    }
    if (
      previous &&
      (previous.type === 'link' || previous.type === 'autolink') &&
      previous.__url === run.link
    ) {
      previous.children?.push(textNode(run))
    } else {
      nodes.push({
        ...(source as SerializedLexicalNode),
        children: [textNode(run)],
        __url: run.link,
      })
    }
  }
  for (const node of nodes) delete node.__url
  return nodes
}
