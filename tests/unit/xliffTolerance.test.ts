import { localeOfLanguageTag } from '@/config/locales'
import { planDocuments, writeXliff } from '@/translations/xliff/document'
import {
  planImport,
  type ImportPlan,
  type ImportRefusal,
  type SourceVersion,
} from '@/translations/xliff/importPlan'
import { readXliff, textDepth } from '@/translations/xliff/read'
import { withoutLayout } from '@/translations/xliff/readInline'
import { planUnit } from '@/translations/xliff/units'
import { paragraph, richText, spec, text } from '../helpers/xliffFixtures'

// What XLIFF 2.0 allows and tools do: each case is the export as a tool might return it.

const documents = () => planDocuments([spec()])
const exported = (plans = documents()) => writeXliff({ trgLang: 'en', documents: plans })

const plan = (
  xml: string,
  plans = documents(),
  history?: ReadonlyMap<string, readonly SourceVersion[]>,
): ImportPlan | ImportRefusal => {
  const file = readXliff(xml)
  return 'problems' in file ? file : planImport(file, plans, undefined, history)
}
const planned = (xml: string, plans = documents()) => {
  const result = plan(xml, plans)
  if ('problems' in result) throw new Error(result.problems.join('\n'))
  return result
}
const refused = (xml: string) => {
  const result = plan(xml)
  if (!('problems' in result)) throw new Error('expected a refusal')
  return result
}
const edited = (xml: string) => xml.replace('>Routes<', '>Directions<').replace('>Maps<', '>Map<')
const valuesOf = (result: ImportPlan) =>
  result.changes.map((change) => Object.fromEntries(change.values))

