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

/** A target's (or source's) inline content as runs, with every code it uses; problems name what does not fit. */
export const readInline = (container: Element, reading: Reading) => {
  const { version, codes, where, problems, say, preserveSpace } = reading
  const runs: InlineRun[] = []
  const used: string[] = []
  // Spans opened by a start marker (<sc>, <bx>) and not yet closed, by the id that closes them.
  const open = new Map<string, InlineCode | null>()
  const formatOf = (structural: number) =>
    [...open.values()].reduce(
      (bits, code) => (code?.kind === 'format' ? bits | formatBit(code.subType) : bits),
      structural,
    )
  const linkOf = (structural: string | null) =>
    structural ??
    [...open.values()].find(
      (code): code is Extract<InlineCode, { kind: 'link' }> => code?.kind === 'link',
    )?.url ??
    null
  const unknown = (element: string, id: string) =>
    problems.push(say(`${M}unknownCode`, { where, element, id }))
  const unsupported = (element: string) =>
    problems.push(
      say(version === '2.0' ? `${M}unsupportedElement` : `${M}unsupportedElement12`, {
        where,
        element,
      }),
    )
  const text = (value: string, format: number, link: string | null) =>
    runs.push({
      kind: 'text',
      text: preserveSpace ? value : withoutLayout(value),
      format: formatOf(format),
      link: linkOf(link),
    })

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
      return problems.push(say(`${M}isolatedSpan`, { where, element }))
    // An unknown id is named once, by span(); its end marker still closes it.
    open.set(closedBy, span(element, id))
  }
  const endMarker = (element: string, ref: string) => {
    if (!open.delete(ref)) problems.push(say(`${M}unopenedSpan`, { where, element, id: ref }))
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
      if (name === 'mrk') {
        // An annotation (a term, a comment, a protected span): its text is the segment's text.
        visit(inner, format, link)
      } else if (version === '2.0') {
        if (name === 'cp') {
          const code = Number.parseInt(inner.getAttribute('hex') ?? '', 16)
          if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff)
            runs.push({
              kind: 'text',
              text: String.fromCodePoint(code),
              format: formatOf(format),
              link: linkOf(link),
            })
          else problems.push(say(`${M}codePoint`, { where }))
        } else if (name === 'sm' || name === 'em') {
          // Annotation markers carry no content.
        } else if (name === 'pc') paired(span(name, id))
        else if (name === 'ph') placeholder(name, id)
        else if (name === 'sc') startMarker(inner, name, id, id)
        else if (name === 'ec' && inner.getAttribute('isolated') === 'yes')
          problems.push(say(`${M}isolatedSpan`, { where, element: name }))
        else if (name === 'ec') endMarker(name, inner.getAttribute('startRef') ?? id)
        else unsupported(name)
      } else {
        const codePoint = CODE_POINT_CTYPE.exec(inner.getAttribute('ctype') ?? '')
        if (name === 'x' && codePoint?.[1])
          runs.push({
            kind: 'text',
            text: String.fromCodePoint(Number.parseInt(codePoint[1], 16)),
            format: formatOf(format),
            link: linkOf(link),
          })
        else if (name === 'g') paired(span(name, id))
        else if (name === 'x') placeholder(name, id)
        else if (name === 'bx') startMarker(inner, name, id, inner.getAttribute('rid') ?? id)
        else if (name === 'ex') endMarker(name, inner.getAttribute('rid') ?? id)
        else if (NATIVE_CODE_12.has(name))
          problems.push(say(`${M}nativeCode12`, { where, element: name }))
        else unsupported(name)
      }
    }
  }
  visit(container, 0, null)
  for (const id of open.keys()) problems.push(say(`${M}unclosedSpan`, { where, id }))
  return { runs: mergeRuns(runs), used }
}
