import { renderCsv } from '@/delivery/render/csv'
import { renderAtomFeed } from '@/delivery/render/feed'
import type { Release } from '@/releases/types'
import { paragraphsToRichText } from '@/utilities/lexical'
import { xmllint } from '../helpers/xmllint'
import {
  codePoints,
  enRelease,
  HOSTILE_STRINGS,
  hostileRelease,
  jaSource,
  makeRelease,
} from './fixtures/partnersRelease'

const expectWellFormed = (xml: string) => {
  const result = xmllint(['--noout'], xml)
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
}

const xpath = (xml: string, expression: string): string => {
  const result = xmllint(['--xpath', expression], xml)
  expect(result.status).toBe(0)
  return result.stdout.trim()
}

const atom = (path: string): string =>
  path
    .split('/')
    .map((step) => step.replace(/^([a-z]+)/, "*[local-name()='$1']"))
    .join('/')

const BASE_URL = 'https://kaiji.example/'
const KAIJI_EFFECTIVE = "*[local-name()='effective' and namespace-uri()='urn:kaiji:atom:1']"

const releases = (): Release[] => [
  makeRelease({ number: 3, summary: '分析の説明を更新', publishedAt: '2026-04-01T09:30:00.000Z' }),
  makeRelease({
    number: 2,
    summary: '地図を追加',
    changeType: 'material',
    publishedAt: '2026-03-01T00:00:00.000Z',
  }),
  makeRelease({
    number: 1,
    summary: '初版',
    publishedAt: '2026-01-15T00:00:00.000Z',
    effectiveAt: '2026-01-15T00:00:00.000Z',
  }),
]

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed({
    locale: 'ja',
    releases: releases(),
    baseUrl: BASE_URL,
    title: 'サードパーティパートナー',
    timeZone: 'Asia/Tokyo',
  })

  it('is well-formed XML (xmllint) with the Atom namespace and the locale as xml:lang', () => {
    expectWellFormed(xml)
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:kaiji="urn:kaiji:atom:1" xml:lang="ja">',
      ),
    ).toBe(true)
  })

  it('has the feed id, title, updated (latest publishedAt), author and self/alternate links', () => {
    expect(xpath(xml, `string(/${atom('feed/id')})`)).toBe('tag:kaiji,2026:partners/ja')
    expect(xpath(xml, `string(/${atom('feed/title')})`)).toBe('サードパーティパートナー')
    expect(xpath(xml, `string(/${atom('feed/updated')})`)).toBe('2026-04-01T09:30:00.000Z')
    expect(xpath(xml, `string(/${atom('feed/author/name')})`)).not.toBe('')
    expect(xpath(xml, `string(/${atom('feed/link')}[@rel='self']/@href)`)).toBe(
      'https://kaiji.example/partners/ja/feed.atom',
    )
    expect(xpath(xml, `string(/${atom('feed/link')}[@rel='alternate']/@href)`)).toBe(
      'https://kaiji.example/partners/ja',
    )
  })

  it('has one entry per release, newest first, with id, title, dates, link and summary', () => {
    expect(xpath(xml, `count(/${atom('feed/entry')})`)).toBe('3')
    const ids = [1, 2, 3].map((i) =>
      xpath(xml, `string(/${atom('feed/entry')}[${i}]/${atom('id')})`),
    )
    expect(ids).toEqual([3, 2, 1].map((n) => `tag:kaiji,2026:partners/ja/releases/${n}`))
    const first = `/${atom('feed/entry')}[1]/`
    expect(xpath(xml, `string(${first}${atom('title')})`)).toBe('リリース 3: 分析の説明を更新')
    expect(xpath(xml, `string(${first}${atom('updated')})`)).toBe('2026-04-01T09:30:00.000Z')
    expect(xpath(xml, `string(${first}${atom('published')})`)).toBe('2026-04-01T09:30:00.000Z')
    expect(xpath(xml, `string(${first}${atom('link')}[@rel='alternate']/@href)`)).toBe(
      'https://kaiji.example/partners/ja/releases/3',
    )
    expect(xpath(xml, `string(/${atom('feed/entry')}[2]/${atom('summary')})`)).toBe(
      '重要な変更、2026年5月1日 9:00 (JST)発効。地図を追加',
    )
    expect(xpath(xml, `count(/${atom('feed/entry/category')})`)).toBe('0')
  })

  it('gives every entry its effective instant in a kaiji:effective element (Atom has none)', () => {
    expect(xpath(xml, `count(/${atom('feed/entry')}/${KAIJI_EFFECTIVE})`)).toBe('3')
    expect(xpath(xml, `string(/${atom('feed/entry')}[3]/${KAIJI_EFFECTIVE})`)).toBe(
      '2026-01-15T00:00:00.000Z',
    )
  })

  it('words entries in the feed locale and falls back to the default heading for a null title', () => {
    const en = renderAtomFeed({
      locale: 'en',
      releases: [enRelease()],
      baseUrl: 'https://kaiji.example',
      title: null,
      timeZone: 'Asia/Tokyo',
    })
    expectWellFormed(en)
    expect(xpath(en, `string(/${atom('feed/title')})`)).toBe('Our third-party partners')
    expect(xpath(en, `string(/${atom('feed/entry/title')})`)).toBe(
      'Release 2: First English release',
    )
    expect(xpath(en, `string(/${atom('feed/entry/summary')})`)).toBe(
      'Editorial change, effective May 1, 2026 at 9:00 AM (GMT+9). First English release',
    )
  })

  it('is still a valid feed with no releases (fixed epoch as updated)', () => {
    const empty = renderAtomFeed({
      locale: 'fr',
      releases: [],
      baseUrl: BASE_URL,
      title: 'Partenaires',
      timeZone: 'Asia/Tokyo',
    })
    expectWellFormed(empty)
    expect(xpath(empty, `count(/${atom('feed/entry')})`)).toBe('0')
    expect(xpath(empty, `string(/${atom('feed/updated')})`)).toBe('1970-01-01T00:00:00.000Z')
  })

  it('stays well-formed with markup, control characters and lone surrogates in every text', () => {
    const nasty = `${HOSTILE_STRINGS.join(' ')} ]]> <![CDATA[ x ]]> &amp; \u0000\u0001\u000B\uFFFE\uD800 end`
    const hostile = renderAtomFeed({
      locale: 'ja',
      releases: [hostileRelease({ summary: nasty, publishedAt: 'not a date' })],
      baseUrl: 'https://kaiji.example/"><x',
      title: nasty,
      timeZone: 'Asia/Tokyo',
    })
    expectWellFormed(hostile)
    expect(hostile).not.toMatch(/<script|<img|[\u0000\u0001\u000B\uFFFE]/)
    expect(xpath(hostile, `count(/${atom('feed/entry')})`)).toBe('1')
    expect(xpath(hostile, `string(/${atom('feed/entry/title')})`)).toContain(
      '<script>alert(1)</script>',
    )
    // The text survives as text; only the characters XML cannot carry at all are gone.
    expect(xpath(hostile, `string(/${atom('feed/entry/title')})`)).toContain(
      ' ]]> <![CDATA[ x ]]> &amp;  end',
    )
  })
})

