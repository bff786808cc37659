import { paragraphsToRichText } from '@/utilities/lexical'
import { richTextProblems } from '@/utilities/lexicalValidation'
import { hostileRichText } from './fixtures/partnersRelease'

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})
const withBlocks = (...children: unknown[]) => ({
  root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children },
})
const link = (url: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'link',
  version: 3,
  fields: { url, linkType: 'custom', ...extra },
  children: [text('x')],
})
const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
})

describe('rich text validation (what the editor could have produced)', () => {
  it('accepts empty values, the imported content, and every structure the editor makes', () => {
    expect(richTextProblems(null)).toEqual([])
    expect(richTextProblems(paragraphsToRichText(['一', '', '三']))).toEqual([])
    const rich = withBlocks(
      { type: 'heading', tag: 'h2', version: 1, children: [text('見出し')] },
      paragraph(
        text('a'),
        { type: 'linebreak', version: 1 },
        link('https://example.org/a?b="c"'),
        link('mailto:legal@example.org'),
        link('/partners/ja'),
        link('#top'),
      ),
      paragraph(
        link(undefined, {
          linkType: 'internal',
          doc: { relationTo: 'partner-categories', value: 1 },
        }),
      ),
      {
        type: 'list',
        tag: 'ul',
        listType: 'bullet',
        version: 1,
        children: [
          {
            type: 'listitem',
            version: 1,
            value: 1,
            children: [
              text('a'),
              { type: 'list', tag: 'ol', listType: 'number', version: 1, children: [] },
            ],
          },
        ],
      },
      { type: 'quote', version: 1, children: [text('q')] },
      { type: 'horizontalrule', version: 1 },
    )
    expect(richTextProblems(rich)).toEqual([])
  })

  it('names each problem by its place', () => {
    expect(richTextProblems('<p>html</p>')).toEqual(['it must be an object with a "root" node'])
    expect(richTextProblems({ root: { type: 'root', children: 'nope' } })).toEqual([
      'root.children must be a list of nodes',
    ])
    expect(
      richTextProblems(withBlocks(paragraph(text('a'), { type: 'text', version: 1, text: 42 }))),
    ).toEqual(['root.children[0].children[1].text must be a string'])
    expect(richTextProblems(withBlocks({ type: 'script', version: 1, children: [] }))).toEqual([
      'root.children[0].type "script" is not a node type of this editor',
    ])
    expect(
      richTextProblems(withBlocks({ type: 'heading', tag: 'script', version: 1, children: [] })),
    ).toEqual(['root.children[0].tag "script" is not h1–h6'])
    expect(richTextProblems(withBlocks(paragraph(link('javascript:alert(1)'))))).toEqual([
      'root.children[0].children[0] links to "javascript:alert(1)"; links must be http(s), mailto, a path on this site or an anchor',
    ])
    expect(richTextProblems(withBlocks(paragraph(link('//evil.example/x'))))[0]).toMatch(
      /links to "\/\/evil.example\/x"/,
    )
    expect(richTextProblems(withBlocks(paragraph(link('https://ok.example/\u0001'))))[0]).toMatch(
      /links to/,
    )
    expect(
      richTextProblems(withBlocks({ ...paragraph(), format: 'center" onclick="x' }))[0],
    ).toMatch(/format .* is not an alignment/)
  })

  it('refuses the whole hostile corpus, listing at most five problems', () => {
    const problems = richTextProblems(hostileRichText())
    expect(problems).toHaveLength(5)
    expect(problems[0]).toMatch(/^root\.children\[\d+\]/)
  })

  it('stops at a depth no editor reaches', () => {
    let node: Record<string, unknown> = text('deep')
    for (let level = 0; level < 150; level++)
      node = {
        type: 'listitem',
        version: 1,
        children: [{ type: 'list', tag: 'ul', listType: 'bullet', version: 1, children: [node] }],
      }
    const problems = richTextProblems(
      withBlocks({ type: 'list', tag: 'ul', listType: 'bullet', version: 1, children: [node] }),
    )
    expect(problems.some((problem) => problem.includes('nested deeper than 100 levels'))).toBe(true)
  })
})
