import type { ReleasedCategory, ReleasedPage } from '@/releases/types'
import { valueAt, type TranslatableField } from '@/translations/translatableFields'
import { blocksOf, inlineRuns, type InlineRun } from '@/translations/xliff/inline'
import { textRuns } from '@/translations/xliff/units'
import { hasText, type TmxRun } from './inline'

/**
 * The segment pairs of one released document: the Japanese text its translation translates beside
 * the released translation, field by field. A plain-text field is one segment; rich text is split
 * like the XLIFF export, a segment per block (paragraph, heading, list item), so the memory matches
 * the segments a CAT tool sees. Blocks without text are passed over on both sides before pairing.
 * When the two sides still have different numbers of blocks (a translator joined or split
 * paragraphs), pairing them block by block would pair the wrong sentences, so the whole field is one
 * pair, its blocks separated by a placeholder: still found by a concordance search, never mistaken
 * for a sentence-level match.
 */

export type SegmentPair = {
  /** Where it is: `page.intro#s2` (the XLIFF unit and segment ids), or the unit alone for a whole field. */
  segment: string
  source: TmxRun[]
  target: TmxRun[]
}

/** The blocks of a rich-text value that have text, with their position among all its blocks. */
const textBlocks = (value: unknown): Array<{ position: number; runs: InlineRun[] }> =>
  blocksOf(value)
    .map((block, position) => ({ position, runs: inlineRuns(block) }))
    .filter((block) => hasText(block.runs))

const joined = (blocks: ReadonlyArray<{ runs: InlineRun[] }>): TmxRun[] =>
  blocks.flatMap((block, index): TmxRun[] => [
    ...(index > 0 ? [{ kind: 'block' as const }] : []),
    ...block.runs,
  ])

/** The pairs of one field; none when either side has no text. */
export const fieldPairs = (
  unit: string,
  kind: TranslatableField['kind'],
  source: unknown,
  target: unknown,
): SegmentPair[] => {
  if (kind === 'text') {
    const runsOf = (value: unknown) => (typeof value === 'string' ? textRuns(value) : [])
    const [sourceRuns, targetRuns] = [runsOf(source), runsOf(target)]
    return hasText(sourceRuns) && hasText(targetRuns)
      ? [{ segment: `${unit}#s1`, source: sourceRuns, target: targetRuns }]
      : []
  }
  const [sourceBlocks, targetBlocks] = [textBlocks(source), textBlocks(target)]
  if (sourceBlocks.length === 0 || targetBlocks.length === 0) return []
  if (sourceBlocks.length !== targetBlocks.length)
    return [{ segment: unit, source: joined(sourceBlocks), target: joined(targetBlocks) }]
  return sourceBlocks.map((block, index) => ({
    segment: `${unit}#s${block.position + 1}`,
    source: block.runs,
    target: targetBlocks[index]?.runs ?? [],
  }))
}

/** A page's pairs, field by field (`fields`: the page's translatable fields). */
export const pagePairs = (
  fields: readonly TranslatableField[],
  source: ReleasedPage,
  target: ReleasedPage,
): SegmentPair[] =>
  fields.flatMap((field) =>
    fieldPairs(
      `page.${field.path}`,
      field.kind,
      valueAt(source, field.path),
      valueAt(target, field.path),
    ),
  )

/** A category's pairs; both sides are the same category (same key). */
export const categoryPairs = (
  fields: readonly TranslatableField[],
  source: ReleasedCategory,
  target: ReleasedCategory,
): SegmentPair[] =>
  fields.flatMap((field) =>
    fieldPairs(
      `category.${target.key}.${field.path}`,
      field.kind,
      valueAt(source, field.path),
      valueAt(target, field.path),
    ),
  )