describe('renderAtomFeed with announced releases', () => {
  const announced = [
    makeRelease({
      number: 4,
      changeType: 'material',
      summary: '地図の名称を変更',
      effectiveAt: '2026-06-15T00:00:00.000Z',
      publishedAt: '2026-05-10T00:00:00.000Z',
    }),
    makeRelease({
      number: 5,
      summary: '誤字の修正',
      effectiveAt: '2026-07-01T00:00:00.000Z',
      publishedAt: '2026-05-12T08:00:00.000Z',
    }),
  ]
  const xml = renderAtomFeed({
    locale: 'ja',
    releases: releases(),
    announced,
    baseUrl: BASE_URL,
    title: 'サードパーティパートナー',
    timeZone: 'Asia/Tokyo',
  })
  const entry = (i: number) => `/${atom('feed/entry')}[${i}]/`

  it('is still well-formed, with an entry per announced release first (newest first), then the releases in effect', () => {
    expectWellFormed(xml)
    expect(xpath(xml, `count(/${atom('feed/entry')})`)).toBe('5')
    const ids = [1, 2, 3, 4, 5].map((i) => xpath(xml, `string(${entry(i)}${atom('id')})`))
    expect(ids).toEqual([
      'tag:kaiji,2026:partners/ja/upcoming/5',
      'tag:kaiji,2026:partners/ja/upcoming/4',
      'tag:kaiji,2026:partners/ja/releases/3',
      'tag:kaiji,2026:partners/ja/releases/2',
      'tag:kaiji,2026:partners/ja/releases/1',
    ])
    // The feed changed when the last release was announced.
    expect(xpath(xml, `string(/${atom('feed/updated')})`)).toBe('2026-05-12T08:00:00.000Z')
  })

  it('marks the announcement in its title and category, gives its effective date, and links to its page', () => {
    const first = entry(2)
    expect(xpath(xml, `string(${first}${atom('title')})`)).toBe(
      '予告:リリース 4(2026年6月15日 9:00 (JST)発効)— 地図の名称を変更',
    )
    expect(xpath(xml, `string(${first}${atom('category')}/@term)`)).toBe('announced')
    expect(xpath(xml, `string(${first}${atom('category')}/@scheme)`)).toBe(
      'urn:kaiji:atom:1:release-status',
    )
    expect(xpath(xml, `string(${first}${atom('category')}/@label)`)).toBe('予告')
    expect(xpath(xml, `string(${first}${KAIJI_EFFECTIVE})`)).toBe('2026-06-15T00:00:00.000Z')
    expect(xpath(xml, `string(${first}${atom('summary')})`)).toBe(
      '重要な変更、2026年6月15日 9:00 (JST)発効。地図の名称を変更',
    )
    expect(xpath(xml, `string(${first}${atom('published')})`)).toBe('2026-05-10T00:00:00.000Z')
    expect(xpath(xml, `string(${first}${atom('updated')})`)).toBe('2026-05-10T00:00:00.000Z')
    expect(xpath(xml, `string(${first}${atom('link')}[@rel='alternate']/@href)`)).toBe(
      'https://kaiji.example/partners/ja/upcoming/4',
    )
    expect(xpath(xml, `count(/${atom('feed/entry/category')})`)).toBe('2')
  })

  it('words the announcement in each locale', () => {
    const titleIn = (locale: string) =>
      xpath(
        renderAtomFeed({
          locale,
          releases: [],
          announced: [enRelease({ locale, number: 3, effectiveAt: '2026-06-15T00:00:00.000Z' })],
          baseUrl: BASE_URL,
          title: null,
          timeZone: 'Asia/Tokyo',
        }),
        `string(/${atom('feed/entry/title')})`,
      )
    expect(titleIn('en')).toBe(
      'Announced: release 3 takes effect on June 15, 2026 at 9:00 AM (GMT+9) — First English release',
    )
    expect(titleIn('fr')).toBe(
      'Annoncée : la version 3 entrera en vigueur le 15 juin 2026 à 09:00 (UTC+9) — First English release',
    )
    expect(titleIn('ru')).toBe(
      'Объявлена редакция 3: вступает в силу 15 июня 2026 г. в 09:00 (GMT+9) — First English release',
    )
  })

  it('stays well-formed with hostile text in an announced release', () => {
    const hostile = renderAtomFeed({
      locale: 'ja',
      releases: [],
      announced: [
        hostileRelease({
          summary: `${HOSTILE_STRINGS.join(' ')} \u0000 ]]>`,
          effectiveAt: 'not a date',
        }),
      ],
      baseUrl: BASE_URL,
      title: null,
      timeZone: 'Asia/Tokyo',
    })
    expectWellFormed(hostile)
    expect(hostile).not.toMatch(/<script|<img/)
    expect(xpath(hostile, `count(/${atom('feed/entry')}/${KAIJI_EFFECTIVE})`)).toBe('0')
  })
})

