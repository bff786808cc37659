import {
  isSerializedRichText,
  paragraphsToRichText,
  richTextToParagraphs,
  richTextToPlainText,
} from '@/utilities/lexical'
import { stableStringify } from '@/utilities/stableStringify'

describe('Lexical helpers', () => {
  it('round-trips paragraphs exactly, emoji and all', () => {
    const paragraphs = ['Zenlyは、クラウド プラットフォームを利用 ⛅', 'サポート 👩💻 (詳細)']
    const richText = paragraphsToRichText(paragraphs)
    expect(isSerializedRichText(richText)).toBe(true)
    expect(richTextToParagraphs(richText)).toEqual(paragraphs)
    expect(richTextToPlainText(richText)).toBe(paragraphs.join('\n'))
  })

  it('reads nested text and line breaks', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'a' },
              { type: 'linebreak' },
              { type: 'link', children: [{ type: 'text', text: 'b' }] },
            ],
          },
        ],
      },
    }
    expect(richTextToPlainText(value)).toBe('a\nb')
  })

  it('treats anything else as empty', () => {
    expect(richTextToParagraphs(null)).toEqual([])
    expect(richTextToParagraphs({ root: { type: 'paragraph' } })).toEqual([])
  })
})

describe('stableStringify', () => {
  it('ignores key order', () => {
    expect(stableStringify({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: 3 } })).toBe(
      stableStringify({ a: { c: 3, d: [2, { x: 2, y: 1 }] }, b: 1 }),
    )
  })
})