describe('XLIFF 2.0 as the standard allows it', () => {
  it('matches segments without ids by position, and writes exactly what the ids would', () => {
    const withIds = edited(exported())
    const withoutIds = withIds.replace(/<segment id="s\d+"/g, '<segment')
    expect(valuesOf(planned(withoutIds))).toEqual(valuesOf(planned(withIds)))
    expect(planned(exported().replace(/<segment id="s\d+"/g, '<segment')).changes).toEqual([])
  })

  it('refuses segments without ids whose number differs, and a unit that mixes both, naming the unit', () => {
    const dropped = edited(exported())
      .replace(/<segment id="s\d+"/g, '<segment')
      .replace(
        /<segment state="translated">\s*<source>経路<\/source>\s*<target>Directions<\/target>\s*<\/segment>/,
        '',
      )
    expect(refused(dropped)).toEqual({
      status: 422,
      problems: [
        'Unit "category.maps.description": the file has 2 segments without ids and the source has 3 (s1, s3, s4); segments without ids are matched in order, so their number must be the same. A tool that merges or drops segments cannot return this unit: in XLIFF 1.2, mark each segment of the target with <mrk mtype="seg" mid="…">.',
      ],
    })
    const mixed = exported().replace('<segment id="s3"', '<segment')
    expect(refused(mixed).problems).toEqual([
      'Unit "category.maps.description": some segments have ids and some do not; give all of them the ids of the export, or none (then they are matched in order).',
    ])
  })

  it('takes a unit without any target whose segments a tool merged as untranslated, not as an error', () => {
    const merged = exported()
      .replace(/<segment id="s\d+"/g, '<segment')
      .replace(
        /(<unit id="category.maps.dataUsageNote"[\s\S]*?<\/segment>)/,
        '$1<segment><source>余分</source></segment>',
      )
    expect(planned(merged).changes).toEqual([])
  })

  it('ignores the optional attributes and elements tools add or drop: name, original, notes, state, subState, originalData', () => {
    const stripped = edited(exported())
      .replace(/ name="[^"]*"/g, '')
      .replace(/ original="[^"]*"/g, '')
      .replace(/<notes>[\s\S]*?<\/notes>/g, '')
      .replace(/ state="[^"]*"/g, '')
      .replace(/<originalData>[\s\S]*?<\/originalData>/g, '')
    const decorated = edited(exported())
      .replace(/<segment id="(s\d+)"/g, '<segment id="$1" subState="acme:checked"')
      .replace(/<unit id="([^"]+)"/g, '<unit id="$1" translate="yes"')
    expect(valuesOf(planned(stripped))).toEqual(valuesOf(planned(edited(exported()))))
    expect(valuesOf(planned(decorated))).toEqual(valuesOf(planned(edited(exported()))))
  })

  it('reads text inside <mrk> annotations and skips <sm>/<em> markers', () => {
    const annotated = exported().replace(
      '>Routes<',
      '><mrk id="m1" type="term">Rou</mrk>tes<sm id="m2" type="comment" value="check"/><em startRef="m2"/><',
    )
    expect(planned(annotated).changes).toEqual([])
  })

  it('reads <sc>/<ec> pairs as the <pc> they stand for, overlapping or not', () => {
    const paired = edited(exported())
    const split = paired.replace(
      '<pc id="1" type="fmt" subType="xlf:b">safely</pc>',
      '<sc id="1" type="fmt" subType="xlf:b"/>safely<ec startRef="1"/>',
    )
    expect(valuesOf(planned(split))).toEqual(valuesOf(planned(paired)))
    const linkSplit = paired.replace(
      '<pc id="3" type="link" dataRefStart="d3"><pc id="4" type="fmt" subType="xlf:i">here</pc></pc>',
      '<sc id="3" type="link" dataRefStart="d3"/><sc id="4"/>here<ec startRef="3"/><ec startRef="4"/>',
    )
    expect(valuesOf(planned(linkSplit))).toEqual(valuesOf(planned(paired)))
  })

  it('takes formatting arranged differently from the source (a line break inside a bold span) as a change', () => {
    const moved = exported().replace(
      '<pc id="1" type="fmt" subType="xlf:b">safely</pc>.<ph id="2" type="fmt" subType="xlf:lb"/>',
      '<pc id="1" type="fmt" subType="xlf:b">safely<ph id="2" type="fmt" subType="xlf:lb"/>and</pc> ',
    )
    const description = planned(moved).changes[0]?.values.get('description')
    expect(JSON.stringify(description)).toMatch(
      /"text":"safely","format":1[\s\S]*"type":"linebreak"[\s\S]*"text":"and","format":1/,
    )
  })

  it('refuses spans it cannot place, naming the unit, segment and construct', () => {
    const xml = exported()
    const bold = '<pc id="1" type="fmt" subType="xlf:b">safely</pc>'
    expect(refused(xml.replace(bold, '<sc id="1" isolated="yes"/>safely')).problems[0]).toBe(
      'Unit "category.maps.description", segment s1: <sc isolated="yes"> opens or closes formatting across segments, which a segment here cannot have; close it in the segment that opens it.',
    )
    expect(refused(xml.replace(bold, '<sc id="1"/>safely')).problems[0]).toBe(
      'Unit "category.maps.description", segment s1: the formatting opened with id 1 is never closed in the segment.',
    )
    expect(refused(xml.replace(bold, 'safely<ec startRef="1"/>')).problems).toContain(
      'Unit "category.maps.description", segment s1: <ec> closes 1, which no start marker in the segment opened.',
    )
    // All or nothing: a good edit beside a refused one is not planned either.
    expect(refused(edited(xml).replace(bold, '<sc id="1"/>safely')).status).toBe(422)
  })

  it('treats layout a tool adds without xml:space="preserve" as layout, and keeps it where the file asks', () => {
    expect(withoutLayout('A \n          ')).toBe('A ')
    expect(withoutLayout('\n   Two')).toBe('Two')
    expect(withoutLayout('  two\n   ')).toBe('  two')
    expect(withoutLayout('line one\n    line two')).toBe('line one line two')
    expect(withoutLayout('a  b')).toBe('a  b')
    const pretty = exported()
      .replace(' xml:space="preserve"', '')
      .replace(/<target>/g, '<target>\n          ')
      .replace(/<pc /g, '\n            <pc ')
      .replace(/<\/target>/g, '\n        </target>')
    expect(planned(pretty).changes).toEqual([])
    // With preserve kept, the same whitespace is the translator's text.
    const kept = exported().replace('<target>Maps<', '<target>\n  Maps<')
    expect(valuesOf(planned(kept))).toEqual([{ name: '\n  Maps\nSecond line' }])
  })
})

