import type { Element, Node } from '@xmldom/xmldom'

import type { Say } from '@/i18n/adminText'
import { CODE_POINT_CTYPE, FORMATS, type InlineCode, type InlineRun } from './inline'
import type { XliffVersion } from './read'

// A segment's inline content, read back into runs against the codes of the source segment it
// translates. Both versions' paired codes (2.0 <pc>, 1.2 <g>) and their split forms (2.0 <sc>/<ec>,
// 1.2 <bx>/<ex>) become formatting or a link; placeholders (2.0 <ph>, 1.2 <x>) a line break.

const M = 'kaijiAdmin:messages:xliff:' as const

const formatBit = (subType: string): number =>
  FORMATS.find((format) => format.subType === subType)?.bit ?? 0

/**
 * Layout a tool added where the file does not ask for whitespace to be kept: a line break and the
 * indentation after it. At either end of a text node (next to a tag or the segment's edge) it goes;
 * inside text it becomes one space, as wrapped prose reads. Kaiji never writes a raw line break (a
 * line break is a placeholder code), so none is lost.
 */
export const withoutLayout = (text: string): string =>
  text
    .replace(/^(?:\r\n|\r|\n)[ \t\r\n]*/, '')
    .replace(/(?:\r\n|\r|\n)[ \t\r\n]*$/, '')
    .replace(/[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g, ' ')

/** Adjacent text of the same formatting and link is one run (an annotation or a split span divides none). */
const mergeRuns = (runs: readonly InlineRun[]): InlineRun[] =>
  runs.reduce<InlineRun[]>((merged, run) => {
    const previous = merged.at(-1)
    if (run.kind === 'text' && run.text === '') return merged
    if (
      previous?.kind === 'text' &&
      run.kind === 'text' &&
      previous.format === run.format &&
      previous.link === run.link
    )
      merged[merged.length - 1] = { ...previous, text: previous.text + run.text }
    else merged.push(run)
    return merged
  }, [])

/** Elements that carry the original format's own code as content: 1.2's native-code elements. */
const NATIVE_CODE_12 = new Set(['bpt', 'ept', 'ph', 'it', 'sub'])

type Reading = {
  version: XliffVersion
  codes: ReadonlyMap<string, InlineCode>
  where: string
  problems: string[]
  say: Say
  preserveSpace: boolean
}

/** Past this many problems in one segment the rest are not looked for (a hostile file may have 100 000). */
export const MAX_PROBLEMS_PER_SEGMENT = 10

const NAMESPACE: Record<XliffVersion, string> = {
  '2.0': 'urn:oasis:names:tc:xliff:document:2.0',
  '1.2': 'urn:oasis:names:tc:xliff:document:1.2',
}

/** A code point written as hexadecimal (`<cp hex>`, 1.2's `x-codepoint-…`), or null when it is none. */
const codePointOf = (hex: string | undefined): string | null => {
  if (!hex || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) return null
  const value = Number.parseInt(hex, 16)
  return value <= 0x10ffff ? String.fromCodePoint(value) : null
}

class TooManyProblems extends Error {}

/**
 * A target's (or source's) inline content as runs, with every code it uses; problems name what
 * does not fit. Linear in the content: spans open only for the segment's own codes (each at most
 * once), and reading stops after MAX_PROBLEMS_PER_SEGMENT problems.
 */
export const readInline = (container: Element, reading: Reading) => {
  const { version, codes, where, say, preserveSpace } = reading
  const runs: InlineRun[] = []
  const used: string[] = []
  const limit = reading.problems.length + MAX_PROBLEMS_PER_SEGMENT
  const problem = (message: string) => {
    reading.problems.push(message)
    if (reading.problems.length >= limit) throw new TooManyProblems()
  }
  // Spans opened by a start marker (<sc>, <bx>) and not yet closed, by the id that closes them.
  const open = new Map<string, InlineCode>()
  // Start markers already refused: their end markers close nothing and say nothing more.
  const refused = new Set<string>()
  const formatOf = (structural: number) =>
    [...open.values()].reduce(
      (bits, code) => (code.kind === 'format' ? bits | formatBit(code.subType) : bits),
      structural,
    )
  const linkOf = (structural: string | null) =>
    structural ??
    [...open.values()].find(
      (code): code is Extract<InlineCode, { kind: 'link' }> => code.kind === 'link',
    )?.url ??
    null
  const unknown = (element: string, id: string) =>
    problem(say(`${M}unknownCode`, { where, element, id }))
  const unsupported = (element: string) =>
    problem(
      say(version === '2.0' ? `${M}unsupportedElement` : `${M}unsupportedElement12`, {
        where,
        element,
      }),
    )
  const character = (value: string, format: number, link: string | null) =>
    runs.push({ kind: 'text', text: value, format: formatOf(format), link: linkOf(link) })
  const text = (value: string, format: number, link: string | null) =>
    character(preserveSpace ? value : withoutLayout(value), format, link)

  /** A paired code's content, or a start marker's span: formatting or a link (never a line break). */
  const span = (element: string, id: string): InlineCode | null => {
    const code = codes.get(id)
    used.push(id)
    if (!code || code.kind === 'linebreak') {
      unknown(element, id)
      return null
    }
    return code
  }
  const startMarker = (inner: Element, element: string, id: string, closedBy: string) => {
    if (inner.getAttribute('isolated') === 'yes')
      return problem(say(`${M}isolatedSpan`, { where, element }))
    if (open.has(closedBy) || refused.has(closedBy)) {
      used.push(id)
      return problem(say(`${M}unknownCode`, { where, element, id }))
    }
    const code = span(element, id)
    if (code) open.set(closedBy, code)
    else refused.add(closedBy)
  }
  const endMarker = (element: string, ref: string) => {
    if (!open.delete(ref) && !refused.delete(ref))
      problem(say(`${M}unopenedSpan`, { where, element, id: ref }))
  }
  const placeholder = (element: string, id: string) => {
    const code = codes.get(id)
    used.push(id)
    if (code?.kind === 'linebreak') runs.push({ kind: 'linebreak' })
    else unknown(element, id)
  }

  const visit = (node: Node, format: number, link: string | null) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 || child.nodeType === 4) {
        text(child.nodeValue ?? '', format, link)
        continue
      }
      if (child.nodeType !== 1) continue
      const inner = child as Element
      const name = inner.localName ?? ''
      const id = inner.getAttribute('id') ?? ''
      const paired = (code: InlineCode | null) => {
        if (code?.kind === 'link') visit(inner, format, code.url)
        else if (code?.kind === 'format') visit(inner, format | formatBit(code.subType), link)
        else visit(inner, format, link)
      }
      if (inner.namespaceURI !== NAMESPACE[version]) {
        unsupported(inner.tagName ?? name)
      } else if (name === 'mrk') {
        // An annotation (a term, a comment, a protected span): its text is the segment's text.
        visit(inner, format, link)
      } else if (version === '2.0') {
        if (name === 'cp') {
          const value = codePointOf(inner.getAttribute('hex') ?? undefined)
          if (value === null) problem(say(`${M}codePoint`, { where }))
          else character(value, format, link)
        } else if (name === 'sm' || name === 'em') {
          // Annotation markers carry no content.
        } else if (name === 'pc') paired(span(name, id))
        else if (name === 'ph') placeholder(name, id)
        else if (name === 'sc') startMarker(inner, name, id, id)
        else if (name === 'ec' && inner.getAttribute('isolated') === 'yes')
          problem(say(`${M}isolatedSpan`, { where, element: name }))
        else if (name === 'ec') endMarker(name, inner.getAttribute('startRef') ?? id)
        else unsupported(name)
      } else {
        const ctype = inner.getAttribute('ctype') ?? ''
        const codePoint = CODE_POINT_CTYPE.exec(ctype)
        if (name === 'x' && ctype.startsWith('x-codepoint-')) {
          const value = codePointOf(codePoint?.[1])
          if (value === null) problem(say(`${M}codePoint`, { where }))
          else character(value, format, link)
        } else if (name === 'g') paired(span(name, id))
        else if (name === 'x') placeholder(name, id)
        else if (name === 'bx') startMarker(inner, name, id, inner.getAttribute('rid') ?? id)
        else if (name === 'ex') endMarker(name, inner.getAttribute('rid') ?? id)
        else if (NATIVE_CODE_12.has(name))
          problem(say(`${M}nativeCode12`, { where, element: name }))
        else unsupported(name)
      }
    }
  }
  try {
    visit(container, 0, null)
    for (const id of open.keys()) problem(say(`${M}unclosedSpan`, { where, id }))
  } catch (error) {
    if (!(error instanceof TooManyProblems)) throw error
    reading.problems.push(say(`${M}moreProblems`, { where }))
  }
  return { runs: mergeRuns(runs), used }
}
