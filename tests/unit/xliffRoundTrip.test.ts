import { planDocuments, writeXliff } from '@/translations/xliff/document'
import { planImport, type ImportPlan, type ImportRefusal } from '@/translations/xliff/importPlan'
import { blocksOf, inlineRuns } from '@/translations/xliff/inline'
import { readXliff } from '@/translations/xliff/read'
import { writeXliff12 } from '@/translations/xliff/write12'
import { mapText, throughTool, type ToolVersion } from '../helpers/xliffTool'
import { link, paragraph, richText, spec, text } from '../helpers/xliffFixtures'
import { validateXliff } from '../helpers/xmllint'

// Kaiji's exports through an independent XLIFF library (the `xliff` npm package) and back.

const oneBlock = planDocuments([
  spec({
    fields: [
      { path: 'name', kind: 'text', source: '地図\n二行目', target: 'Maps\nSecond line' },
      {
        path: 'description',
        kind: 'richText',
        source: richText(
          paragraph(
            text('位置情報を'),
            text('安全に', 1),
            text('使います。詳細は'),
            link('https://example.org/privacy?a=1&b=2', text('こちら')),
            text('。'),
          ),
        ),
        target: null,
      },
    ],
  }),
])
const severalBlocks = planDocuments([spec()])

const exportIn = (version: ToolVersion, documents = oneBlock) =>
  version === '2.0'
    ? writeXliff({ trgLang: 'en', documents })
    : writeXliff12({ trgLang: 'en', documents, exportedAt: new Date('2027-01-05T00:00:00Z') })

const plan = (xml: string, documents = oneBlock): ImportPlan | ImportRefusal => {
  const file = readXliff(xml)
  return 'problems' in file ? file : planImport(file, documents)
}

/** The translator's work: every Japanese text piece becomes "EN(…)", codes kept where they were. */
const translateAll = (_id: string, unit: { source?: unknown }) =>
  unit.source === undefined ? undefined : mapText(unit.source as never, (piece) => `EN(${piece})`)

describe.each(['2.0', '1.2'] as const)('XLIFF %s through the xliff package', (version) => {
  it('an untouched file comes back changing nothing', async () => {
    const back = await throughTool(exportIn(version), version)
    expect(back).not.toBe(exportIn(version))
    const result = plan(back)
    if ('problems' in result) throw new Error(result.problems.join('\n'))
    expect(result.changes).toEqual([])
  })

  it('every target the translator filled in lands, with the codes of the source', async () => {
    const back = await throughTool(exportIn(version), version, translateAll)
    const result = plan(back)
    if ('problems' in result) throw new Error(result.problems.join('\n'))
    const values = Object.fromEntries(result.changes[0]?.values ?? [])
    expect(values.name).toBe('EN(地図)\nEN(二行目)')
    expect(inlineRuns(blocksOf(values.description)[0] ?? {})).toEqual([
      { kind: 'text', text: 'EN(位置情報を)', format: 0, link: null },
      { kind: 'text', text: 'EN(安全に)', format: 1, link: null },
      { kind: 'text', text: 'EN(使います。詳細は)', format: 0, link: null },
      {
        kind: 'text',
        text: 'EN(こちら)',
        format: 0,
        link: 'https://example.org/privacy?a=1&b=2',
      },
      { kind: 'text', text: 'EN(。)', format: 0, link: null },
    ])
    // The package drops Kaiji's source version; the source text identifies it as today's.
    expect(result.changes[0]?.sourceBasis).toEqual({ kind: 'current' })
  })
})

describe('a field of several blocks through the xliff package', () => {
  it('XLIFF 2.0: the package keeps one segment per unit, so the unit is refused by name', async () => {
    const back = await throughTool(exportIn('2.0', severalBlocks), '2.0', translateAll)
    const result = plan(back, severalBlocks)
    expect('problems' in result && result.problems).toEqual([
      'Unit "category.maps.description": the file has 1 segments without ids and the source has 3 (s1, s3, s4); segments without ids are matched in order, so their number must be the same. A tool that merges or drops segments cannot return this unit: in XLIFF 1.2, mark each segment of the target with <mrk mtype="seg" mid="…">.',
    ])
  })

  it('XLIFF 1.2: the segments marked in the target come back, each to its block', async () => {
    const exported = exportIn('1.2', severalBlocks)
    expect(validateXliff(exported, '1.2').ok).toBe(true)
    const untouched = plan(await throughTool(exported, '1.2'), severalBlocks)
    expect('changes' in untouched && untouched.changes).toEqual([])
    // The translator edits the existing targets (which carry the segment markers).
    const back = await throughTool(exported, '1.2', (_id, unit) =>
      unit.target === undefined ? undefined : mapText(unit.target, (piece) => piece.toUpperCase()),
    )
    const result = plan(back, severalBlocks)
    if ('problems' in result) throw new Error(result.problems.join('\n'))
    const description = result.changes[0]?.values.get('description')
    expect(
      blocksOf(description).map((block) =>
        inlineRuns(block)
          .map((run) => (run.kind === 'text' ? run.text : '\n'))
          .join(''),
      ),
    ).toEqual(['WE USE LOCATION SAFELY.\nSEE HERE.', '', 'MAPS & <SEARCH>', 'ROUTES'])
  })
})
