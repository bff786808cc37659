import { createHash } from 'node:crypto'

import { SOURCE_LOCALE } from '@/config/locales'
import { escapeXml } from '@/translations/xliff/inline'
import type { MemoryEntry } from './memory'

/** The tool that writes the memory, as TMX headers name it; tests/unit/tmx.test.ts keeps the version in step with package.json. */
export const TMX_CREATION_TOOL = 'Kaiji'
export const TMX_CREATION_TOOL_VERSION = '0.1.0'

/** A TMX date, `YYYYMMDDThhmmssZ` in UTC; null for a value that is not a date. */
export const tmxDate = (value: string): string | null => {
  const time = Date.parse(value)
  if (Number.isNaN(time)) return null
  return new Date(time)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

const attribute = (name: string, value: string | null) =>
  value === null ? '' : ` ${name}="${escapeXml(value)}"`

/** A stable id for a pair, so two exports of the same memory name their units alike. */
const tuid = (entry: MemoryEntry) =>
  createHash('sha256')
    .update(`${entry.sourceXml}\u0000${entry.targetXml}`)
    .digest('hex')
    .slice(0, 16)

const aboutNote = (locale: string) =>
  `Approved ${SOURCE_LOCALE}→${locale} pairs of every published ${locale} release of the partners page, one unit per distinct pair. ` +
  `x-kaiji-release: each release that published the pair (creationdate: the first, changedate: the last). ` +
  `x-kaiji-segment: where it is (the XLIFF export's unit and segment ids; a unit id alone when the two texts have different numbers of paragraphs, which are then separated by <ph type="x-block"/>).`

/**
 * A TMX 1.4b document (level 2: inline codes) of a target locale's translation memory. It has no
 * DOCTYPE, so no reader is led to fetch the DTD; it validates against tmx14.dtd all the same
 * (tests/fixtures/schemas/tmx-1.4b).
 */
export const writeTmx = ({
  locale,
  entries,
  notes = [],
}: {
  locale: string
  entries: readonly MemoryEntry[]
  notes?: readonly string[]
}): string => {
  const lang = escapeXml(locale)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="${TMX_CREATION_TOOL}" creationtoolversion="${TMX_CREATION_TOOL_VERSION}" segtype="paragraph" o-tmf="Kaiji releases" adminlang="en" srclang="${SOURCE_LOCALE}" datatype="html">`,
    `    <note>${escapeXml(aboutNote(locale))}</note>`,
    ...notes.map((note) => `    <note>${escapeXml(note)}</note>`),
    '  </header>',
    '  <body>',
  ]
  for (const entry of entries) {
    lines.push(
      `    <tu tuid="${tuid(entry)}"${attribute('creationdate', tmxDate(entry.createdAt))}${attribute('changedate', tmxDate(entry.changedAt))}>`,
      ...entry.releases.map((number) => `      <prop type="x-kaiji-release">${number}</prop>`),
      ...entry.segments.map(
        (segment) => `      <prop type="x-kaiji-segment">${escapeXml(segment)}</prop>`,
      ),
      `      <tuv xml:lang="${SOURCE_LOCALE}"><seg>${entry.sourceXml}</seg></tuv>`,
      `      <tuv xml:lang="${lang}"><seg>${entry.targetXml}</seg></tuv>`,
      '    </tu>',
    )
  }
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}
