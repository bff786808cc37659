import type { ReleasedCategory, ReleasedPage } from '@/releases/types'
import { blocksOf, inlineRuns, type InlineRun } from '@/translations/xliff/inline'
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

type FieldKind = 'text' | 'richText'

const PAGE_FIELDS: ReadonlyArray<{
  path: string
  kind: FieldKind
  read: (page: ReleasedPage) => unknown
}> = [
  { path: 'title', kind: 'text', read: (page) => page.title },
  { path: 'intro', kind: 'richText', read: (page) => page.intro },
  { path: 'notNamedNote', kind: 'richText', read: (page) => page.notNamedNote },
  { path: 'columnLabels.type', kind: 'text', read: (page) => page.columnLabels?.type },
  {
    path: 'columnLabels.description',
    kind: 'text',
    read: (page) => page.columnLabels?.description,
  },
  {
    path: 'columnLabels.dataUsageNote',
    kind: 'text',
    read: (page) => page.columnLabels?.dataUsageNote,
  },
  {
    path: 'authoritativeLanguageNote',
    kind: 'text',
    read: (page) => page.authoritativeLanguageNote,
  },
]

const CATEGORY_FIELDS: ReadonlyArray<{
  path: string
  kind: FieldKind
  read: (category: ReleasedCategory) => unknown
}> = [
  { path: 'name', kind: 'text', read: (category) => category.name },
  { path: 'description', kind: 'richText', read: (category) => category.description },
  { path: 'dataUsageNote', kind: 'richText', read: (category) => category.dataUsageNote },
]

/** A plain-text value as runs: its lines, with line breaks between them. */
const textRuns = (value: unknown): InlineRun[] =>
  typeof value !== 'string'
    ? []
    : value
        .split(/\r\n|\n/)
        .flatMap((line, index): InlineRun[] => [
          ...(index > 0 ? [{ kind: 'linebreak' as const }] : []),
          ...(line ? [{ kind: 'text' as const, text: line, format: 0, link: null }] : []),
        ])

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
  kind: FieldKind,
  source: unknown,
  target: unknown,
): SegmentPair[] => {
  if (kind === 'text') {
    const [sourceRuns, targetRuns] = [textRuns(source), textRuns(target)]
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

export const pagePairs = (source: ReleasedPage, target: ReleasedPage): SegmentPair[] =>
  PAGE_FIELDS.flatMap((field) =>
    fieldPairs(`page.${field.path}`, field.kind, field.read(source), field.read(target)),
  )

/** A category's pairs; both sides are the same category (same key). */
export const categoryPairs = (source: ReleasedCategory, target: ReleasedCategory): SegmentPair[] =>
  CATEGORY_FIELDS.flatMap((field) =>
    fieldPairs(
      `category.${target.key}.${field.path}`,
      field.kind,
      field.read(source),
      field.read(target),
    ),
  )
