import { planDocuments, writeXliff } from '@/translations/xliff/document'
import { planImport, type ImportPlan, type ImportRefusal } from '@/translations/xliff/importPlan'
import { readXliff } from '@/translations/xliff/read'
import { writeXliff12 } from '@/translations/xliff/write12'
import { validateXliff } from '../helpers/xmllint'
import { spec } from '../helpers/xliffFixtures'

const EXPORTED_AT = new Date('2027-01-05T09:30:00.000Z')
const documents = (overrides: Parameters<typeof spec>[0] = {}) => planDocuments([spec(overrides)])
const exported12 = (plans = documents()) =>
  writeXliff12({ trgLang: 'en', documents: plans, exportedAt: EXPORTED_AT })
const exported20 = (plans = documents()) => writeXliff({ trgLang: 'en', documents: plans })

const plan = (xml: string, plans = documents()): ImportPlan | ImportRefusal => {
  const file = readXliff(xml)
  return 'problems' in file ? file : planImport(file, plans)
}
const planned = (xml: string, plans = documents()) => {
  const result = plan(xml, plans)
  if ('problems' in result) throw new Error(result.problems.join('\n'))
  return result
}
const problemsOf = (xml: string) => {
  const result = plan(xml)
  if (!('problems' in result)) throw new Error('expected a refusal')
  return result
}
const valuesOf = (result: ImportPlan) =>
  result.changes.map((change) => Object.fromEntries(change.values))

describe('XLIFF 1.2 export', () => {
  it('validates against the OASIS XLIFF 1.2 strict schema, with no extension namespace', () => {
    const xml = exported12()
    const validation = validateXliff(xml, '1.2')
    expect(validation.output).toBe('- validates')
    expect(xml).not.toContain('kaiji:')
    // The check itself can fail: a state 1.2 does not define, or a 2.0 element, is caught.
    expect(validateXliff(xml.replace('state="translated"', 'state="reviewed"'), '1.2').ok).toBe(
      false,
    )
    expect(
      validateXliff(xml.replace('<g id="1"', '<pc id="1"').replace('</g>', '</pc>'), '1.2').ok,
    ).toBe(false)
    expect(
      validateXliff(
        exported12(documents({ targetState: 'reviewed', sourceHash: null, sourceRelease: null })),
        '1.2',
      ).ok,
    ).toBe(true)
  })

  it('one trans-unit per field: formatting as <g>, line breaks as <x/>, links with their URL, state, the source version', () => {
    const xml = exported12()
    expect(xml).toContain(
      `<file original="category.maps" source-language="ja" target-language="en" datatype="x-kaiji-lexical" date="2027-01-05T09:30:00.000Z" product-name="partner-categories/maps" build-num="${'a'.repeat(64)}" tool-id="kaiji" xml:space="preserve">`,
    )
    expect(xml).toContain(
      '<note from="kaiji">Source: ja release 4, announced to take effect on 2027-01-10T00:00:00.000Z; a translation of it takes effect no earlier.</note>',
    )
    expect(xml).toContain('<trans-unit id="category.maps.name" resname="name">')
    expect(xml).toContain('<source>地図<x id="1" ctype="lb"/>二行目</source>')
    expect(xml).toContain(
      '<target state="translated">Maps<x id="1" ctype="lb"/>Second line</target>',
    )
    // A field of several blocks: the segments of the 2.0 file, with the same ids, marked in the target.
    expect(xml).toContain(
      '<seg-source><mrk mtype="seg" mid="s1">位置情報を<g id="1" ctype="bold">安全に</g>使います。<x id="2" ctype="lb"/>詳細は<g id="3" ctype="link"><g id="4" ctype="italic">こちら</g></g>。</mrk>\n<mrk mtype="seg" mid="s3">地図 &amp; &lt;検索&gt;</mrk>\n<mrk mtype="seg" mid="s4">経路</mrk></seg-source>',
    )
    expect(xml).toContain(
      '<target state="translated"><mrk mtype="seg" mid="s1">We use location <g id="1" ctype="bold">safely</g>.<x id="2" ctype="lb"/>See <g id="3" ctype="link"><g id="4" ctype="italic">here</g></g>.</mrk>',
    )
    expect(xml).toContain(
      '<context-group name="link 3" purpose="information"><context context-type="x-link-url">https://example.org/privacy</context></context-group>',
    )
    expect(exported12(documents({ targetState: 'reviewed' }))).toContain(
      '<target state="signed-off">',
    )
    // No translation yet: no target at all.
    expect(xml).toMatch(
      /<trans-unit id="category.maps.dataUsageNote" resname="dataUsageNote">\n\s*<source>注意<\/source>\n\s*<\/trans-unit>/,
    )
  })

  it('keeps characters XML cannot carry, as placeholders that come back as the character', () => {
    const withControl = documents({
      fields: [{ path: 'name', kind: 'text', source: '地図\u0001', target: 'Map\u0001' }],
    })
    // A carriage return (which a parser would turn into a line break) and a lone surrogate, in both versions.
    const odd = documents({
      fields: [{ path: 'name', kind: 'text', source: '地\r図\uD800', target: 'Ma\rp\uD800' }],
    })
    for (const xml of [exported12(odd), exported20(odd)]) {
      expect(validateXliff(xml, xml.includes('version="1.2"') ? '1.2' : '2.0').ok).toBe(true)
      expect(planned(xml, odd).changes).toEqual([])
      expect(planned(xml.replace('>Ma<', '>MA<'), odd).changes[0]?.values.get('name')).toBe(
        'MA\rp\uD800',
      )
    }
    const xml = exported12(withControl)
    expect(xml).toContain('<source>地図<x id="cp1" ctype="x-codepoint-0001"/></source>')
    expect(validateXliff(xml, '1.2').ok).toBe(true)
    expect(planned(xml, withControl).changes).toEqual([])
    const changed = planned(xml.replace('>Map<', '>Maps<'), withControl)
    expect(changed.changes[0]?.values.get('name')).toBe('Maps\u0001')
  })
})