/** RFC 4180, strictly: CRLF between records, quotes only around whole fields, no bare CR or LF outside them. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (char === '"') {
        quoted = false
        i += 1
        if (i < text.length && text[i] !== ',' && text[i] !== '\r')
          throw new Error(`text after a closing quote at ${i}`)
      } else {
        field += char
        i += 1
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
      i += 1
    } else if (char === ',') {
      record.push(field)
      field = ''
      i += 1
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...record, field])
      record = []
      field = ''
      i += 2
    } else if (char === '\r' || char === '\n') {
      throw new Error(`bare line break at ${i}`)
    } else {
      field += char
      i += 1
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || record.length > 0) records.push([...record, field])
  return records
}

const HEADER = [
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

describe('renderCsv', () => {
  const csv = renderCsv(makeRelease())
  const parse = (text: string) => parseCsv(text.slice(1))

  it('starts with a UTF-8 byte-order mark and a header record, and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1).startsWith(`${HEADER.join(',')}\r\n`)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('has one record per category, in order, with the real text and icons', () => {
    const [header, ...rows] = parse(csv)
    expect(header).toEqual(HEADER)
    expect(rows).toHaveLength(8)
    rows.forEach((row, index) => {
      const category = jaSource.categories[index]!
      expect(row).toEqual([
        '3',
        'ja',
        '2026-05-01T00:00:00.000Z',
        String(category.order),
        category.key,
        category.icon,
        category.name,
        category.description,
        category.dataUsageNote,
      ])
    })
    const support = rows.find((row) => row[4] === 'support')
    expect(codePoints(support?.[5] ?? '')).toEqual(['U+1F469', 'U+1F4BB'])
  })

  it('quotes exactly the fields that need it and doubles their quotes', () => {
    const release = makeRelease()
    release.content.categories = [
      {
        key: 'tricky',
        icon: '⛅',
        order: 1,
        name: 'Cloud, "storage"',
        description: paragraphsToRichText(['first line, with a comma', 'second "quoted" line']),
        dataUsageNote: paragraphsToRichText(['plain']),
      },
    ]
    const text = renderCsv(release)
    expect(text).toContain(
      ',tricky,⛅,"Cloud, ""storage""","first line, with a comma\nsecond ""quoted"" line",plain\r\n',
    )
    expect(text).toContain('\r\n3,ja,2026-05-01T00:00:00.000Z,1,tricky,')
  })

  it('round-trips a field with a comma, a quote and a newline (and hostile text) unchanged', () => {
    const name = 'a, "b"\nc\r\nd'
    const release = hostileRelease()
    release.content.categories = release.content.categories.slice(-2).map((category, index) => ({
      ...category,
      name: index === 0 ? name : HOSTILE_STRINGS.join(','),
      description: paragraphsToRichText(['x,y', '"z"', '']),
      dataUsageNote: null,
    }))
    const [, first, second] = parse(renderCsv(release))
    expect(first?.[6]).toBe(name)
    expect(first?.[7]).toBe('x,y\n"z"\n')
    expect(first?.[8]).toBe('')
    expect(second?.[6]).toBe(HOSTILE_STRINGS.join(','))
  })

  it('is only the BOM and the header when there are no categories; empty values stay empty', () => {
    const release = enRelease()
    expect(
      parse(renderCsv({ ...release, content: { ...release.content, categories: [] } })),
    ).toEqual([HEADER])
    const rows = parse(renderCsv(release)).slice(1)
    expect(rows[0]?.slice(6)).toEqual(['', '', ''])
  })
})
