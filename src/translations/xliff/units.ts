import { isJsonObject, type SerializedLexicalNode } from '@/utilities/lexical'
import {
  blocksOf,
  CodeBook,
  freshCodes,
  inlineRuns,
  matchingCodes,
  runsToNodes,
  runsToXliff,
  UnmatchedCode,
  type InlineCode,
  type InlineMarkup,
  type InlineRun,
} from './inline'

type JsonObject = { readonly [key: string]: unknown }

/** One translatable field of one document: the approved source value and the current translation. */
export type FieldSpec = {
  path: string
  kind: 'text' | 'richText'
  source: unknown
  target: unknown
}

export type SegmentPlan = {
  id: string
  blockIndex: number
  /** The source and target as XLIFF 2.0 inline content: the canonical form imports compare against. */
  sourceXml: string
  targetXml: string | null
  sourceRuns: InlineRun[]
  /** Null when the current translation has no text for this block, or formatting the source lacks. */
  targetRuns: InlineRun[] | null
  codes: InlineCode[]
}

/** A unit as exported, with what an import needs to read a target back. */
export type UnitPlan = {
  id: string
  field: FieldSpec
  segments: SegmentPlan[]
  /** Link URLs, referenced by the link codes' dataRefStart. */
  originalData: Array<{ id: string; value: string }>
  linkNodes: Map<string, JsonObject>
  notes: string[]
}

/** A plain-text value as runs: its lines, with line breaks between them. */
export const textRuns = (text: string): InlineRun[] =>
  text
    .split('\n')
    .flatMap((line, index): InlineRun[] => [
      ...(index > 0 ? [{ kind: 'linebreak' as const }] : []),
      ...(line ? [{ kind: 'text' as const, text: line, format: 0, link: null }] : []),
    ])

const runsAreEmpty = (runs: readonly InlineRun[]) =>
  runs.every((run) => run.kind === 'text' && run.text.trim() === '')

const linkNodesOf = (value: unknown): Map<string, JsonObject> => {
  const links = new Map<string, JsonObject>()
  const visit = (node: unknown, depth: number) => {
    if (!isJsonObject(node) || depth > 100) return
    if (
      (node.type === 'link' || node.type === 'autolink') &&
      isJsonObject(node.fields) &&
      typeof node.fields.url === 'string'
    ) {
      const { children: _children, ...withoutChildren } = node
      links.set(node.fields.url, withoutChildren)
    }
    const children = Array.isArray(node.children)
      ? node.children
      : isJsonObject(node.root)
        ? [node.root]
        : []
    for (const child of children) visit(child, depth + 1)
  }
  visit(value, 0)
  return links
}

/** The runs of each block of a field's value (one block for plain text). */
const blockRuns = (field: FieldSpec, value: unknown): InlineRun[][] => {
  if (field.kind === 'text')
    return typeof value === 'string' && value !== '' ? [textRuns(value)] : []
  return blocksOf(value).map(inlineRuns)
}

/** Plans a unit: a segment per non-empty source block, codes numbered across the unit, targets where they align. */
export const planUnit = (id: string, field: FieldSpec): UnitPlan | null => {
  const sourceBlocks = blockRuns(field, field.source)
  if (sourceBlocks.every(runsAreEmpty)) return null
  const targetBlocks = blockRuns(field, field.target)
  const aligned = targetBlocks.length === sourceBlocks.length
  const linkNodes = linkNodesOf(field.source)
  const book = new CodeBook()
  const notes: string[] = []
  if (!aligned && targetBlocks.some((runs) => !runsAreEmpty(runs))) {
    notes.push(
      `The current translation has ${targetBlocks.length} blocks and the source ${sourceBlocks.length}, so it is not split into these segments.`,
    )
  }
  const segments = sourceBlocks.flatMap((runs, blockIndex): SegmentPlan[] => {
    if (runsAreEmpty(runs)) return []
    const before = book.codes.length
    const sourceXml = runsToXliff(runs, freshCodes(book), linkNodes)
    const codes = book.codes.slice(before)
    const targetRuns = aligned ? targetBlocks[blockIndex] : undefined
    let targetXml: string | null = null
    let writtenTargetRuns: InlineRun[] | null = null
    if (targetRuns && !runsAreEmpty(targetRuns)) {
      try {
        targetXml = runsToXliff(targetRuns, matchingCodes(codes))
        writtenTargetRuns = targetRuns
      } catch (error) {
        if (!(error instanceof UnmatchedCode)) throw error
        notes.push(
          `Segment s${blockIndex + 1}: the current translation's formatting (${error.message}) has no counterpart in the source, so it is left out.`,
        )
      }
    }
    return [
      {
        id: `s${blockIndex + 1}`,
        blockIndex,
        sourceXml,
        targetXml,
        sourceRuns: runs,
        targetRuns: writtenTargetRuns,
        codes,
      },
    ]
  })
  const originalData = book.codes.flatMap((code) =>
    code.kind === 'link' ? [{ id: code.dataId, value: code.url }] : [],
  )
  return { id, field, segments, originalData, linkNodes, notes }
}

/** The field value an import writes: the source's structure with the target's text in each block. */
export const targetValue = (plan: UnitPlan, targets: ReadonlyMap<string, InlineRun[]>): unknown => {
  if (plan.field.kind === 'text') {
    const runs = targets.get(plan.segments[0]?.id ?? '') ?? []
    return runs.map((run) => (run.kind === 'linebreak' ? '\n' : run.text)).join('') || null
  }
  const value = structuredClone(plan.field.source)
  const blocks = blocksOf(value) as Array<{ children?: SerializedLexicalNode[] }>
  const byBlock = new Map(plan.segments.map((segment) => [segment.blockIndex, segment.id]))
  blocks.forEach((block, index) => {
    const segmentId = byBlock.get(index)
    const runs = segmentId ? (targets.get(segmentId) ?? []) : []
    const nested = (block.children ?? []).filter(
      (child) => !['text', 'linebreak', 'link', 'autolink', 'tab'].includes(String(child.type)),
    )
    block.children = [...runsToNodes(runs, plan.linkNodes), ...nested]
  })
  return value
}

/**
 * The target of a segment as the export writes it, from parsed runs: equal strings mean an unchanged
 * segment. Null for no text; undefined when the runs need more codes than the segment has (a line
 * break moved inside a bold span, say), which no export wrote, so it is a change.
 */
export const canonicalTarget = (
  segment: SegmentPlan,
  runs: readonly InlineRun[],
): string | null | undefined => {
  if (runsAreEmpty(runs)) return null
  try {
    return runsToXliff(runs, matchingCodes(segment.codes))
  } catch (error) {
    if (error instanceof UnmatchedCode) return undefined
    throw error
  }
}

/** A segment's source and target in another XLIFF version's markup, with the same code ids. */
export const segmentIn = (
  unit: UnitPlan,
  segment: SegmentPlan,
  markup: InlineMarkup,
): { source: string; target: string | null } => ({
  source: runsToXliff(segment.sourceRuns, matchingCodes(segment.codes), unit.linkNodes, markup),
  target:
    segment.targetRuns === null
      ? null
      : runsToXliff(segment.targetRuns, matchingCodes(segment.codes), unit.linkNodes, markup),
})
