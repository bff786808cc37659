import fs from 'node:fs'
import path from 'node:path'

import { DOMParser } from '@xmldom/xmldom'

import type { ReleasedCategory, ReleasedPage } from '@/releases/types'
import { pairToTmx, runsToTmx, sourceCodes, type TmxRun } from '@/translations/tmx/inline'
import { collectMemory } from '@/translations/tmx/memory'
import { categoryPairs, fieldPairs, pagePairs } from '@/translations/tmx/segments'
import type { TranslatableField } from '@/translations/translatableFields'
import { TMX_CREATION_TOOL_VERSION, tmxDate, writeTmx } from '@/translations/tmx/writer'
import type { SerializedRichText } from '@/utilities/lexical'
import { PROJECT_ROOT } from '@support/server.mjs'
import { validateTmx } from '../helpers/xmllint'
import { link, paragraph, richText as richTextValue, text } from '../helpers/xliffFixtures'

const richText = (...paragraphs: unknown[]) =>
  richTextValue(...paragraphs) as unknown as SerializedRichText
/** The translatable fields as the collections declare them (documentFields reads them from the config). */
const PAGE_FIELDS: TranslatableField[] = [
  { path: 'title', kind: 'text' },
  { path: 'intro', kind: 'richText' },
  { path: 'notNamedNote', kind: 'richText' },
  { path: 'columnLabels.type', kind: 'text' },
  { path: 'columnLabels.description', kind: 'text' },
  { path: 'columnLabels.dataUsageNote', kind: 'text' },
  { path: 'authoritativeLanguageNote', kind: 'text' },
]
const CATEGORY_FIELDS: TranslatableField[] = [
  { path: 'name', kind: 'text' },
  { path: 'description', kind: 'richText' },
  { path: 'dataUsageNote', kind: 'richText' },
]
const plain = (value: string): TmxRun[] => [{ kind: 'text', text: value, format: 0, link: null }]

const page = (overrides: Partial<ReleasedPage> = {}): ReleasedPage => ({
  title: null,
  intro: null,
  notNamedNote: null,
  columnLabels: { type: null, description: null, dataUsageNote: null },
  authoritativeLanguageNote: null,
  ...overrides,
})
const category = (overrides: Partial<ReleasedCategory>): ReleasedCategory => ({
  key: 'maps',
  icon: null,
  order: 1,
  name: null,
  description: null,
  dataUsageNote: null,
  ...overrides,
})

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml')

describe('TMX inline content', () => {
  it('escapes markup characters and writes characters XML cannot carry as placeholders', () => {
    const xml = runsToTmx(
      plain('a < b & c > "d" \u0007 \r \uFFFF \uD800 🙂 \t'),
      sourceCodes().take,
    )
    expect(xml).toBe(
      'a &lt; b &amp; c &gt; &quot;d&quot; <ph type="x-char">&amp;#x7;</ph> <ph type="x-char">&amp;#xD;</ph> <ph type="x-char">&amp;#xFFFF;</ph> <ph type="x-char">&amp;#xD800;</ph> 🙂 \t',
    )
    // Still a well-formed, valid document with those characters in it.
    const tmx = writeTmx({
      locale: 'en',
      entries: collectMemory([
        {
          number: 1,
          publishedAt: '2026-01-02T03:04:05.678Z',
          pairs: [{ segment: 'x', source: plain('\u0000<&>\uDC00'), target: plain('\u001F]]>') }],
        },
      ]),
      notes: ['a note with <markup> & "quotes"'],
    })
    expect(validateTmx(tmx)).toEqual({ ok: true, output: '' })
    expect(parse(tmx).getElementsByTagName('note')[1]?.textContent).toBe(
      'a note with <markup> & "quotes"',
    )
  })

  it('writes formatting and links as paired codes, line breaks as placeholders, aligned across languages by x', () => {
    const [pair] = fieldPairs(
      'page.intro',
      'richText',
      richText(
        paragraph(
          text('前'),
          text('太字', 1),
          { type: 'linebreak', version: 1 },
          link('https://example.com/?a=1&b="2"', text('リンク'), text('斜体', 2)),
        ),
      ),
      richText(
        paragraph(
          link('https://example.com/?a=1&b="2"', text('link'), text(' italic', 2)),
          text(' and '),
          text('bold', 3),
          { type: 'linebreak', version: 1 },
        ),
      ),
    )
    expect(pair?.segment).toBe('page.intro#s1')
    const { sourceXml, targetXml } = pairToTmx(pair!.source, pair!.target)
    expect(sourceXml).toBe(
      '前<bpt i="1" x="1" type="bold">&lt;strong&gt;</bpt>太字<ept i="1">&lt;/strong&gt;</ept>' +
        '<ph x="2" type="lb">&lt;br&gt;</ph>' +
        '<bpt i="3" x="3" type="link">&lt;a href=&quot;https://example.com/?a=1&amp;amp;b=&amp;quot;2&amp;quot;&quot;&gt;</bpt>' +
        'リンク<bpt i="2" x="4" type="italic">&lt;em&gt;</bpt>斜体<ept i="2">&lt;/em&gt;</ept><ept i="3">&lt;/a&gt;</ept>',
    )
    // The target's codes take the x of the Japanese codes they correspond to; its extra one (italic
    // inside bold) gets a number of its own.
    expect(targetXml).toBe(
      '<bpt i="2" x="3" type="link">&lt;a href=&quot;https://example.com/?a=1&amp;amp;b=&amp;quot;2&amp;quot;&quot;&gt;</bpt>' +
        'link<bpt i="1" x="4" type="italic">&lt;em&gt;</bpt> italic<ept i="1">&lt;/em&gt;</ept><ept i="2">&lt;/a&gt;</ept>' +
        ' and <bpt i="4" x="1" type="bold">&lt;strong&gt;</bpt><bpt i="3" x="5" type="italic">&lt;em&gt;</bpt>bold<ept i="3">&lt;/em&gt;</ept><ept i="4">&lt;/strong&gt;</ept>' +
        '<ph x="2" type="lb">&lt;br&gt;</ph>',
    )
  })
})

