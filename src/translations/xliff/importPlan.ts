import type { Element } from '@xmldom/xmldom'

import { localeOfLanguageTag, SOURCE_LOCALE } from '@/config/locales'
import { stableStringify } from '@/utilities/stableStringify'
import { english, localeName, type Say } from '@/i18n/adminText'
import type { DocumentPlan } from './document'
import { NOT_XML_CHAR, type InlineCode, type InlineRun } from './inline'
import {
  preservesSpace,
  type ImportRefusal,
  type ReadSegment,
  type ReadUnit,
  type ReadXliff,
} from './read'
import { readInline } from './readInline'
import { canonicalTarget, targetValue, type SegmentPlan, type UnitPlan } from './units'

// Checks an uploaded file, read into one shape whatever its version, against what an export holds
// now, and works out what to write.

export type { ImportRefusal } from './read'

/**
 * Which approved source text a document's translation is taken to translate:
 * - `named`: the file names it (2.0 kaiji:sourceHash, 1.2 build-num);
 * - `current`: the file names none, and its source text is the approved text now;
 * - `identified`: the file names none, and its source text is that of an earlier source release;
 * - `assumed`: the file names none and its source text matches no approved version, so the
 *   translation is taken as translating the approved text now (the report says so).
 */
export type SourceBasis =
  | { kind: 'named'; sourceHash: string }
  | { kind: 'current' }
  | { kind: 'identified'; sourceHash: string; release: number }
  | { kind: 'assumed'; differingUnits: string[] }

/** An earlier approved source text of a document (a source release's), to recognise a file by its source. */
export type SourceVersion = {
  sourceHash: string
  release: number
  units: ReadonlyMap<string, UnitPlan>
}

export type DocumentChange = {
  document: DocumentPlan
  /** Field path → the value to write (only changed fields). */
  values: Map<string, unknown>
  /** Units whose source text changed since the file was exported. */
  staleUnits: string[]
  /** The source hash the translation is recorded as translating when units are stale. */
  exportedSourceHash: string | null
  sourceBasis: SourceBasis
}

export type ImportPlan = {
  trgLang: string
  changes: DocumentChange[]
  unchangedDocuments: number
  /** Documents that name no source version and whose source text is not today's: pass their history to identify them. */
  unidentified: string[]
  /** Segments (`unit#s1`) whose target is the Japanese source itself: not written, the current translation stays. */
  untranslatedSegments: string[]
}

const M = 'kaijiAdmin:messages:xliff:' as const

const sorted = (values: readonly string[]) =>
  [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))

