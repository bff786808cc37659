import { planDocuments, sourceReleaseNote, writeXliff } from '@/translations/xliff/document'
import { planImport, type ImportPlan } from '@/translations/xliff/importPlan'
import { readXliff } from '@/translations/xliff/read'
import { blocksOf, inlineRuns } from '@/translations/xliff/inline'
import { validateXliff } from '../helpers/xmllint'
import { spec } from '../helpers/xliffFixtures'

const exported = (documents = planDocuments([spec()])) => writeXliff({ trgLang: 'en', documents })

const plan = (xml: string, documents = planDocuments([spec()])) => {
  const parsed = readXliff(xml)
  if ('problems' in parsed) return parsed
  return planImport(parsed, documents)
}

const problemsOf = (xml: string) => {
  const result = plan(xml)
  return 'problems' in result ? result : null
}

describe('XLIFF 2.0 export and import (pure)', () => {
  it('writes a file that validates against the OASIS XLIFF 2.0 core schema', () => {
    const xml = exported()
    const validation = validateXliff(xml)
    expect(validation.output).toBe('- validates')
    expect(validation.ok).toBe(true)
    // The check itself can fail: a state the schema does not define is caught.
    const broken = validateXliff(xml.replace('state="translated"', 'state="done"'))
    expect(broken.ok).toBe(false)
    expect(broken.output).toMatch(/state.*done/)
  })

  it('one unit per field with a source, one segment per block, formatting as inline codes, stable ids', () => {
    const xml = exported()
    expect(xml).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:kaiji="urn:kaiji:xliff:1" version="2.0" srcLang="ja" trgLang="en" xml:space="preserve">',
    )
    expect(xml).toContain(
      `<file id="category.maps" original="partner-categories/maps" kaiji:sourceHash="${'a'.repeat(64)}" kaiji:sourceRelease="4">`,
    )
    // Which source release the source text is, for the translator (a note CAT tools show) and for tools (the attribute).
    expect(xml).toContain(
      '<notes><note category="kaiji:source-release">Source: ja release 4, announced to take effect on 2027-01-10T00:00:00.000Z; a translation of it takes effect no earlier.</note></notes>',
    )
    expect(xml).toContain('<unit id="category.maps.name" name="name">')
    expect(xml).toContain('<source>地図<ph id="1" type="fmt" subType="xlf:lb"/>二行目</source>')
    expect(xml).toContain(
      '<target>Maps<ph id="1" type="fmt" subType="xlf:lb"/>Second line</target>',
    )
    expect(xml).toContain(
      '<originalData><data id="d3">https://example.org/privacy</data></originalData>',
    )
    expect(xml).toContain(
      '<source>位置情報を<pc id="1" type="fmt" subType="xlf:b">安全に</pc>使います。<ph id="2" type="fmt" subType="xlf:lb"/>詳細は<pc id="3" type="link" dataRefStart="d3"><pc id="4" type="fmt" subType="xlf:i">こちら</pc></pc>。</source>',
    )
    // The empty paragraph has no segment; the list items are segments of their own, escaped.
    expect(xml).toContain(
      '<segment id="s3" state="translated">\n        <source>地図 &amp; &lt;検索&gt;</source>',
    )
    expect(xml).not.toContain('<segment id="s2"')
    // A field with no target is "initial"; a field with no source text is no unit at all.
    expect(xml).toMatch(
      /<unit id="category.maps.dataUsageNote" name="dataUsageNote">\n {6}<segment id="s1" state="initial">\n {8}<source>注意<\/source>\n {6}<\/segment>/,
    )
    expect(xml).not.toContain('columnLabels.type')
    expect(exported(planDocuments([spec({ targetState: 'reviewed' })]))).toContain(
      '<segment id="s1" state="reviewed">',
    )
  })

  it('names the source release of each file: in effect, announced, replaced, or not yet published', () => {
    const unpublished = exported(planDocuments([spec({ sourceRelease: null })]))
    expect(unpublished).toContain('kaiji:sourceRelease="unpublished">')
    expect(unpublished).toContain(
      'not yet published in any ja release; a translation of it cannot be published until it is.',
    )
    expect(validateXliff(unpublished).ok).toBe(true)
    expect(
      sourceReleaseNote({ number: 2, effectiveAt: '2026-12-01T00:00:00Z', standing: 'current' }),
    ).toBe('Source: ja release 2, in effect since 2026-12-01T00:00:00.000Z.')
    expect(
      sourceReleaseNote({ number: 1, effectiveAt: '2026-11-01T00:00:00Z', standing: 'past' }),
    ).toBe(
      'Source: ja release 1, in effect from 2026-11-01T00:00:00.000Z and since replaced by a newer ja release.',
    )
    // The note is for people: an import reads neither it nor the attribute.
    expect(plan(unpublished)).toEqual(plan(exported()))
  })

  it('re-importing the untouched file changes nothing', () => {
    const result = plan(exported()) as ImportPlan
    expect(result.changes).toEqual([])
    expect(result.unchangedDocuments).toBe(1)
  })

  it('an edited target comes back as Lexical with the formatting, link and structure of the source', () => {
    const edited = exported()
      .replace(
        '<pc id="1" type="fmt" subType="xlf:b">safely</pc>',
        '<pc id="1" type="fmt" subType="xlf:b">securely</pc>',
      )
      .replace('>Routes<', '>Directions<')
    const result = plan(edited) as ImportPlan
    expect(result.changes).toHaveLength(1)
    const values = result.changes[0]?.values
    expect([...(values?.keys() ?? [])]).toEqual(['description'])
    const description = values?.get('description')
    const blocks = blocksOf(description)
    expect(blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'listitem',
      'listitem',
    ])
    expect(inlineRuns(blocks[0] ?? {})).toEqual([
      { kind: 'text', text: 'We use location ', format: 0, link: null },
      { kind: 'text', text: 'securely', format: 1, link: null },
      { kind: 'text', text: '.', format: 0, link: null },
      { kind: 'linebreak' },
      { kind: 'text', text: 'See ', format: 0, link: null },
      { kind: 'text', text: 'here', format: 2, link: 'https://example.org/privacy' },
      { kind: 'text', text: '.', format: 0, link: null },
    ])
    expect(JSON.stringify(description)).toContain(
      '"fields":{"url":"https://example.org/privacy","newTab":true,"linkType":"custom"}',
    )
    expect(inlineRuns(blocks[3] ?? {})).toEqual([
      { kind: 'text', text: 'Directions', format: 0, link: null },
    ])
    // Exported again, the new value is what the file said.
    const again = writeXliff({
      trgLang: 'en',
      documents: planDocuments([
        spec({
          fields: spec().fields.map((field) =>
            field.path === 'description' ? { ...field, target: description } : field,
          ),
        }),
      ]),
    })
    expect(again).toBe(edited)
  })

  it('refuses, listing every problem: ids, missing and duplicate units, inline mismatches, unsupported elements', () => {
    const xml = exported()
    const cases: Array<[string, string, RegExp]> = [
      [
        'srcLang',
        xml.replace('srcLang="ja"', 'srcLang="en"'),
        /srcLang is "en"; the source language here is ja/,
      ],
      [
        'unknown unit',
        xml.replace('id="category.maps.name"', 'id="category.maps.nickname"'),
        /Unknown unit "category.maps.nickname"[\s\S]*Missing units .*: category.maps.name/,
      ],
      [
        'duplicate',
        xml.replace(
          '</file>',
          '<unit id="category.maps.name"><segment id="s1"><source>x</source></segment></unit></file>',
        ),
        /Unit "category.maps.name" appears more than once/,
      ],
      [
        'missing code',
        xml.replace('<pc id="1" type="fmt" subType="xlf:b">safely</pc>', 'safely'),
        /Unit "category.maps.description", segment s1: inline elements differ from the source \(missing id 1\)/,
      ],
      [
        'unknown code',
        xml.replace('>Routes<', '><ph id="9"/>Routes<'),
        /segment s4: inline element <ph id="9"> does not match any code of the source segment/,
      ],
      [
        'repeated code',
        xml.replace('>Routes<', '>Routes<ph id="1" type="fmt" subType="xlf:lb"/><'),
        /segment s4: inline element <ph id="1">/,
      ],
      [
        'sc/ec with an id the source has not',
        xml.replace('>Routes<', '><sc id="7"/>Routes<ec startRef="7"/><'),
        /segment s4: inline element <sc id="7"> does not match any code of the source segment/,
      ],
      [
        'an element XLIFF 2.0 has not',
        xml.replace('>Routes<', '><b>Routes</b><'),
        /segment s4: inline element <b> is not supported here; keep the source's <pc> and <ph> codes/,
      ],
      [
        'segments',
        xml.replace('<segment id="s4"', '<segment id="s9"'),
        /segments s1, s3, s9 do not match the source's s1, s3, s4/,
      ],
    ]
    for (const [label, input, message] of cases) {
      const refusal = problemsOf(input)
      expect({ label, status: refusal?.status }).toEqual({ label, status: 422 })
      expect(refusal?.problems.join('\n')).toMatch(message)
    }
    const both = problemsOf(
      xml.replace('srcLang="ja"', 'srcLang="fr"').replace('id="category.maps.name"', 'id="x"'),
    )
    expect(both?.problems.length).toBeGreaterThanOrEqual(3)
  })

  it('refuses what is not an XLIFF 2.0 document with 400', () => {
    const xml = exported()
    const cases: Array<[string, RegExp]> = [
      [xml.replace('</xliff>', ''), /not well-formed XML \(.*line/],
      ['<!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml.replace(/^<\?xml[^>]*>\n/, ''), /DOCTYPE/],
      [
        xml.replace('version="2.0"', 'version="1.2"'),
        /XLIFF version "1.2" in the namespace urn:oasis:names:tc:xliff:document:2.0 is not supported/,
      ],
      [
        xml.replace('version="2.0"', 'version="1.1"').replace(':document:2.0', ':document:1.1'),
        /root element must be <xliff> in the namespace/,
      ],
      ['<xliff version="2.0" srcLang="ja"/>', /root element must be <xliff> in the namespace/],
      ['not xml at all', /not well-formed XML/],
    ]
    for (const [input, message] of cases) {
      const refusal = problemsOf(input)
      expect(refusal?.status).toBe(400)
      expect(refusal?.problems.join('\n')).toMatch(message)
    }
  })

  it('a unit whose source changed since the export is imported and flagged', () => {
    const older = exported()
      .replace(
        '<source>地図<ph id="1" type="fmt" subType="xlf:lb"/>二行目</source>',
        '<source>古い地図<ph id="1" type="fmt" subType="xlf:lb"/>二行目</source>',
      )
      .replace('>Second line<', '>Line two<')
    const result = plan(older) as ImportPlan
    expect(result.changes[0]?.staleUnits).toEqual(['category.maps.name'])
    expect(result.changes[0]?.values.get('name')).toBe('Maps\nLine two')
    expect(result.changes[0]?.exportedSourceHash).toBe('a'.repeat(64))
  })
})
