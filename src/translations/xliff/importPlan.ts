import { DOMParser, type Element, type Node } from '@xmldom/xmldom'

import { SOURCE_LOCALE } from '@/config/locales'
import { english, localeName, type Say } from '@/i18n/adminText'
import { KAIJI_NAMESPACE, XLIFF_NAMESPACE, type DocumentPlan } from './document'
import { FORMATS, UnmatchedCode, type InlineCode, type InlineRun } from './inline'
import { canonicalTarget, targetValue, type UnitPlan } from './units'

// Reading an uploaded XLIFF file: its envelope, then each target against what an export holds now.

/** A refusal: the status it calls for and every problem found (nothing is written). */
export type ImportRefusal = { status: 400 | 403 | 422; problems: string[] }

export type DocumentChange = {
  document: DocumentPlan
  /** Field path → the value to write (only changed fields). */
  values: Map<string, unknown>
  /** Units whose source text changed since the file was exported. */
  staleUnits: string[]
  /** The source hash the file was exported against. */
  exportedSourceHash: string | null
}

export type ImportPlan = { trgLang: string; changes: DocumentChange[]; unchangedDocuments: number }

const children = (element: Element, localName: string): Element[] =>
  Array.from(element.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 &&
      (node as Element).localName === localName &&
      (node as Element).namespaceURI === XLIFF_NAMESPACE,
  )

const describeParseError = (error: unknown, say: Say): string => {
  const message = error instanceof Error ? error.message : String(error)
  const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator
  return locator?.lineNumber
    ? say('kaijiAdmin:messages:xliff:parsePosition', {
        line: locator.lineNumber,
        column: locator.columnNumber ?? 0,
        detail: message.split('\n')[0],
      })
    : (message.split('\n')[0] ?? message)
}

/**
 * Reads the envelope: well-formed XML, XLIFF 2.0, no DTD. Returns the root, or a 400 refusal whose
 * problems are in `say`'s language (the request's, for the admin).
 */
export const parseXliff = (xml: string, say: Say = english): { root: Element } | ImportRefusal => {
  if (/<!DOCTYPE/i.test(xml))
    return { status: 400, problems: [say('kaijiAdmin:messages:xliff:doctype')] }
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
      problems: [
        say('kaijiAdmin:messages:xliff:notWellFormed', {
          detail: describeParseError(error, say),
        }),
      ],
    }
  }
  if (!root || root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NAMESPACE) {
    return {
      status: 400,
      problems: [say('kaijiAdmin:messages:xliff:notXliff', { namespace: XLIFF_NAMESPACE })],
    }
  }
  const version = root.getAttribute('version')
  if (version !== '2.0' && version !== '2.1')
    return {
      status: 400,
      problems: [
        say('kaijiAdmin:messages:xliff:unsupportedVersion', { version: JSON.stringify(version) }),
      ],
    }
  return { root }
}

const M = 'kaijiAdmin:messages:xliff:' as const

const formatBit = (subType: string): number =>
  FORMATS.find((format) => format.subType === subType)?.bit ?? 0

/** A target's inline content as runs, with every code it uses; problems name the element that does not fit. */
const readInline = (
  element: Element,
  codes: ReadonlyMap<string, InlineCode>,
  where: string,
  problems: string[],
  say: Say,
) => {
  const runs: InlineRun[] = []
  const used: string[] = []
  const visit = (node: Node, format: number, link: string | null) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 || child.nodeType === 4) {
        runs.push({ kind: 'text', text: child.nodeValue ?? '', format, link })
        continue
      }
      if (child.nodeType !== 1) continue
      const inner = child as Element
      const name = inner.localName
      const id = inner.getAttribute('id') ?? ''
      if (name === 'cp') {
        const code = Number.parseInt(inner.getAttribute('hex') ?? '', 16)
        if (Number.isFinite(code))
          runs.push({ kind: 'text', text: String.fromCodePoint(code), format, link })
        else problems.push(say('kaijiAdmin:messages:xliff:codePoint', { where }))
      } else if (name === 'mrk') {
        visit(inner, format, link)
      } else if (name === 'sm' || name === 'em') {
        // Annotation markers carry no content.
      } else if (name === 'pc' || name === 'ph') {
        const code = codes.get(id)
        used.push(id)
        if (!code || (name === 'ph') !== (code.kind === 'linebreak')) {
          problems.push(say('kaijiAdmin:messages:xliff:unknownCode', { where, element: name, id }))
        } else if (code.kind === 'linebreak') {
          runs.push({ kind: 'linebreak' })
        } else if (code.kind === 'link') {
          visit(inner, format, code.url)
        } else {
          visit(inner, format | formatBit(code.subType), link)
        }
      } else {
        problems.push(say('kaijiAdmin:messages:xliff:unsupportedElement', { where, element: name }))
      }
    }
  }
  visit(element, 0, null)
  return { runs, used }
}

/** Whether the file's source of a segment is not the source as approved now (the file is older than the change). */
const sourceChanged = (
  segment: UnitPlan['segments'][number],
  runs: readonly InlineRun[],
): boolean => {
  try {
    return canonicalTarget(segment, runs) !== segment.sourceXml
  } catch (error) {
    if (error instanceof UnmatchedCode) return true
    throw error
  }
}

const sorted = (values: readonly string[]) =>
  [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))

/**
 * Checks an uploaded file against what an export would contain now and works out what to write.
 * All-or-nothing: any problem refuses the whole file. The trgLang and permission checks are the caller's.
 */