describe('TMX segments of a release', () => {
  it('pairs plain-text fields whole and rich text block by block, passing over empty blocks and untranslated fields', () => {
    const pairs = pagePairs(
      PAGE_FIELDS,
      page({
        title: '提携先',
        intro: richText(paragraph(text('一つ目。')), paragraph(), paragraph(text('二つ目。'))),
        authoritativeLanguageNote: '日本語が優先します。\n二行目',
        columnLabels: { type: '種類', description: '説明', dataUsageNote: null },
      }),
      page({
        title: 'Partners',
        intro: richText(paragraph(text('First.')), paragraph(text('Second.'))),
        authoritativeLanguageNote: 'Japanese prevails.\nSecond line',
        columnLabels: { type: 'Type', description: null, dataUsageNote: 'Note' },
      }),
    )
    expect(
      pairs.map((pair) => [pair.segment, pairToTmx(pair.source, pair.target).targetXml]),
    ).toEqual([
      ['page.title#s1', 'Partners'],
      ['page.intro#s1', 'First.'],
      // The Japanese block's own position: the ids the XLIFF export gives.
      ['page.intro#s3', 'Second.'],
      ['page.columnLabels.type#s1', 'Type'],
      [
        'page.authoritativeLanguageNote#s1',
        'Japanese prevails.<ph x="1" type="lb">&lt;br&gt;</ph>Second line',
      ],
    ])
  })

  it('pairs a rich-text field whole when the two sides have different numbers of blocks', () => {
    const pairs = categoryPairs(
      CATEGORY_FIELDS,
      category({
        name: '地図',
        description: richText(paragraph(text('一。')), paragraph(text('二。'))),
      }),
      category({ name: 'Maps', description: richText(paragraph(text('One. Two.'))) }),
    )
    expect(pairs.map((pair) => pair.segment)).toEqual([
      'category.maps.name#s1',
      'category.maps.description',
    ])
    expect(pairToTmx(pairs[1]!.source, pairs[1]!.target)).toEqual({
      sourceXml: '一。<ph x="1" type="x-block"/>二。',
      targetXml: 'One. Two.',
    })
  })
})