/** Characters XML does not allow in the target that the source does not have (U+0000…), named as U+XXXX. */
const oddCharacters = (segment: SegmentPlan, runs: readonly InlineRun[]): string[] => {
  const inSource = new Set(
    segment.sourceRuns.flatMap((run) => (run.kind === 'text' ? [...run.text] : [])),
  )
  const odd = runs.flatMap((run) =>
    run.kind === 'text'
      ? [...run.text.matchAll(NOT_XML_CHAR)]
          .map((match) => match[0])
          .filter((char) => !inSource.has(char))
      : [],
  )
  return [...new Set(odd)].map(
    (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u

/**
 * Whether a target is the Japanese source copied unchanged, as tools leave a segment nobody
 * translated (OmegaT, "copy source to target"). A source without Japanese script (a brand name,
 * "A/B") may rightly be its own translation, so only Japanese text counts.
 */
const leftInJapanese = (segment: SegmentPlan, runs: readonly InlineRun[]): boolean =>
  JAPANESE.test(plainText(segment.sourceRuns)) &&
  canonicalTarget(segment, runs) === segment.sourceXml

/** The text without whitespace or codes: how a whole 1.2 source is compared when its segments were not kept. */
const plainText = (runs: readonly InlineRun[]) =>
  runs
    .map((run) => (run.kind === 'text' ? run.text : ''))
    .join('')
    .replace(/\s+/g, '')

/** Ids for a message: the first ten, then how many in all (a hostile file may have 28 000). */
const listed = (ids: readonly string[], say: Say) =>
  ids.length > 10
    ? `${ids.slice(0, 10).join(', ')}${say(`${M}andMore`, { count: ids.length })}`
    : ids.join(', ')

type Pairing = Array<{ plan: SegmentPlan; read: ReadSegment }>

/** Pairs the file's segments with the unit's: by id, or by position when the file gives none. */
const pairSegments = (
  unit: ReadUnit,
  plan: UnitPlan,
  say: Say,
): { pairs: Pairing } | { problem: string } | { noTargets: true } => {
  const expectedIds = plan.segments.map((segment) => segment.id)
  const withIds = unit.segments.filter((segment) => segment.id !== null)
  const unitName = JSON.stringify(unit.id)
  if (withIds.length === unit.segments.length && withIds.length > 0) {
    const givenIds = withIds.map((segment) => segment.id ?? '')
    if (sorted(givenIds).join(' ') !== sorted(expectedIds).join(' '))
      return {
        problem: say(`${M}segmentsDiffer`, {
          unit: unitName,
          given: listed(givenIds, say) || say(`${M}none`),
          expected: expectedIds.join(', '),
        }),
      }
    return {
      pairs: plan.segments.flatMap((segment) => {
        const read = unit.segments.find((candidate) => candidate.id === segment.id)
        return read ? [{ plan: segment, read }] : []
      }),
    }
  }
  if (withIds.length > 0) return { problem: say(`${M}mixedSegmentIds`, { unit: unitName }) }
  if (unit.segments.length !== plan.segments.length) {
    // A tool that merged or dropped segments it had no translation for loses nothing here.
    if (unit.segments.every((segment) => segment.target === null)) return { noTargets: true }
    return {
      problem: say(`${M}segmentCountDiffers`, {
        unit: unitName,
        given: unit.segments.length,
        expected: plan.segments.length,
        ids: expectedIds.join(', '),
      }),
    }
  }
  return {
    pairs: plan.segments.map((segment, index) => ({
      plan: segment,
      read: unit.segments[index] as ReadSegment,
    })),
  }
}

/** Whether the file's source of a unit is the source `plan` holds (the text an export of it would carry). */
const sourceIs = (file: ReadXliff, unit: ReadUnit, plan: UnitPlan, say: Say): boolean => {
  const runsOf = (element: Element, codes: readonly InlineCode[]) =>
    readInline(element, {
      version: file.version,
      codes: new Map(codes.map((code) => [code.id, code])),
      where: '',
      problems: [],
      say,
      preserveSpace: preservesSpace(element),
    }).runs
  const paired = pairSegments(unit, plan, say)
  if ('pairs' in paired && paired.pairs.every(({ read }) => read.source !== null))
    return paired.pairs.every(
      ({ plan: segment, read }) =>
        read.source !== null &&
        canonicalTarget(segment, runsOf(read.source, segment.codes)) === segment.sourceXml,
    )
  if (!unit.wholeSource) return false
  const allCodes = plan.segments.flatMap((segment) => segment.codes)
  return (
    plainText(runsOf(unit.wholeSource, allCodes)) ===
    plainText(plan.segments.flatMap((segment) => segment.sourceRuns))
  )
}

/**
 * Plans an import: all-or-nothing, any problem refuses the whole file. `history` holds earlier
 * approved source texts of documents the file does not name a source version for (see
 * `unidentified`). The target language and permission checks are the caller's.
 */
export const planImport = (
  file: ReadXliff,
  plans: readonly DocumentPlan[],
  say: Say = english,
  history: ReadonlyMap<string, readonly SourceVersion[]> = new Map(),
): ImportPlan | ImportRefusal => {
  const problems: string[] = []
  if (localeOfLanguageTag(file.srcLang) !== SOURCE_LOCALE)
    problems.push(
      say(`${M}wrongSourceLanguage`, {
        given: JSON.stringify(file.srcLang),
        source: SOURCE_LOCALE,
        sourceName: localeName(say, SOURCE_LOCALE),
      }),
    )
  const expected = new Map(
    plans.flatMap((document) =>
      document.units.map((unit) => [unit.id, { document, unit }] as const),
    ),
  )
  const namedHashes = new Map(
    file.documents.map((document) => [document.fileId, document.sourceHash]),
  )
  const seen = new Set<string>()
  const targets = new Map<string, Map<string, InlineRun[]>>()
  const untranslated: string[] = []
  /** The units read, to compare their source with today's and earlier ones. */
  const readUnits = new Map<string, ReadUnit>()

  for (const unit of file.units) {
    const id = unit.id
    if (seen.has(id)) {
      problems.push(say(`${M}repeatedUnit`, { unit: JSON.stringify(id) }))
      continue
    }
    seen.add(id)
    const match = expected.get(id)
    if (!match) {
      problems.push(say(`${M}unknownUnit`, { unit: JSON.stringify(id) }))
      continue
    }
    if (unit.fileId !== match.document.fileId)
      problems.push(
        say(`${M}wrongFile`, {
          unit: JSON.stringify(id),
          expected: JSON.stringify(match.document.fileId),
          given: JSON.stringify(unit.fileId),
        }),
      )
    const paired = pairSegments(unit, match.unit, say)
    if ('problem' in paired) {
      problems.push(paired.problem)
      continue
    }
    if ('noTargets' in paired) continue
    readUnits.set(id, unit)
    const runsBySegment = new Map<string, InlineRun[]>()
    for (const { plan: segment, read } of paired.pairs) {
      if (!read.target) continue
      const where = say(`${M}where`, { unit: JSON.stringify(id), segment: segment.id })
      const { runs, used } = readInline(read.target, {
        version: file.version,
        codes: new Map(segment.codes.map((code) => [code.id, code])),
        where,
        problems,
        say,
        preserveSpace: preservesSpace(read.target),
      })
      const usedOnce = new Set<string>()
      const repeatedIds = new Set<string>()
      for (const code of used) (usedOnce.has(code) ? repeatedIds : usedOnce).add(code)
      const known = new Set(segment.codes.map((code) => code.id))
      const missing = segment.codes.filter((code) => !usedOnce.has(code.id)).map((code) => code.id)
      const extra = [...usedOnce].filter((code) => !known.has(code))
      const repeated = [...repeatedIds]
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
      const odd = oddCharacters(segment, runs)
      if (odd.length) {
        problems.push(say(`${M}oddCharacter`, { where, character: odd.join(', ') }))
        continue
      }
      if (leftInJapanese(segment, runs)) {
        // The tool's copy of the source, not a translation: the current translation stays.
        untranslated.push(`${id}#${segment.id}`)
        runsBySegment.set(segment.id, segment.targetRuns ?? [])
        continue
      }
      runsBySegment.set(segment.id, runs)
    }
    targets.set(id, runsBySegment)
  }
  const missingUnits = [...expected.keys()].filter((id) => !seen.has(id))
  if (missingUnits.length)
    problems.push(say(`${M}missingUnits`, { units: missingUnits.join(', ') }))
  if (problems.length) return { status: 422, problems }

  const changes: DocumentChange[] = []
  const unidentified = new Set<string>()
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
      const value = changed ? targetValue(unit, runsBySegment) : undefined
      // Read differently but stored the same (a raw line break for a line-break code): no change.
      if (changed && stableStringify(value ?? null) !== stableStringify(unit.field.target ?? null))
        values.set(unit.field.path, value)
    }
    const compared = document.units.filter((unit) => readUnits.has(unit.id))
    const sourceMatches = (unit: UnitPlan, against: UnitPlan | undefined) => {
      const read = readUnits.get(unit.id)
      return Boolean(read && against && sourceIs(file, read, against, say))
    }
    const differing = compared.filter((unit) => !sourceMatches(unit, unit)).map((unit) => unit.id)
    // A named version counts only when it is one the document really had: today's approved text or
    // a source release's. Anything else is read as naming none (a file cannot pick its own basis).
    const versions = history.get(document.fileId)
    const namedInFile = namedHashes.get(document.fileId) ?? null
    const named =
      namedInFile !== null &&
      (namedInFile === document.sourceHash ||
        versions?.some((version) => version.sourceHash === namedInFile))
        ? namedInFile
        : null
    if (namedInFile !== null && named === null && !versions) unidentified.add(document.fileId)
    let sourceBasis: SourceBasis
    let staleUnits: string[] = []
    if (named) {
      sourceBasis = { kind: 'named', sourceHash: named }
      staleUnits = differing
    } else if (differing.length === 0) {
      sourceBasis = { kind: 'current' }
    } else {
      const earlier = versions?.find((version) =>
        compared.every((unit) => sourceMatches(unit, version.units.get(unit.id))),
      )
      if (earlier) {
        sourceBasis = {
          kind: 'identified',
          sourceHash: earlier.sourceHash,
          release: earlier.release,
        }
        staleUnits = differing
      } else {
        sourceBasis = { kind: 'assumed', differingUnits: differing }
        if (!versions) unidentified.add(document.fileId)
      }
    }
    if (values.size === 0 && staleUnits.length === 0) {
      unchangedDocuments += 1
      continue
    }
    changes.push({
      document,
      values,
      staleUnits,
      exportedSourceHash:
        sourceBasis.kind === 'named' || sourceBasis.kind === 'identified'
          ? sourceBasis.sourceHash
          : null,
      sourceBasis,
    })
  }
  return {
    trgLang: file.trgLang ?? '',
    changes,
    unchangedDocuments,
    unidentified: [...unidentified],
    untranslatedSegments: untranslated,
  }
}