export const planImport = (
  root: Element,
  plans: readonly DocumentPlan[],
  say: Say = english,
): ImportPlan | ImportRefusal => {
  const problems: string[] = []
  const srcLang = root.getAttribute('srcLang')
  const trgLang = root.getAttribute('trgLang') ?? ''
  if (srcLang !== SOURCE_LOCALE)
    problems.push(
      say('kaijiAdmin:messages:xliff:wrongSourceLanguage', {
        given: JSON.stringify(srcLang),
        source: SOURCE_LOCALE,
        sourceName: localeName(say, SOURCE_LOCALE),
      }),
    )
  const expected = new Map(
    plans.flatMap((document) =>
      document.units.map((unit) => [unit.id, { document, unit }] as const),
    ),
  )
  const seen = new Set<string>()
  const targets = new Map<string, Map<string, InlineRun[]>>()
  const exportedHashes = new Map<string, string | null>()
  const staleUnits = new Set<string>()

  for (const file of children(root, 'file')) {
    const fileId = file.getAttribute('id') ?? ''
    const units = [
      ...children(file, 'unit'),
      ...children(file, 'group').flatMap((group) => children(group, 'unit')),
    ]
    for (const unitElement of units) {
      const id = unitElement.getAttribute('id') ?? ''
      if (seen.has(id)) {
        problems.push(say('kaijiAdmin:messages:xliff:repeatedUnit', { unit: JSON.stringify(id) }))
        continue
      }
      seen.add(id)
      const match = expected.get(id)
      if (!match) {
        problems.push(say('kaijiAdmin:messages:xliff:unknownUnit', { unit: JSON.stringify(id) }))
        continue
      }
      exportedHashes.set(
        match.document.fileId,
        file.getAttributeNS(KAIJI_NAMESPACE, 'sourceHash') || null,
      )
      if (fileId !== match.document.fileId)
        problems.push(
          say('kaijiAdmin:messages:xliff:wrongFile', {
            unit: JSON.stringify(id),
            expected: JSON.stringify(match.document.fileId),
            given: JSON.stringify(fileId),
          }),
        )
      const segments = children(unitElement, 'segment')
      const segmentIds = segments.map((segment) => segment.getAttribute('id') ?? '')
      const expectedIds = match.unit.segments.map((segment) => segment.id)
      if (sorted(segmentIds).join(' ') !== sorted(expectedIds).join(' ')) {
        problems.push(
          say('kaijiAdmin:messages:xliff:segmentsDiffer', {
            unit: JSON.stringify(id),
            given: segmentIds.join(', ') || say('kaijiAdmin:messages:xliff:none'),
            expected: expectedIds.join(', '),
          }),
        )
        continue
      }
      const runsBySegment = new Map<string, InlineRun[]>()
      for (const segmentElement of segments) {
        const segment = match.unit.segments.find(
          (candidate) => candidate.id === segmentElement.getAttribute('id'),
        )
        if (!segment) continue
        const where = say('kaijiAdmin:messages:xliff:where', {
          unit: JSON.stringify(id),
          segment: segment.id,
        })
        const sourceElement = children(segmentElement, 'source')[0]
        const codes = new Map(segment.codes.map((code) => [code.id, code]))
        if (
          !sourceElement ||
          sourceChanged(segment, readInline(sourceElement, codes, where, [], say).runs)
        )
          staleUnits.add(id)
        const targetElement = children(segmentElement, 'target')[0]
        if (!targetElement) continue
        const { runs, used } = readInline(targetElement, codes, where, problems, say)
        const missing = segment.codes
          .filter((code) => !used.includes(code.id))
          .map((code) => code.id)
        const extra = used.filter((code) => !segment.codes.some((known) => known.id === code))
        const repeated = used.filter((code, index) => used.indexOf(code) !== index)
        if (missing.length || extra.length || repeated.length) {
          const differences = [
            missing.length ? say(`${M}missingCodes`, { ids: missing.join(', ') }) : '',
            extra.length ? say(`${M}unknownCodes`, { ids: extra.join(', ') }) : '',
            repeated.length ? say(`${M}repeatedCodes`, { ids: repeated.join(', ') }) : '',
          ]
          problems.push(
            say(`${M}codesDiffer`, { where, differences: differences.filter(Boolean).join('; ') }),
          )
          continue
        }
        runsBySegment.set(segment.id, runs)
      }
      targets.set(id, runsBySegment)
    }
  }
  const missingUnits = [...expected.keys()].filter((id) => !seen.has(id))
  if (missingUnits.length)
    problems.push(say(`${M}missingUnits`, { units: missingUnits.join(', ') }))
  if (problems.length) return { status: 422, problems }

  const changes: DocumentChange[] = []
  let unchangedDocuments = 0
  for (const document of plans) {
    const values = new Map<string, unknown>()
    for (const unit of document.units) {
      const runsBySegment = targets.get(unit.id) ?? new Map<string, InlineRun[]>()
      if (runsBySegment.size === 0) continue
      const changed = unit.segments.some((segment) => {
        const runs = runsBySegment.get(segment.id)
        return (runs ? canonicalTarget(segment, runs) : null) !== segment.targetXml
      })
      if (changed) values.set(unit.field.path, targetValue(unit, runsBySegment))
    }
    const stale = document.units.filter((unit) => staleUnits.has(unit.id)).map((unit) => unit.id)
    if (values.size === 0 && stale.length === 0) {
      unchangedDocuments += 1
      continue
    }
    changes.push({
      document,
      values,
      staleUnits: stale,
      exportedSourceHash: exportedHashes.get(document.fileId) ?? null,
    })
  }
  return { trgLang, changes, unchangedDocuments }
}
