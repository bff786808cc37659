import { escapeHtml, escapeXml } from '@/delivery/render/escape'
import { richTextToHtml, safeHref } from '@/delivery/render/richTextHtml'
import {
  paragraphsToRichText,
  richTextToParagraphs,
  type SerializedLexicalNode,
} from '@/utilities/lexical'
import {
  expectInertHtml,
  hostileRichText,
  HOSTILE_STRINGS,
  HOSTILE_URLS,
  jaSource,
} from './fixtures/partnersRelease'

const RICH_TEXT_TAGS = new Set(
  'p h2 h3 h4 h5 h6 blockquote ul ol li a br strong em s u code sub sup'.split(' '),
)
const RICH_TEXT_ATTRIBUTES = new Set(['href', 'rel'])

const doc = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } })
const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format })
const node = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  children,
  ...extra,
})

describe('escapeHtml / escapeXml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('drops what XML 1.0 forbids and keeps tab, newline, emoji and Japanese', () => {
    const input =
      'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFF\tH\nI\rJ\uD800K\uDC00L 👩💻 ⛅ 日本 <&>'
    expect(escapeXml(input)).toBe('abcdefg\tH\nI\rJKL 👩💻 ⛅ 日本 &lt;&amp;&gt;')
  })
})

describe('richTextToHtml', () => {
  it('renders the real Japanese paragraphs escaped and unchanged', () => {
    const html = richTextToHtml(paragraphsToRichText([jaSource.intro, jaSource.notNamedNote]))
    expect(html).toBe(`<p>${jaSource.intro}</p><p>${jaSource.notNamedNote}</p>`)
    expect(html).toContain('❤️')
  })

  it('maps the known block nodes and clamps h1 to h2', () => {
    const html = richTextToHtml(
      doc(
        node('heading', [text('One')], { tag: 'h1' }),
        node('heading', [text('Three')], { tag: 'h3' }),
        node('quote', [text('Q')]),
        node('list', [node('listitem', [text('a')]), node('listitem', [text('b')])], {
          listType: 'bullet',
        }),
        node('list', [node('listitem', [text('1')])], { listType: 'number', tag: 'ol' }),
        node('paragraph', [
          text('x'),
          { type: 'linebreak', version: 1 },
          text('y'),
          { type: 'tab', version: 1, text: '\t' },
        ]),
      ),
    )
    expect(html).toBe(
      '<h2>One</h2><h3>Three</h3><blockquote>Q</blockquote><ul><li>a</li><li>b</li></ul><ol><li>1</li></ol><p>x<br>y\t</p>',
    )
  })

  it('keeps nested lists inside their item and wraps stray list children in <li>', () => {
    const nested = node('list', [node('listitem', [text('inner')])], { listType: 'bullet' })
    const html = richTextToHtml(
      doc(
        node('list', [node('listitem', [text('outer'), nested]), text('stray')], {
          listType: 'bullet',
        }),
      ),
    )
    expect(html).toBe('<ul><li>outer<ul><li>inner</li></ul></li><li>stray</li></ul>')
  })

  it('maps each Lexical format bit to its tag', () => {
    const formats: Array<[number, string]> = [
      [1, 'strong'],
      [2, 'em'],
      [4, 's'],
      [8, 'u'],
      [16, 'code'],
      [32, 'sub'],
      [64, 'sup'],
    ]
    for (const [bit, tag] of formats) {
      expect(richTextToHtml(doc(node('paragraph', [text('t', bit)])))).toBe(
        `<p><${tag}>t</${tag}></p>`,
      )
    }
    expect(richTextToHtml(doc(node('paragraph', [text('t', 1 | 2 | 8)])))).toBe(
      '<p><u><em><strong>t</strong></em></u></p>',
    )
  })

  it('links http, https and mailto with rel and no target', () => {
    const html = richTextToHtml(
      doc(
        node('paragraph', [
          node('link', [text('a')], {
            fields: { url: 'https://example.com/a?b=1&c=2', newTab: true, linkType: 'custom' },
          }),
          node('link', [text('b')], { url: 'http://example.com' }),
          node('autolink', [text('c')], { url: 'mailto:dpo@example.com' }),
        ]),
      ),
    )
    expect(html).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">a</a>' +
        '<a href="http://example.com/" rel="noopener noreferrer">b</a>' +
        '<a href="mailto:dpo@example.com" rel="noopener noreferrer">c</a></p>',
    )
    expect(html).not.toContain('target')
  })

  it.each(HOSTILE_URLS)('renders a link to %j as its plain text', (url) => {
    expect(safeHref(url)).toBeNull()
    const html = richTextToHtml(
      doc(node('paragraph', [node('link', [text('click me')], { fields: { url } })])),
    )
    expect(html).toBe('<p>click me</p>')
  })

  it('never nests a link in a link and drops internal links that have no URL', () => {
    const inner = node('link', [text('inner')], { url: 'https://b.example' })
    const html = richTextToHtml(
      doc(
        node('paragraph', [
          node('link', [text('outer '), inner], { url: 'https://a.example' }),
          node('link', [text('doc')], {
            fields: { linkType: 'internal', doc: { relationTo: 'pages', value: 1 } },
          }),
        ]),
      ),
    )
    expect(html).toBe(
      '<p><a href="https://a.example/" rel="noopener noreferrer">outer inner</a>doc</p>',
    )
  })

  it('drops block tags where they would be invalid (a paragraph inside a paragraph)', () => {
    const html = richTextToHtml(
      doc(
        node('paragraph', [
          text('a'),
          node('paragraph', [text('b')]),
          node('heading', [text('c')], { tag: 'h2' }),
        ]),
      ),
    )
    expect(html).toBe('<p>abc</p>')
  })

  it('renders unknown nodes as their children or their escaped text, never their own markup', () => {
    const html = richTextToHtml(
      doc(
        node('paragraph', [
          { type: 'mention', version: 1, text: '<b>@x</b>', html: '<script>alert(1)</script>' },
        ]),
        node('custom-block', [text('kept')], { tag: 'script', className: 'evil' }),
        { type: 'upload', version: 1, value: { url: 'javascript:alert(1)' } },
        { type: 'horizontalrule', version: 1 },
      ),
    )
    expect(html).toBe('<p>&lt;b&gt;@x&lt;/b&gt;</p>kept')
  })

  it('neutralizes the whole hostile corpus', () => {
    const html = richTextToHtml(hostileRichText())
    const tags = expectInertHtml(html, RICH_TEXT_TAGS, RICH_TEXT_ATTRIBUTES)
    expect(tags.filter((tag) => tag.name === 'a' && !tag.closing)).toHaveLength(0)
    for (const hostile of HOSTILE_STRINGS) expect(html).toContain(escapeHtml(hostile))
    expect(html).not.toMatch(/style=|class=|onclick|onmouseover="/)
  })

  it('returns "" for anything that is not rich text and never throws on malformed nodes', () => {
    const malformed: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      {},
      { root: null },
      { root: { type: 'paragraph', children: [] } },
      { root: { type: 'root', children: 'nope' } },
      {
        root: {
          type: 'root',
          children: [null, 1, 'x', [], { type: 'paragraph', children: { 0: 'x' } }],
        },
      },
      {
        root: {
          type: 'root',
          children: [{ type: 'text', text: { toString: 'x' } }, { type: 42 }, { children: [] }],
        },
      },
    ]
    for (const value of malformed) expect(() => richTextToHtml(value)).not.toThrow()
    expect(richTextToHtml(null)).toBe('')
    expect(richTextToHtml('<script>alert(1)</script>')).toBe('')
    expect(richTextToHtml({ root: { type: 'paragraph', children: [text('x')] } })).toBe('')
  })

  it('survives absurdly deep nesting without exhausting the stack', () => {
    let deep: SerializedLexicalNode = { type: 'text', version: 1, text: 'bottom' }
    for (let i = 0; i < 20_000; i += 1) deep = { type: 'custom', version: 1, children: [deep] }
    const value = doc(deep)
    expect(() => richTextToHtml(value)).not.toThrow()
    expect(() => richTextToParagraphs(value)).not.toThrow()
  })
})

describe('richTextToParagraphs', () => {
  it('gives one string per block, line breaks and list items on their own lines', () => {
    const value = doc(
      node('paragraph', [
        text('a, "b"'),
        { type: 'linebreak', version: 1 },
        node('link', [text('c')], { url: 'https://x.example' }),
      ]),
      node('list', [
        node('listitem', [text('one')]),
        node('listitem', [text('two'), node('list', [node('listitem', [text('2a')])])]),
      ]),
    )
    expect(richTextToParagraphs(value)).toEqual(['a, "b"\nc', 'one\ntwo\n2a'])
  })

  it('keeps markup-looking text as text and ignores malformed input', () => {
    expect(richTextToParagraphs(paragraphsToRichText(['<script>x</script>']))).toEqual([
      '<script>x</script>',
    ])
    expect(
      richTextToParagraphs({
        root: { type: 'root', children: [{ type: 'paragraph', children: 'x' }] },
      }),
    ).toEqual([''])
    expect(richTextToParagraphs(undefined)).toEqual([])
  })
})