describe('the TMX memory of several releases', () => {
  const releases = [
    {
      number: 1,
      publishedAt: '2026-01-01T00:00:00.000Z',
      pairs: [
        { segment: 'category.maps.name#s1', source: plain('地図'), target: plain('Maps') },
        { segment: 'page.title#s1', source: plain('提携先'), target: plain('Partners') },
      ],
    },
    {
      number: 2,
      publishedAt: '2026-02-01T09:30:15.250+09:00',
      pairs: [
        { segment: 'category.maps.name#s1', source: plain('地図'), target: plain('Map') },
        { segment: 'page.title#s1', source: plain('提携先'), target: plain('Partners') },
        { segment: 'category.analytics.name#s1', source: plain('地図'), target: plain('Map') },
      ],
    },
    {
      number: 3,
      publishedAt: '2026-03-01T00:00:00Z',
      pairs: [
        { segment: 'category.maps.name#s1', source: plain('地図'), target: plain('Maps') },
        { segment: 'page.title#s1', source: plain('提携先'), target: plain('Partners') },
      ],
    },
  ]

  it('has one unit per distinct pair, with every release and place it appeared in, first and last dates', () => {
    // Given in any order: releases are taken by number.
    const entries = collectMemory([...releases].reverse())
    expect(
      entries.map(({ targetXml, releases: numbers, segments, createdAt, changedAt }) => ({
        targetXml,
        numbers,
        segments,
        createdAt,
        changedAt,
      })),
    ).toEqual([
      {
        targetXml: 'Maps',
        numbers: [1, 3],
        segments: ['category.maps.name#s1'],
        createdAt: '2026-01-01T00:00:00.000Z',
        changedAt: '2026-03-01T00:00:00Z',
      },
      {
        targetXml: 'Partners',
        numbers: [1, 2, 3],
        segments: ['page.title#s1'],
        createdAt: '2026-01-01T00:00:00.000Z',
        changedAt: '2026-03-01T00:00:00Z',
      },
      {
        targetXml: 'Map',
        numbers: [2],
        segments: ['category.maps.name#s1', 'category.analytics.name#s1'],
        createdAt: '2026-02-01T09:30:15.250+09:00',
        changedAt: '2026-02-01T09:30:15.250+09:00',
      },
    ])
  })

  it('writes a TMX 1.4b document that validates against the DTD, with its header, dates and release props', () => {
    const xml = writeTmx({ locale: 'fr', entries: collectMemory(releases) })
    expect(validateTmx(xml)).toEqual({ ok: true, output: '' })
    // The check itself can fail: a <tu> without its <tuv>s, or an attribute the DTD does not define.
    expect(validateTmx(xml.replace(/<tuv[\s\S]*?<\/tuv>/g, '')).ok).toBe(false)
    expect(validateTmx(xml.replace('<header ', '<header colour="red" ')).ok).toBe(false)
    expect(xml).not.toContain('<!DOCTYPE')
    const document = parse(xml)
    const header = document.getElementsByTagName('header')[0]!
    expect(
      Object.fromEntries(
        [
          'creationtool',
          'creationtoolversion',
          'segtype',
          'o-tmf',
          'adminlang',
          'srclang',
          'datatype',
        ].map((name) => [name, header.getAttribute(name)]),
      ),
    ).toEqual({
      creationtool: 'Kaiji',
      creationtoolversion: TMX_CREATION_TOOL_VERSION,
      segtype: 'paragraph',
      'o-tmf': 'Kaiji releases',
      adminlang: 'en',
      srclang: 'ja',
      datatype: 'html',
    })
    const units = Array.from(document.getElementsByTagName('tu'))
    expect(units).toHaveLength(3)
    const map = units[2]!
    expect(map.getAttribute('creationdate')).toBe('20260201T003015Z')
    expect(map.getAttribute('changedate')).toBe('20260201T003015Z')
    expect(map.getAttribute('tuid')).toMatch(/^[0-9a-f]{16}$/)
    expect(
      Array.from(map.getElementsByTagName('tuv')).map((tuv) => [
        tuv.getAttribute('xml:lang'),
        tuv.textContent,
      ]),
    ).toEqual([
      ['ja', '地図'],
      ['fr', 'Map'],
    ])
    expect(
      Array.from(units[1]!.getElementsByTagName('prop')).map((prop) => [
        prop.getAttribute('type'),
        prop.textContent,
      ]),
    ).toEqual([
      ['x-kaiji-release', '1'],
      ['x-kaiji-release', '2'],
      ['x-kaiji-release', '3'],
      ['x-kaiji-segment', 'page.title#s1'],
    ])
    // Stable: the same memory gives the same bytes.
    expect(writeTmx({ locale: 'fr', entries: collectMemory(releases) })).toBe(xml)
  })

  it('writes an empty memory (a locale never published) as a valid document without units', () => {
    const xml = writeTmx({ locale: 'ru', entries: [] })
    expect(validateTmx(xml)).toEqual({ ok: true, output: '' })
    expect(parse(xml).getElementsByTagName('tu')).toHaveLength(0)
  })

  it('writes dates as YYYYMMDDThhmmssZ in UTC, and none for a value that is not a date', () => {
    expect(tmxDate('2026-12-31T23:59:59.999+09:00')).toBe('20261231T145959Z')
    expect(tmxDate('not a date')).toBeNull()
  })

  it('names the version of package.json as the creation tool version', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'),
    ) as { version: string }
    expect(TMX_CREATION_TOOL_VERSION).toBe(manifest.version)
  })
})