describe('language tags as tools write them', () => {
  it('reads a region or script subtag, or another case, as the bare language Kaiji has', () => {
    expect(
      ['en', 'EN', 'en-US', 'en_GB', 'ja-JP', 'fr-Latn-CA', 'ru-RU'].map(localeOfLanguageTag),
    ).toEqual(['en', 'en', 'en', 'en', 'ja', 'fr', 'ru'])
    expect(['de', 'english', '', null, 'x-en'].map(localeOfLanguageTag)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
    expect(
      planned(edited(exported()).replace('srcLang="ja"', 'srcLang="ja-JP"')).changes,
    ).toHaveLength(1)
    expect(refused(exported().replace('srcLang="ja"', 'srcLang="jav"')).problems[0]).toBe(
      'srcLang is "jav"; the source language here is ja.',
    )
  })
})

describe('what a tool leaves and a hostile file tries', () => {
  it('a target that is the Japanese source left as it was is not imported; the current translation stays, and the segment is named', () => {
    const left = exported()
      .replace('>Maps<', '>地図<') // the tool's copy of the source: 地図<ph/>二行目
      .replace('>Second line<', '>二行目<')
      .replace('>Routes<', '>Directions<')
    const result = planned(left)
    expect(result.untranslatedSegments).toEqual(['category.maps.name#s1'])
    expect(valuesOf(result)).toEqual([{ description: expect.anything() }])
    // Text without Japanese script may be its own translation (a brand name): imported.
    const plans = planDocuments([
      spec({ fields: [{ path: 'name', kind: 'text', source: 'Zenly', target: null }] }),
    ])
    const brand = writeXliff({ trgLang: 'en', documents: plans }).replace(
      '<source>Zenly</source>',
      '<source>Zenly</source><target>Zenly</target>',
    )
    expect(planned(brand, plans).changes[0]?.values.get('name')).toBe('Zenly')
  })

  it('refuses characters XML does not allow in a target when the source has none, and code points out of range', () => {
    const xml = exported()
    expect(refused(xml.replace('>Routes<', '>Rou<cp hex="1B"/>tes<')).problems).toEqual([
      'Unit "category.maps.description", segment s4: the target has U+001B, a character XML does not allow and the source does not have; remove it.',
    ])
    for (const hex of ['110000', '41zz', ''])
      expect(refused(xml.replace('>Routes<', `>Rou<cp hex="${hex}"/>tes<`)).problems[0]).toMatch(
        /segment s4: <cp> .*needs a hexadecimal code point up to 10FFFF/,
      )
  })

  it('reads inline elements only in the version’s namespace', () => {
    const foreign = exported()
      .replace('<xliff ', '<xliff xmlns:f="urn:other" ')
      .replace(
        '<pc id="1" type="fmt" subType="xlf:b">safely</pc>',
        '<f:pc id="1" type="fmt" subType="xlf:b">safely</f:pc>',
      )
    expect(refused(foreign).problems[0]).toBe(
      'Unit "category.maps.description", segment s1: inline element <f:pc> is not supported here; keep the source\'s <pc> and <ph> codes.',
    )
  })

  it('stops reading a segment after ten problems, whatever the file holds', () => {
    const flood = exported().replace(
      '>Routes<',
      `>${Array.from({ length: 5000 }, (_, index) => `<sc id="x${index}"/>a`).join('')}<`,
    )
    const problems = refused(flood).problems
    expect(problems.length).toBeLessThanOrEqual(12)
    expect(problems).toContain(
      'Unit "category.maps.description", segment s4: more problems; the rest of this segment was not read.',
    )
  })

  it('a source version the document never had is read as naming none', () => {
    const claimed = edited(exported()).replace(
      /kaiji:sourceHash="a{64}"/,
      `kaiji:sourceHash="${'c'.repeat(64)}"`,
    )
    const first = planned(claimed)
    expect(first.unidentified).toEqual(['category.maps'])
    const result = plan(claimed, documents(), new Map([['category.maps', []]]))
    if ('problems' in result) throw new Error(result.problems.join())
    expect(result.changes[0]?.sourceBasis).toEqual({ kind: 'current' })
    expect(result.changes[0]?.exportedSourceHash).toBeNull()
  })

  it('a target read differently but stored the same (a raw line break) is no change', () => {
    // A translation saved with a trailing line break its source has no code for: the export leaves
    // the target out, and a file that sends the same text back changes nothing (and so records nothing).
    const plans = planDocuments([
      spec({ fields: [{ path: 'name', kind: 'text', source: 'タイプ', target: 'Type\n' }] }),
    ])
    const raw = writeXliff({ trgLang: 'en', documents: plans }).replace(
      '<source>タイプ</source>',
      '<source>タイプ</source><target>Type\n</target>',
    )
    const result = plan(raw, plans)
    if ('problems' in result) throw new Error(result.problems.join())
    expect(result.changes).toEqual([])
  })
})

describe('hostile nesting', () => {
  it('refuses a file nested deeper than any XLIFF needs with 400, before reading it', () => {
    expect(textDepth('<a><b x=">"><c/></b><!-- <d><d> --><![CDATA[<e><e>]]><?pi <f>?></a>')).toBe(2)
    const depth = 50_000
    const deep = exported().replace(
      '>Routes<',
      `>${'<mrk id="m">'.repeat(depth)}x${'</mrk>'.repeat(depth)}<`,
    )
    expect(plan(deep)).toEqual({
      status: 400,
      problems: ['The file nests elements more than 100 levels deep; no XLIFF file needs that.'],
    })
    const groups = exported()
      .replace(
        '<unit id="category.maps.name"',
        `${'<group id="g">'.repeat(depth)}<unit id="category.maps.name"`,
      )
      .replace(/(<unit id="category.maps.name"[\s\S]*?<\/unit>)/, `$1${'</group>'.repeat(depth)}`)
    expect(plan(groups)).toMatchObject({ status: 400 })
    // Groups nested as deep as tools write them are read.
    const nested = edited(exported())
      .replace(
        '<unit id="category.maps.name"',
        '<group id="a"><group id="b"><unit id="category.maps.name"',
      )
      .replace(/(<unit id="category.maps.name"[\s\S]*?<\/unit>)/, '$1</group></group>')
    expect(valuesOf(planned(nested))).toEqual(valuesOf(planned(edited(exported()))))
  })
})

describe('a file that names no source version', () => {
  const unnamed = (xml: string) => xml.replace(/ kaiji:sourceHash="[^"]*"/g, '')
  const olderSource = '古い地図\n二行目'
  const history: SourceVersion[] = [
    {
      sourceHash: 'b'.repeat(64),
      release: 2,
      units: new Map([
        [
          'category.maps.name',
          planUnit('category.maps.name', {
            path: 'name',
            kind: 'text',
            source: olderSource,
            target: null,
          })!,
        ],
        ...documents()[0]!
          .units.filter((unit) => unit.id !== 'category.maps.name')
          .map((unit) => [unit.id, unit] as const),
      ]),
    },
  ]
  const exportedFromOlder = unnamed(
    exported().replace('<source>地図<ph', '<source>古い地図<ph').replace('>Maps<', '>Old maps<'),
  )

  it('is taken as translating the current text when its source is the current text', () => {
    const result = planned(unnamed(edited(exported())))
    expect(result.changes[0]?.sourceBasis).toEqual({ kind: 'current' })
    expect(result.changes[0]?.staleUnits).toEqual([])
    expect(result.unidentified).toEqual([])
  })

  it('asks for the history when its source is not today, and is identified by it', () => {
    const first = planned(exportedFromOlder)
    expect(first.unidentified).toEqual(['category.maps'])
    const identified = plan(exportedFromOlder, documents(), new Map([['category.maps', history]]))
    if ('problems' in identified) throw new Error(identified.problems.join())
    expect(identified.changes[0]?.sourceBasis).toEqual({
      kind: 'identified',
      sourceHash: 'b'.repeat(64),
      release: 2,
    })
    expect(identified.changes[0]?.staleUnits).toEqual(['category.maps.name'])
    expect(identified.changes[0]?.exportedSourceHash).toBe('b'.repeat(64))
  })

  it('is assumed to translate the current text when no approved version has its source, and says which units differ', () => {
    const unknown = exportedFromOlder.replace('古い地図', '別の地図')
    const result = plan(unknown, documents(), new Map([['category.maps', history]]))
    if ('problems' in result) throw new Error(result.problems.join())
    expect(result.changes[0]?.sourceBasis).toEqual({
      kind: 'assumed',
      differingUnits: ['category.maps.name'],
    })
    expect(result.changes[0]?.staleUnits).toEqual([])
    expect(result.changes[0]?.exportedSourceHash).toBeNull()
    expect(result.unidentified).toEqual([])
  })

  it('a file that names its version keeps the named hash whatever its text', () => {
    const result = planned(
      exported().replace('<source>地図<ph', '<source>古い地図<ph').replace('>Maps<', '>Old maps<'),
    )
    expect(result.changes[0]?.sourceBasis).toEqual({ kind: 'named', sourceHash: 'a'.repeat(64) })
    expect(result.changes[0]?.staleUnits).toEqual(['category.maps.name'])
  })
})

describe('segments and rich text of several blocks', () => {
  it('a paragraph-per-segment field imports by position too', () => {
    const plans = planDocuments([
      spec({
        fields: [
          {
            path: 'description',
            kind: 'richText',
            source: richText(paragraph(text('一')), paragraph(text('二'))),
            target: null,
          },
        ],
      }),
    ])
    const xml = writeXliff({ trgLang: 'en', documents: plans })
      .replace(/<segment id="s\d+" state="initial">/g, '<segment>')
      .replace('<source>一</source>', '<source>一</source><target>One</target>')
      .replace('<source>二</source>', '<source>二</source><target>Two</target>')
    const result = planned(xml, plans)
    expect(JSON.stringify(result.changes[0]?.values.get('description'))).toMatch(
      /"text":"One"[\s\S]*"text":"Two"/,
    )
  })
})
