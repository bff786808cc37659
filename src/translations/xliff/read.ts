import { DOMParser, type Element, type Node } from '@xmldom/xmldom'

import { english, type Say } from '@/i18n/adminText'
import { isContentHash } from '@/workflow'
import { KAIJI_NAMESPACE, XLIFF_NAMESPACE } from './document'
import { XLIFF12_NAMESPACE } from './write12'

// An uploaded XLIFF file, 2.0 or 1.2, read into one shape the import plans against.

export type XliffVersion = '2.0' | '1.2'

/** A refusal: the status it calls for and every problem found (nothing is written). */
export type ImportRefusal = { status: 400 | 403 | 422; problems: string[] }

/** One segment as the file has it: the elements holding its source and target inline content. */
export type ReadSegment = {
  id: string | null
  source: Element | null
  target: Element | null
}

export type ReadUnit = {
  id: string
  /** The file's id (2.0) or original (1.2) that holds the unit. */
  fileId: string
  segments: ReadSegment[]
  /** A 1.2 unit's whole `<source>`, for a file that kept no `<seg-source>`. */
  wholeSource: Element | null
}

export type ReadDocument = {
  fileId: string
  /** The approved source's hash the export named (2.0 kaiji:sourceHash, 1.2 build-num), when kept. */
  sourceHash: string | null
}

export type ReadXliff = {
  version: XliffVersion
  srcLang: string | null
  trgLang: string | null
  documents: ReadDocument[]
  units: ReadUnit[]
}

const M = 'kaijiAdmin:messages:xliff:' as const

/** Deeper than this no XLIFF a tool writes goes (file, groups, unit, segment, target, codes); reading it would recurse as deep. */
export const MAX_XML_DEPTH = 100

/**
 * How deep the markup nests, read from the text before any parser sees it (a parser's own cost can
 * grow with the square of the depth): tags counted in one pass, comments, CDATA and processing
 * instructions passed over, quoted attribute values read whole.
 */
export const textDepth = (xml: string): number => {
  const tags =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?])(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g
  let depth = 0
  let deepest = 0
  for (const [, closing, tag, selfClosing] of xml.matchAll(tags)) {
    if (!tag) continue
    if (closing) depth -= 1
    else if (!selfClosing) deepest = Math.max(deepest, (depth += 1))
  }
  return deepest
}

/** The deepest element nesting under `root`, counted without recursion (a hostile file may nest 100 000 deep). */
const depthOf = (root: Element): number => {
  let deepest = 0
  const stack: Array<[Node, number]> = [[root, 1]]
  while (stack.length) {
    const [node, depth] = stack.pop() as [Node, number]
    deepest = Math.max(deepest, depth)
    if (deepest > MAX_XML_DEPTH) break
    for (const child of Array.from(node.childNodes))
      if (child.nodeType === 1) stack.push([child, depth + 1])
  }
  return deepest
}
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'

const childElements = (element: Element, namespace: string, localName?: string): Element[] =>
  Array.from(element.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 &&
      (node as Element).namespaceURI === namespace &&
      (localName === undefined || (node as Element).localName === localName),
  )

/** Units in a file or group, groups nested to any depth (both versions allow it). */
const unitsIn = (parent: Element, namespace: string, unitName: string): Element[] =>
  childElements(parent, namespace).flatMap((child) =>
    child.localName === unitName
      ? [child]
      : child.localName === 'group'
        ? unitsIn(child, namespace, unitName)
        : [],
  )

/** Whether whitespace in `element` is as written (xml:space="preserve" on it or its nearest ancestor that says). */
export const preservesSpace = (element: Element): boolean => {
  for (let node: Element | null = element; node; node = node.parentNode as Element | null) {
    if (node.nodeType !== 1) break
    const value = node.getAttributeNS(XML_NAMESPACE, 'space')
    if (value) return value === 'preserve'
  }
  return false
}

const describeParseError = (error: unknown, say: Say): string => {
  const message = error instanceof Error ? error.message : String(error)
  const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator
  return locator?.lineNumber
    ? say(`${M}parsePosition`, {
        line: locator.lineNumber,
        column: locator.columnNumber ?? 0,
        detail: message.split('\n')[0],
      })
    : (message.split('\n')[0] ?? message)
}

const read20 = (root: Element): ReadXliff => {
  const documents: ReadDocument[] = []
  const units: ReadUnit[] = []
  for (const file of childElements(root, XLIFF_NAMESPACE, 'file')) {
    const fileId = file.getAttribute('id') ?? ''
    documents.push({
      fileId,
      sourceHash: file.getAttributeNS(KAIJI_NAMESPACE, 'sourceHash') || null,
    })
    for (const unit of unitsIn(file, XLIFF_NAMESPACE, 'unit'))
      units.push({
        id: unit.getAttribute('id') ?? '',
        fileId,
        // <ignorable> holds what lies between segments, never translatable text.
        segments: childElements(unit, XLIFF_NAMESPACE, 'segment').map((segment) => ({
          id: segment.getAttribute('id') || null,
          source: childElements(segment, XLIFF_NAMESPACE, 'source')[0] ?? null,
          target: childElements(segment, XLIFF_NAMESPACE, 'target')[0] ?? null,
        })),
        wholeSource: null,
      })
  }
  return {
    version: '2.0',
    srcLang: root.getAttribute('srcLang') || null,
    trgLang: root.getAttribute('trgLang') || null,
    documents,
    units,
  }
}

