import type { Release } from '@/releases/types'
import { richTextToPlainText } from '@/utilities/lexical'

const COLUMNS = [
  'release',
  'locale',
  'effective_at',
  'order',
  'key',
  'icon',
  'name',
  'description',
  'data_use_note',
]

/** Spreadsheet tools read the file as UTF-8 (and the Japanese correctly) only with a byte-order mark. */
const BOM = '\uFEFF'

const NEEDS_QUOTES = /[",\r\n]/

const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value

const csvRecord = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`

/** RFC 4180, one record per category in display order, after a header record. */
export const renderCsv = (release: Release): string => {
  const records = release.content.categories.map((category) => [
    String(release.number),
    release.locale,
    release.effectiveAt,
    String(category.order),
    category.key,
    category.icon ?? '',
    category.name ?? '',
    richTextToPlainText(category.description),
    richTextToPlainText(category.dataUsageNote),
  ])
  return BOM + [COLUMNS, ...records].map(csvRecord).join('')
}
