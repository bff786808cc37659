import type { DocumentSpec } from '@/translations/xliff/document'

// Rich text and a category document as the XLIFF tests export, edit and import them.

export const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})
export const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children,
})
export const link = (url: string, ...children: unknown[]) => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { url, newTab: true, linkType: 'custom' },
  children,
})
export const list = (...items: unknown[][]) => ({
  type: 'list',
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  children: items.map((children, index) => ({
    type: 'listitem',
    value: index + 1,
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children,
  })),
})
export const richText = (...children: unknown[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
})

export const sourceDescription = richText(
  paragraph(
    text('位置情報を'),
    text('安全に', 1),
    text('使います。'),
    { type: 'linebreak', version: 1 },
    text('詳細は'),
    link('https://example.org/privacy', text('こちら', 2)),
    text('。'),
  ),
  paragraph(),
  list([text('地図 & <検索>')], [text('経路')]),
)
export const targetDescription = richText(
  paragraph(
    text('We use location '),
    text('safely', 1),
    text('.'),
    { type: 'linebreak', version: 1 },
    text('See '),
    link('https://example.org/privacy', text('here', 2)),
    text('.'),
  ),
  paragraph(),
  list([text('Maps & <search>')], [text('Routes')]),
)

export const spec = (overrides: Partial<DocumentSpec> = {}): DocumentSpec => ({
  fileId: 'category.maps',
  original: 'partner-categories/maps',
  subject: 'partner-categories:3',
  sourceHash: 'a'.repeat(64),
  sourceRelease: { number: 4, effectiveAt: '2027-01-10T00:00:00.000Z', standing: 'upcoming' },
  targetState: 'translated',
  fields: [
    { path: 'name', kind: 'text', source: '地図\n二行目', target: 'Maps\nSecond line' },
    { path: 'description', kind: 'richText', source: sourceDescription, target: targetDescription },
    {
      path: 'dataUsageNote',
      kind: 'richText',
      source: richText(paragraph(text('注意'))),
      target: null,
    },
    { path: 'columnLabels.type', kind: 'text', source: '', target: 'Type' },
  ],
  ...overrides,
})
