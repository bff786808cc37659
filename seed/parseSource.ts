import { categoryKeyFor } from './categoryKeys'

/**
 * The source format, as published: the intro paragraph and the "why partners are not named"
 * paragraph, one per line; then a table written one cell per line, each cell ending with " |":
 * first the three column labels, then three cells per partner category (type, description, data-use
 * note). A type cell is the category name, a space, and its emoji icon.
 */

export type ParsedCategory = {
  key: string
  order: number
  name: string
  icon: string
  description: string
  dataUsageNote: string
  line: number
}

export type ParsedSource = {
  intro: string
  notNamedNote: string
  columnLabels: { type: string; description: string; dataUsageNote: string }
  categories: ParsedCategory[]
}

export class SourceFormatError extends Error {
  override name = 'SourceFormatError'
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
  }
}

const CELL = /^(.*?)[ \t]*\|$/
const INTRO_PARAGRAPHS = 2
const CELLS_PER_ROW = 3

/** Emoji code points, variation selectors, joiners, keycaps and skin tones: the icon at a type cell's end. */
const TYPE_CELL =
  // Each code point of an emoji sequence is listed on its own and the class repeats: nothing is misread.
  // eslint-disable-next-line no-misleading-character-class
  /^(.*\S) ((?:[\p{Extended_Pictographic}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}])+)$/u

type NumberedLine = { text: string; line: number }
type Cell = NumberedLine

/** Decodes strict UTF-8, naming the line of the first invalid byte sequence. */
export const decodeSource = (bytes: Uint8Array, file: string): string => {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  try {
    return decoder.decode(bytes)
  } catch {
    let line = 1
    let start = 0
    for (let index = 0; index <= bytes.length; index += 1) {
      if (index === bytes.length || bytes[index] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, index))
        } catch {
          throw new SourceFormatError(
            file,
            line,
            'invalid UTF-8 byte sequence; the source must be UTF-8 text',
          )
        }
        line += 1
        start = index + 1
      }
    }
    throw new SourceFormatError(
      file,
      1,
      'invalid UTF-8 byte sequence; the source must be UTF-8 text',
    )
  }
}

export const splitTypeCell = (cell: string): { name: string; icon: string } => {
  const match = TYPE_CELL.exec(cell)
  return match ? { name: match[1] ?? cell, icon: match[2] ?? '' } : { name: cell, icon: '' }
}

export const parseSource = (text: string, file: string): ParsedSource => {
  if (text.trim() === '') throw new SourceFormatError(file, 1, 'the file is empty')

  const lines: NumberedLine[] = text
    .split('\n')
    .map((raw, index) => ({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, line: index + 1 }))
    .filter(({ text: content }) => content.trim() !== '')

  const tableStart = lines.findIndex(({ text: content }) => CELL.test(content))
  const lastLine = lines.at(-1)?.line ?? 1
  if (tableStart === -1) {
    throw new SourceFormatError(
      file,
      lastLine,
      'missing header row: no table cell (a line ending with " |") found',
    )
  }

  const paragraphs = lines.slice(0, tableStart)
  if (paragraphs.length !== INTRO_PARAGRAPHS) {
    throw new SourceFormatError(
      file,
      lines[tableStart]?.line ?? 1,
      `expected ${INTRO_PARAGRAPHS} paragraphs before the table (the intro, then why partners are not named), found ${paragraphs.length}`,
    )
  }

  const cells: Cell[] = lines.slice(tableStart).map(({ text: content, line }) => {
    const match = CELL.exec(content)
    if (!match) throw new SourceFormatError(file, line, 'expected a table cell ending with " |"')
    const value = match[1] ?? ''
    if (value.trim() === '') throw new SourceFormatError(file, line, 'empty table cell')
    return { text: value, line }
  })

  const header = cells.slice(0, CELLS_PER_ROW)
  const firstHeaderCell = header[0]
  if (!firstHeaderCell || splitTypeCell(firstHeaderCell.text).icon) {
    throw new SourceFormatError(
      file,
      firstHeaderCell?.line ?? lastLine,
      'missing header row: the table must start with the three column labels (e.g. タイプ | 説明 | データ使用上の注意), but this line is a category type with an icon',
    )
  }
  if (header.length < CELLS_PER_ROW) {
    throw new SourceFormatError(
      file,
      firstHeaderCell.line,
      `the header row has ${header.length} cells; expected ${CELLS_PER_ROW}`,
    )
  }

  const rows = cells.slice(CELLS_PER_ROW)
  if (rows.length === 0) {
    throw new SourceFormatError(
      file,
      lastLine,
      'the table has a header row but no partner categories',
    )
  }

  const categories: ParsedCategory[] = []
  const seenKeys = new Map<string, number>()
  for (let index = 0; index < rows.length; index += CELLS_PER_ROW) {
    const [typeCell, descriptionCell, noteCell] = rows.slice(index, index + CELLS_PER_ROW)
    if (!typeCell || !descriptionCell || !noteCell) {
      const found = rows.length - index
      throw new SourceFormatError(
        file,
        typeCell?.line ?? lastLine,
        `row ${categories.length + 1} has ${found} cell${found === 1 ? '' : 's'}; expected ${CELLS_PER_ROW} (type, description, data-use note)`,
      )
    }
    const { name, icon } = splitTypeCell(typeCell.text)
    const key = categoryKeyFor(name)
    const earlier = seenKeys.get(key)
    if (earlier !== undefined) {
      throw new SourceFormatError(
        file,
        typeCell.line,
        `category "${name}" appears twice (first at line ${earlier})`,
      )
    }
    seenKeys.set(key, typeCell.line)
    categories.push({
      key,
      order: categories.length + 1,
      name,
      icon,
      description: descriptionCell.text,
      dataUsageNote: noteCell.text,
      line: typeCell.line,
    })
  }

  const [intro, notNamedNote] = paragraphs
  const [typeLabel, descriptionLabel, noteLabel] = header
  return {
    intro: intro?.text ?? '',
    notNamedNote: notNamedNote?.text ?? '',
    columnLabels: {
      type: typeLabel?.text ?? '',
      description: descriptionLabel?.text ?? '',
      dataUsageNote: noteLabel?.text ?? '',
    },
    categories,
  }
}

type RenderableSource = Omit<ParsedSource, 'categories'> & {
  categories: Array<Pick<ParsedCategory, 'name' | 'icon' | 'description' | 'dataUsageNote'>>
}

/** The inverse of parseSource for the published layout: proves that no character was lost. */
export const renderSource = (source: RenderableSource): string => {
  const cell = (value: string) => `${value} |`
  return [
    source.intro,
    source.notNamedNote,
    cell(source.columnLabels.type),
    cell(source.columnLabels.description),
    cell(source.columnLabels.dataUsageNote),
    ...source.categories.flatMap((category) => [
      cell(category.icon ? `${category.name} ${category.icon}` : category.name),
      cell(category.description),
      cell(category.dataUsageNote),
    ]),
  ].join('\n')
}