describe('XLIFF 1.2 import', () => {
  it('detects the version from the file; an untouched file changes nothing', () => {
    const file = readXliff(exported12())
    expect('version' in file && file.version).toBe('1.2')
    const result = planned(exported12())
    expect(result.changes).toEqual([])
    expect(result.unchangedDocuments).toBe(1)
  })

  it('an edit lands exactly as the same edit in a 2.0 file does', () => {
    const edit12 = exported12()
      .replace('<g id="1" ctype="bold">safely</g>', '<g id="1" ctype="bold">securely</g>')
      .replace('>Routes<', '>Directions<')
      .replace('>Maps<', '>Map<')
    const edit20 = exported20()
      .replace(
        '<pc id="1" type="fmt" subType="xlf:b">safely</pc>',
        '<pc id="1" type="fmt" subType="xlf:b">securely</pc>',
      )
      .replace('>Routes<', '>Directions<')
      .replace('>Maps<', '>Map<')
    const from12 = planned(edit12)
    expect(valuesOf(from12)).toEqual(valuesOf(planned(edit20)))
    expect(from12.changes[0]?.sourceBasis).toEqual({ kind: 'named', sourceHash: 'a'.repeat(64) })
  })

  it('reads <bx>/<ex> as the <g> they stand for, and <mrk> annotations as their text', () => {
    const paired = exported12().replace('>Routes<', '>Directions<')
    const split = paired.replace(
      '<g id="1" ctype="bold">safely</g>',
      '<bx id="1" ctype="bold"/>safe<mrk mtype="term">ly</mrk><ex id="1"/>',
    )
    expect(valuesOf(planned(split))).toEqual(valuesOf(planned(paired)))
    const linked = paired.replace(
      '<g id="3" ctype="link"><g id="4" ctype="italic">here</g></g>',
      '<bx id="3" rid="r3"/><bx id="4" rid="r4"/>here<ex id="5" rid="r3"/><ex id="6" rid="r4"/>',
    )
    expect(valuesOf(planned(linked))).toEqual(valuesOf(planned(paired)))
  })

  it('refuses native-code elements and what is not 1.2 inline markup, naming unit, segment and element', () => {
    const xml = exported12()
    expect(
      problemsOf(xml.replace('<x id="1" ctype="lb"/>Second', '<ph id="1">&lt;br/&gt;</ph>Second'))
        .problems,
    ).toContain(
      "Unit \"category.maps.name\", segment s1: inline element <ph> carries the original format's code, which Kaiji's text has none of; keep the source's <g> and <x> codes.",
    )
    expect(problemsOf(xml.replace('>Routes<', '><pc id="9">Routes</pc><')).problems).toContain(
      'Unit "category.maps.description", segment s4: inline element <pc> is not supported here; keep the source\'s <g> and <x> codes.',
    )
  })

  it('refuses a target of several blocks that does not mark its segments, naming the unit', () => {
    const unmarked = exported12().replace(
      /<target state="translated"><mrk mtype="seg" mid="s1">[\s\S]*?<\/target>/,
      '<target state="translated">All in one</target>',
    )
    expect(problemsOf(unmarked).problems).toEqual([
      'Unit "category.maps.description": the file has 1 segments without ids and the source has 3 (s1, s3, s4); segments without ids are matched in order, so their number must be the same. A tool that merges or drops segments cannot return this unit: in XLIFF 1.2, mark each segment of the target with <mrk mtype="seg" mid="…">.',
    ])
  })

  it('refuses files that disagree on languages, and a target-language that is not a target locale', () => {
    const twoFiles = exported12(
      planDocuments([spec(), spec({ fileId: 'page', original: 'partners-page' })]),
    ).replace(/target-language="en"/, 'target-language="fr"')
    expect(problemsOf(twoFiles).problems).toEqual([
      'The files in this XLIFF 1.2 document name different languages in target-language ("fr", "en"); one document translates into one language.',
    ])
    expect(
      problemsOf(exported12().replace('source-language="ja"', 'source-language="en"')).problems,
    ).toEqual(['srcLang is "en"; the source language here is ja.'])
  })

  it('a file without build-num names no source version, and is recognised by its source text', () => {
    const result = planned(
      exported12()
        .replace(/ build-num="[^"]*"/, '')
        .replace('>Maps<', '>Map<'),
    )
    expect(result.changes[0]?.sourceBasis).toEqual({ kind: 'current' })
  })

  it('refuses 1.2 in any other version number, and 1.1', () => {
    const refusal = plan(exported12().replace('version="1.2"', 'version="1.1"'))
    expect('problems' in refusal && refusal.problems[0]).toMatch(
      /XLIFF version "1.1" in the namespace urn:oasis:names:tc:xliff:document:1.2 is not supported/,
    )
  })
})
