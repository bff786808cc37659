import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {
  decodeSource,
  parseSource,
  renderSource,
  SourceFormatError,
  splitTypeCell,
} from '@seed/parseSource'

const FILE = 'zenly-partners.ja.txt'
/** SHA-256 of the source file as provided to the project; the copy in seed/source/ must not drift. */
const SOURCE_SHA256 = 'ea28201868c76d1a1508a968232b71c2bb62c927bbbfbed231b62fa142aef571'
const sourceBytes = fs.readFileSync(path.resolve('seed/source/zenly-partners.ja.txt'))
const sourceText = sourceBytes.toString('utf8')
const sourceLines = sourceText.split('\n')

const formatError = (run: () => unknown): SourceFormatError => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(SourceFormatError)
    return error as SourceFormatError
  }
  throw new Error('expected a SourceFormatError')
}

const codePoints = (text: string) =>
  [...text].map((char) => `U+${char.codePointAt(0)?.toString(16).toUpperCase()}`)

describe('parseSource on the Zenly source', () => {
  const parsed = parseSource(decodeSource(sourceBytes, FILE), FILE)

  it('is byte for byte the source we were given (its SHA-256)', () => {
    expect(createHash('sha256').update(sourceBytes).digest('hex')).toBe(SOURCE_SHA256)
  })

  it('maps the two paragraphs to the intro and the not-named note', () => {
    expect(parsed.intro).toBe(sourceLines[0])
    expect(parsed.intro.startsWith('多くの企業と同様に')).toBe(true)
    expect(parsed.intro.endsWith('❤️')).toBe(true)
    expect(parsed.notNamedNote).toBe(sourceLines[1])
    expect(parsed.notNamedNote.startsWith('ご参考までに')).toBe(true)
  })

  it('reads the header row as the column labels', () => {
    expect(parsed.columnLabels).toEqual({
      type: 'タイプ',
      description: '説明',
      dataUsageNote: 'データ使用上の注意',
    })
  })

  it('finds the eight categories in order with stable keys, names and icons', () => {
    expect(parsed.categories.map(({ order, key, name, icon }) => [order, key, name, icon])).toEqual(
      [
        [1, 'cloud-platform', 'クラウド プラットフォーム:計算とストレージ', '⛅'],
        [2, 'bug-detection', 'バグの検出', '🐜'],
        [3, 'maps', '地図', '🗺'],
        [4, 'sms-providers', 'SMS プロバイダー', '💬'],
        [5, 'analytics', '分析', '📊'],
        [6, 'marketing', 'マーケティング', '💌'],
        [7, 'support', 'サポート', '👩💻'],
        [8, 'internal-tools', '内部ツールとソフトウェア', '🏠'],
      ],
    )
  })

  it('keeps every code point of the icons, with no joiner added', () => {
    const icon = (key: string) =>
      parsed.categories.find((category) => category.key === key)?.icon ?? ''
    expect(codePoints(icon('support'))).toEqual(['U+1F469', 'U+1F4BB'])
    expect(codePoints(icon('maps'))).toEqual(['U+1F5FA'])
  })

  it('keeps description and data-use note cells verbatim, without the " |" delimiter', () => {
    const cloud = parsed.categories[0]
    expect(cloud?.description).toBe(sourceLines[6]?.slice(0, -2))
    expect(cloud?.dataUsageNote).toBe(sourceLines[7]?.slice(0, -2))
    expect(cloud?.line).toBe(6)
  })

  it('loses no character: rendering the parse gives back the file exactly', () => {
    expect(renderSource(parsed)).toBe(sourceText)
  })

  it('accepts CRLF line ends, a trailing newline and a byte-order mark', () => {
    const variant = `\uFEFF${sourceText.replace(/\n/g, '\r\n')}\r\n`
    expect(parseSource(decodeSource(Buffer.from(variant, 'utf8'), FILE), FILE)).toEqual(parsed)
  })
})

describe('parseSource refuses malformed input, naming file and line', () => {
  it('an empty file', () => {
    const error = formatError(() => parseSource('', FILE))
    expect(error.message).toBe(`${FILE}:1: the file is empty`)
    expect(formatError(() => parseSource(' \n\n', FILE)).reason).toBe('the file is empty')
  })

  it('a missing header row', () => {
    const withoutHeader = [...sourceLines.slice(0, 2), ...sourceLines.slice(5)].join('\n')
    const error = formatError(() => parseSource(withoutHeader, FILE))
    expect(error.line).toBe(3)
    expect(error.message).toMatch(/^zenly-partners\.ja\.txt:3: missing header row/)
  })

  it('a file with no table at all', () => {
    const error = formatError(() => parseSource(sourceLines.slice(0, 2).join('\n'), FILE))
    expect(error.message).toMatch(/missing header row/)
    expect(error.line).toBe(2)
  })

  it('a row with fewer than three cells', () => {
    const truncated = sourceLines.slice(0, -1).join('\n')
    const error = formatError(() => parseSource(truncated, FILE))
    expect(error.line).toBe(27)
    expect(error.reason).toBe('row 8 has 2 cells; expected 3 (type, description, data-use note)')
  })

  it('a table line without the cell delimiter', () => {
    const lines = [...sourceLines]
    lines[9] = lines[9]?.replace(/ \|$/, '') ?? ''
    const error = formatError(() => parseSource(lines.join('\n'), FILE))
    expect(error.line).toBe(10)
    expect(error.reason).toMatch(/expected a table cell ending with " \|"/)
  })

  it('an empty cell', () => {
    const lines = [...sourceLines]
    lines[10] = ' |'
    expect(formatError(() => parseSource(lines.join('\n'), FILE)).line).toBe(11)
  })

  it('the wrong number of paragraphs before the table', () => {
    const error = formatError(() => parseSource(sourceLines.slice(1).join('\n'), FILE))
    expect(error.reason).toMatch(/expected 2 paragraphs before the table.*found 1/)
  })

  it('a category listed twice', () => {
    const lines = [...sourceLines, ...sourceLines.slice(8, 11)]
    const error = formatError(() => parseSource(lines.join('\n'), FILE))
    expect(error.line).toBe(30)
    expect(error.reason).toMatch(/"バグの検出" appears twice \(first at line 9\)/)
  })

  it('a header row with no categories', () => {
    const error = formatError(() => parseSource(sourceLines.slice(0, 5).join('\n'), FILE))
    expect(error.reason).toMatch(/no partner categories/)
  })

  it('invalid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from(sourceLines.slice(0, 3).join('\n') + '\n', 'utf8'),
      Buffer.from([0xe3, 0x28, 0xa1, 0x0a]),
    ])
    const error = formatError(() => decodeSource(bytes, FILE))
    expect(error.line).toBe(4)
    expect(error.message).toBe(
      `${FILE}:4: invalid UTF-8 byte sequence; the source must be UTF-8 text`,
    )
  })
})

describe('splitTypeCell', () => {
  it('separates the trailing emoji run from the name', () => {
    expect(splitTypeCell('SMS プロバイダー 💬')).toEqual({ name: 'SMS プロバイダー', icon: '💬' })
    expect(splitTypeCell('Family 👨‍👩‍👧')).toEqual({ name: 'Family', icon: '👨‍👩‍👧' })
    expect(splitTypeCell('Weather ☀️')).toEqual({ name: 'Weather', icon: '☀️' })
  })

  it('leaves a name without an icon whole', () => {
    expect(splitTypeCell('タイプ')).toEqual({ name: 'タイプ', icon: '' })
    expect(splitTypeCell('A/B テスト')).toEqual({ name: 'A/B テスト', icon: '' })
  })
})
