import type { TextChange } from '@/diff/types'
import { diffWords } from '@/diff/wordDiff'

const textOf = (changes: TextChange[], skip: TextChange['kind']): string =>
  changes
    .filter((change) => change.kind !== skip)
    .map((change) => change.text)
    .join('')

/** The text before the change (equal + delete runs) and after it (equal + insert runs). */
const sides = (changes: TextChange[]) => ({
  before: textOf(changes, 'insert'),
  after: textOf(changes, 'delete'),
})

const edits = (changes: TextChange[]): TextChange[] =>
  changes.filter((change) => change.kind !== 'equal')

const expectWellFormed = (before: string, after: string, changes: TextChange[]): void => {
  expect(sides(changes)).toEqual({ before, after })
  for (const change of changes) expect(change.text).not.toBe('')
  for (let i = 1; i < changes.length; i++) {
    const pair = [changes[i - 1]?.kind, changes[i]?.kind]
    expect(pair[0]).not.toBe(pair[1])
    expect(pair).not.toEqual(['insert', 'delete'])
  }
}

const SHARING =
  'すべてのパートナーにお客様の個人データを保護するための強力な技術的・組織的対策を講じるよう要求しています。'
const SMS =
  'SMS プロバイダーには電話番号のみが共有され、プロバイダーはSMS経由のワンタイム パスワード送信にのみ電話番号を使用します。'
const ENGLISH = 'We share your personal data with third-party partners only to provide the service.'