/** The `<mrk mtype="seg">` children of a 1.2 seg-source or target: its segments, if it marks them. */
const segmentMarkers = (element: Element | null): Element[] =>
  element
    ? childElements(element, XLIFF12_NAMESPACE, 'mrk').filter(
        (marker) => marker.getAttribute('mtype') === 'seg',
      )
    : []

const read12Unit = (unit: Element, fileId: string): ReadUnit => {
  const source = childElements(unit, XLIFF12_NAMESPACE, 'source')[0] ?? null
  const target = childElements(unit, XLIFF12_NAMESPACE, 'target')[0] ?? null
  const sourceMarkers = segmentMarkers(
    childElements(unit, XLIFF12_NAMESPACE, 'seg-source')[0] ?? null,
  )
  const targetMarkers = segmentMarkers(target)
  const sourceByMid = new Map<string, Element>()
  for (const marker of sourceMarkers) {
    const mid = marker.getAttribute('mid')
    if (mid && !sourceByMid.has(mid)) sourceByMid.set(mid, marker)
  }
  const sourceOf = (mid: string | null) => (mid === null ? null : (sourceByMid.get(mid) ?? null))
  const base = { id: unit.getAttribute('id') ?? '', fileId, wholeSource: source }
  // A target that marks its segments is read by them; one that does not is one segment.
  if (targetMarkers.length)
    return {
      ...base,
      segments: targetMarkers.map((marker) => {
        const mid = marker.getAttribute('mid') || null
        return { id: mid, source: sourceOf(mid), target: marker }
      }),
    }
  if (target || sourceMarkers.length <= 1) {
    const only = sourceMarkers.length === 1 ? (sourceMarkers[0] ?? null) : null
    return {
      ...base,
      segments: [{ id: only?.getAttribute('mid') || null, source: only ?? source, target }],
    }
  }
  return {
    ...base,
    segments: sourceMarkers.map((marker) => ({
      id: marker.getAttribute('mid') || null,
      source: marker,
      target: null,
    })),
  }
}

const read12 = (root: Element, say: Say): ReadXliff | ImportRefusal => {
  const files = childElements(root, XLIFF12_NAMESPACE, 'file')
  const distinct = (name: string) => [
    ...new Set(files.map((file) => file.getAttribute(name) || null)),
  ]
  const sourceLanguages = distinct('source-language')
  const targetLanguages = distinct('target-language')
  for (const [attribute, values] of [
    ['source-language', sourceLanguages],
    ['target-language', targetLanguages],
  ] as const) {
    if (values.length > 1)
      return {
        status: 422,
        problems: [
          say(`${M}languagesDiffer`, {
            attribute,
            values: values.map((value) => JSON.stringify(value)).join(', '),
          }),
        ],
      }
  }
  const documents: ReadDocument[] = []
  const units: ReadUnit[] = []
  for (const file of files) {
    const fileId = file.getAttribute('original') ?? ''
    const buildNum = file.getAttribute('build-num')
    documents.push({ fileId, sourceHash: isContentHash(buildNum) ? buildNum : null })
    for (const body of childElements(file, XLIFF12_NAMESPACE, 'body'))
      for (const unit of unitsIn(body, XLIFF12_NAMESPACE, 'trans-unit'))
        units.push(read12Unit(unit, fileId))
  }
  return {
    version: '1.2',
    srcLang: sourceLanguages[0] ?? null,
    trgLang: targetLanguages[0] ?? null,
    documents,
    units,
  }
}

/**
 * Reads the envelope: well-formed XML with no DTD, an `<xliff>` root of version 2.0 (or 2.1, which
 * shares its core) or 1.2, told apart by the namespace and `version`. Problems are in `say`'s language.
 */
export const readXliff = (xml: string, say: Say = english): ReadXliff | ImportRefusal => {
  if (/<!DOCTYPE/i.test(xml)) return { status: 400, problems: [say(`${M}doctype`)] }
  if (textDepth(xml) > MAX_XML_DEPTH)
    return { status: 400, problems: [say(`${M}tooDeep`, { levels: MAX_XML_DEPTH })] }
  let root: Element | null
  try {
    root = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message)
      },
    }).parseFromString(xml, 'text/xml').documentElement
  } catch (error) {
    return {
      status: 400,
      problems: [say(`${M}notWellFormed`, { detail: describeParseError(error, say) })],
    }
  }
  const namespace = root?.namespaceURI
  if (
    !root ||
    root.localName !== 'xliff' ||
    (namespace !== XLIFF_NAMESPACE && namespace !== XLIFF12_NAMESPACE)
  ) {
    return {
      status: 400,
      problems: [
        say(`${M}notXliff`, { namespace: XLIFF_NAMESPACE, namespace12: XLIFF12_NAMESPACE }),
      ],
    }
  }
  if (depthOf(root) > MAX_XML_DEPTH)
    return { status: 400, problems: [say(`${M}tooDeep`, { levels: MAX_XML_DEPTH })] }
  const version = root.getAttribute('version')
  if (namespace === XLIFF_NAMESPACE && (version === '2.0' || version === '2.1')) return read20(root)
  if (namespace === XLIFF12_NAMESPACE && version === '1.2') return read12(root, say)
  return {
    status: 400,
    problems: [
      say(`${M}unsupportedVersion`, { version: JSON.stringify(version), namespace: namespace }),
    ],
  }
}