describe('diffWords', () => {
  describe('Japanese, which has no spaces between words', () => {
    it('reports an inserted word as just that word', () => {
      const after = SHARING.replace('個人データ', '個人暗号化されたデータ')
      const changes = diffWords(SHARING, after, 'ja')
      expect(changes).toEqual([
        { kind: 'equal', text: 'すべてのパートナーにお客様の個人' },
        { kind: 'insert', text: '暗号化された' },
        {
          kind: 'equal',
          text: 'データを保護するための強力な技術的・組織的対策を講じるよう要求しています。',
        },
      ])
    })

    it('reports a deleted word as just that word', () => {
      const before = 'Zenlyはすべてのパートナーと協定を結んでいて、'
      const changes = diffWords(before, 'Zenlyはパートナーと協定を結んでいて、', 'ja')
      expect(edits(changes)).toEqual([{ kind: 'delete', text: 'すべての' }])
      expectWellFormed(before, 'Zenlyはパートナーと協定を結んでいて、', changes)
    })

    it('reports a replaced word as a delete followed by an insert', () => {
      const after = SHARING.replace('強力な', '適切な')
      const changes = diffWords(SHARING, after, 'ja')
      expect(edits(changes)).toEqual([
        { kind: 'delete', text: '強力' },
        { kind: 'insert', text: '適切' },
      ])
      expectWellFormed(SHARING, after, changes)
    })

    it('keeps separate edits separate', () => {
      const after = SMS.replace('電話番号のみ', 'メールアドレスと電話番号').replace(
        '使用します',
        '利用します',
      )
      const changes = diffWords(SMS, after, 'ja')
      expect(edits(changes)).toEqual([
        { kind: 'insert', text: 'メールアドレスと' },
        { kind: 'delete', text: 'のみ' },
        { kind: 'delete', text: '使用' },
        { kind: 'insert', text: '利用' },
      ])
      expectWellFormed(SMS, after, changes)
    })
  })

  describe('English', () => {
    it('reports inserted words with the space that separates them', () => {
      const after = ENGLISH.replace('with ', 'with carefully selected ')
      expect(diffWords(ENGLISH, after, 'en')).toEqual([
        { kind: 'equal', text: 'We share your personal data with ' },
        { kind: 'insert', text: 'carefully selected ' },
        { kind: 'equal', text: 'third-party partners only to provide the service.' },
      ])
    })

    it('reports a replaced word as a delete followed by an insert', () => {
      expect(edits(diffWords(ENGLISH, ENGLISH.replace('share', 'disclose'), 'en'))).toEqual([
        { kind: 'delete', text: 'share' },
        { kind: 'insert', text: 'disclose' },
      ])
    })

    it('reports several deletions and insertions in place', () => {
      const after = 'We share your data with partners only to provide and improve the service.'
      const changes = diffWords(ENGLISH, after, 'en')
      expect(changes).toEqual([
        { kind: 'equal', text: 'We share your ' },
        { kind: 'delete', text: 'personal ' },
        { kind: 'equal', text: 'data with ' },
        { kind: 'delete', text: 'third-party ' },
        { kind: 'equal', text: 'partners only to provide' },
        { kind: 'insert', text: ' and improve' },
        { kind: 'equal', text: ' the service.' },
      ])
      expectWellFormed(ENGLISH, after, changes)
    })

    it('does not match inside a word', () => {
      const changes = diffWords('partner', 'partners', 'en')
      expect(changes).toEqual([
        { kind: 'delete', text: 'partner' },
        { kind: 'insert', text: 'partners' },
      ])
    })
  })

  describe('emoji', () => {
    const technologist = '\u{1F469}\u200D\u{1F4BB}' // 👩‍💻, one grapheme joined by a ZWJ

    it.each([
      ['a ZWJ sequence', technologist],
      ['a BMP symbol', '⛅'],
      ['a symbol with a variation selector', '❤️'],
      ['a flag', '🇯🇵'],
      ['a skin-tone modifier', '👍🏽'],
    ])('never splits %s', (_name, emoji) => {
      const before = `サポート ${emoji} |`
      expect(edits(diffWords(before, 'サポート |', 'ja'))).toEqual([
        { kind: 'delete', text: `${emoji} ` },
      ])
      expect(edits(diffWords('サポート |', before, 'ja'))).toEqual([
        { kind: 'insert', text: `${emoji} ` },
      ])
    })

    it('replaces one emoji with another whole', () => {
      const changes = diffWords(
        `クラウド プラットフォーム ${technologist}`,
        'クラウド プラットフォーム ⛅',
        'ja',
      )
      expect(changes).toEqual([
        { kind: 'equal', text: 'クラウド プラットフォーム ' },
        { kind: 'delete', text: technologist },
        { kind: 'insert', text: '⛅' },
      ])
    })

    it('keeps both code points of a two-emoji label intact', () => {
      const before = 'サポート \u{1F469}\u{1F4BB} |' // as in the source text: 👩 and 💻 with no joiner
      const after = 'サポート \u{1F4BB} |'
      const changes = diffWords(before, after, 'ja')
      expect(edits(changes)).toEqual([{ kind: 'delete', text: '\u{1F469}' }])
      expectWellFormed(before, after, changes)
    })
  })

  describe('edge cases', () => {
    it('returns nothing for two empty strings', () => {
      expect(diffWords('', '', 'ja')).toEqual([])
    })

    it('returns one equal run for identical texts', () => {
      expect(diffWords(SMS, SMS, 'ja')).toEqual([{ kind: 'equal', text: SMS }])
    })

    it('treats a text added to an empty field as one insert', () => {
      expect(diffWords('', SMS, 'ja')).toEqual([{ kind: 'insert', text: SMS }])
    })

    it('treats a cleared field as one delete', () => {
      expect(diffWords(ENGLISH, '', 'en')).toEqual([{ kind: 'delete', text: ENGLISH }])
    })

    it('reports an entirely different text as a delete followed by an insert', () => {
      expect(diffWords('地図', 'SMS', 'ja')).toEqual([
        { kind: 'delete', text: '地図' },
        { kind: 'insert', text: 'SMS' },
      ])
    })

    it('diffs the line breaks between paragraphs like any other token', () => {
      const before = `${SHARING}\n${SMS}`
      const after = `${SHARING}\n\n${SMS}`
      const changes = diffWords(before, after, 'ja')
      expectWellFormed(before, after, changes)
      expect(edits(changes)).toEqual([{ kind: 'insert', text: '\n' }])
    })
  })

  describe('invariants', () => {
    /** Deterministic pseudo-random numbers, so a failure can be replayed. */
    const random = (seed: number) => () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed / 2_147_483_648
    }

    const tokens = (text: string): string[] =>
      Array.from(
        new Intl.Segmenter('en', { granularity: 'word' }).segment(text),
        ({ segment }) => segment,
      )

    const lcsLength = (a: string[], b: string[]): number => {
      let previous = new Array<number>(b.length + 1).fill(0)
      for (const token of a) {
        const current = [0]
        b.forEach((other, j) => {
          current.push(
            token === other
              ? (previous[j] ?? 0) + 1
              : Math.max(previous[j + 1] ?? 0, current[j] ?? 0),
          )
        })
        previous = current
      }
      return previous[b.length] ?? 0
    }

    it('rebuilds both sides and keeps the longest common token sequence (random texts)', () => {
      const next = random(7)
      // Single-letter words between single spaces: every token is one character long,
      // so the length of the equal text is the number of tokens kept.
      const text = (alphabet: string) =>
        Array.from(
          { length: Math.floor(next() * 14) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join(' ')
      for (let run = 0; run < 500; run++) {
        const alphabet = run % 2 === 0 ? 'ab' : 'abcd'
        const before = text(alphabet)
        const after = text(alphabet)
        const changes = diffWords(before, after, 'en')
        expectWellFormed(before, after, changes)
        const kept = changes
          .filter((change) => change.kind === 'equal')
          .reduce((sum, change) => sum + change.text.length, 0)
        expect(kept).toBe(lcsLength(tokens(before), tokens(after)))
      }
    })

    it('handles texts of several thousand characters', () => {
      const next = random(11)
      const sentences = [
        SHARING,
        SMS,
        ENGLISH,
        'サポート \u{1F469}\u200D\u{1F4BB} ',
        'クラウド プラットフォーム ⛅ ',
        '❤️ ',
      ]
      const text = () =>
        Array.from({ length: 160 }, () => sentences[Math.floor(next() * sentences.length)]).join('')
      const before = text()
      const unrelated = text()
      const edited = before
        .replaceAll('データ', '暗号化されたデータ')
        .replaceAll('partners', 'vendors')
      expect(before.length).toBeGreaterThan(5_000)
      expect(unrelated.length).toBeGreaterThan(5_000)

      expectWellFormed(before, unrelated, diffWords(before, unrelated, 'ja'))
      const changes = diffWords(before, edited, 'ja')
      expectWellFormed(before, edited, changes)
      expect(new Set(edits(changes).map((change) => `${change.kind}:${change.text}`))).toEqual(
        new Set(['insert:暗号化された', 'delete:partners', 'insert:vendors']),
      )
    })
  })
})
