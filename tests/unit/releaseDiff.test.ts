import { fieldText } from '@/diff/fieldChange'
import { diffReleases } from '@/releases/releaseDiff'
import type { Release, ReleasedCategory, ReleasedPage } from '@/releases/types'
import { paragraphsToRichText } from '@/utilities/lexical'

const INTRO = [
  '多くの企業と同様に、Zenlyは事業の一部をサードパーティに委託しています。',
  '当然のことながら、Zenlyはすべてのパートナーと協定を結んでいて、すべてのパートナーにお客様の個人データを保護するための強力な技術的・組織的対策を講じるよう要求しています。❤️',
]

const page = (overrides: Partial<ReleasedPage> = {}): ReleasedPage => ({
  title: 'パートナー',
  intro: paragraphsToRichText(INTRO),
  notNamedNote: paragraphsToRichText([
    'ご参考までに、Zenlyがパートナーの企業名を公開しない理由をお教えします。',
  ]),
  columnLabels: { type: 'タイプ', description: '説明', dataUsageNote: 'データ使用上の注意' },
  authoritativeLanguageNote: null,
  ...overrides,
})

const CLOUD: ReleasedCategory = {
  key: 'cloud',
  icon: '⛅',
  order: 1,
  name: 'クラウド プラットフォーム:計算とストレージ',
  description: paragraphsToRichText([
    'Zenlyは、クラウド プラットフォームを利用して運営されています。',
  ]),
  dataUsageNote: paragraphsToRichText(['クラウド プラットフォームはZenlyの心臓部です。']),
}

const MAPS: ReleasedCategory = {
  key: 'maps',
  icon: '🗺',
  order: 2,
  name: '地図',
  description: paragraphsToRichText([
    '地図プロバイダーと提携し、地図や、関連する地図機能を運用しています。',
  ]),
  dataUsageNote: paragraphsToRichText(['地図プロバイダーには情報がほとんど共有されません。']),
}

const SMS: ReleasedCategory = {
  key: 'sms',
  icon: '💬',
  order: 3,
  name: 'SMS プロバイダー',
  description: paragraphsToRichText(['SMS プロバイダーはアカウントの作成を支援しています。']),
  dataUsageNote: paragraphsToRichText(['SMS プロバイダーには電話番号のみが共有されます。']),
}

const SUPPORT: ReleasedCategory = {
  key: 'support',
  icon: '\u{1F469}\u200D\u{1F4BB}',
  order: 4,
  name: 'サポート',
  description: paragraphsToRichText([
    'サポート プロバイダーは、お問い合わせへの回答を支援するソフトウェアを提供しています。',
  ]),
  dataUsageNote: null,
}

const release = (
  number: number,
  content: { page?: Partial<ReleasedPage>; categories?: ReleasedCategory[] } = {},
  locale = 'ja',
): Release => ({
  locale,
  number,
  summary: `リリース ${number}`,
  changeType: 'editorial',
  effectiveAt: '2025-01-01T00:00:00.000Z',
  publishedAt: '2025-01-01T00:00:00.000Z',
  publishedBy: 'editor@example.org',
  approvers: ['reviewer@example.org'],
  contentHash: `hash-${number}`,
  content: { page: page(content.page), categories: content.categories ?? [CLOUD, MAPS, SMS] },
  rollbackOf: null,
  urgencyReason: null,
  sourceReleaseNumber: null,
})

describe('fieldText', () => {
  it.each([
    ['a string', 'タイプ', 'タイプ'],
    ['an empty string', '', null],
    ['a number', 3, '3'],
    ['zero', 0, '0'],
    ['null', null, null],
    ['undefined', undefined, null],
    ['rich text', paragraphsToRichText(['一行目', '二行目 ⛅']), '一行目\n二行目 ⛅'],
    ['rich text with one empty paragraph', paragraphsToRichText(['']), null],
    ['rich text with no paragraphs', paragraphsToRichText([]), null],
    ['rich text with only empty paragraphs', paragraphsToRichText(['', '']), null],
  ])('reads %s', (_name, value, expected) => {
    expect(fieldText(value)).toBe(expected)
  })
})

describe('diffReleases', () => {
  it('reports nothing between releases with the same content', () => {
    expect(diffReleases(release(1), release(2))).toEqual({
      locale: 'ja',
      from: 1,
      to: 2,
      page: [],
      categories: { added: [], removed: [], changed: [] },
    })
  })

  it('refuses releases of different locales', () => {
    expect(() => diffReleases(release(1), release(2, {}, 'en'))).toThrow('"ja" and "en"')
  })

  describe('page', () => {
    it('reports a rich-text change as plain text with the inserted word', () => {
      const changedIntro = [
        INTRO[0] ?? '',
        (INTRO[1] ?? '').replace('個人データ', '個人暗号化されたデータ'),
      ]
      const diff = diffReleases(
        release(1),
        release(2, { page: { intro: paragraphsToRichText(changedIntro) } }),
      )
      expect(diff.page).toEqual([
        {
          field: 'intro',
          before: INTRO.join('\n'),
          after: changedIntro.join('\n'),
          changes: [
            {
              kind: 'equal',
              text: `${INTRO[0]}\n当然のことながら、Zenlyはすべてのパートナーと協定を結んでいて、すべてのパートナーにお客様の個人`,
            },
            { kind: 'insert', text: '暗号化された' },
            {
              kind: 'equal',
              text: 'データを保護するための強力な技術的・組織的対策を講じるよう要求しています。❤️',
            },
          ],
        },
      ])
    })

    it('names grouped fields with a dot and reports a field filled in or cleared with a null side', () => {
      const note = '本ページは日本語版が正文です。'
      const from = release(1, { page: { title: 'パートナー' } })
      const to = release(2, {
        page: {
          title: 'ビジネスパートナー',
          columnLabels: { type: 'タイプ', description: null, dataUsageNote: 'データの使用' },
          authoritativeLanguageNote: note,
        },
      })
      const diff = diffReleases(from, to)
      expect(diff.page.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
        { field: 'title', before: 'パートナー', after: 'ビジネスパートナー' },
        { field: 'columnLabels.description', before: '説明', after: null },
        {
          field: 'columnLabels.dataUsageNote',
          before: 'データ使用上の注意',
          after: 'データの使用',
        },
        { field: 'authoritativeLanguageNote', before: null, after: note },
      ])
      expect(
        diff.page.find((change) => change.field === 'authoritativeLanguageNote')?.changes,
      ).toEqual([{ kind: 'insert', text: note }])
      expect(
        diff.page.find((change) => change.field === 'columnLabels.description')?.changes,
      ).toEqual([{ kind: 'delete', text: '説明' }])
    })

    it('treats rich text with only an empty paragraph like a missing field', () => {
      const diff = diffReleases(
        release(1, { page: { notNamedNote: null } }),
        release(2, { page: { notNamedNote: paragraphsToRichText(['']) } }),
      )
      expect(diff.page).toEqual([])
    })
  })

  describe('categories', () => {
    it('lists an added category in the order of the newer release', () => {
      const diff = diffReleases(
        release(1, { categories: [CLOUD, SMS] }),
        release(2, { categories: [CLOUD, SUPPORT, MAPS, SMS] }),
      )
      expect(diff.categories).toEqual({ added: [SUPPORT, MAPS], removed: [], changed: [] })
    })

    it('lists a removed category in the order of the older release', () => {
      const diff = diffReleases(
        release(1, { categories: [CLOUD, SUPPORT, MAPS, SMS] }),
        release(2, { categories: [CLOUD, SMS] }),
      )
      expect(diff.categories).toEqual({ added: [], removed: [SUPPORT, MAPS], changed: [] })
    })

    it('reports only the fields that changed, under the newer name', () => {
      const renamed: ReleasedCategory = {
        ...MAPS,
        name: '地図と天気',
        icon: '🌦',
        dataUsageNote: paragraphsToRichText([
          '地図プロバイダーには情報がほとんど共有されません。',
          '天気の情報も表示されます。',
        ]),
      }
      const diff = diffReleases(release(1), release(2, { categories: [CLOUD, renamed, SMS] }))
      expect(diff.categories.added).toEqual([])
      expect(diff.categories.removed).toEqual([])
      expect(diff.categories.changed).toEqual([
        {
          key: 'maps',
          name: '地図と天気',
          fields: [
            {
              field: 'name',
              before: '地図',
              after: '地図と天気',
              changes: [
                { kind: 'equal', text: '地図' },
                { kind: 'insert', text: 'と天気' },
              ],
            },
            {
              field: 'dataUsageNote',
              before: '地図プロバイダーには情報がほとんど共有されません。',
              after:
                '地図プロバイダーには情報がほとんど共有されません。\n天気の情報も表示されます。',
              changes: [
                { kind: 'equal', text: '地図プロバイダーには情報がほとんど共有されません。' },
                { kind: 'insert', text: '\n天気の情報も表示されます。' },
              ],
            },
            {
              field: 'icon',
              before: '🗺',
              after: '🌦',
              changes: [
                { kind: 'delete', text: '🗺' },
                { kind: 'insert', text: '🌦' },
              ],
            },
          ],
        },
      ])
    })

    it('reports a reordering as an order change only, as strings', () => {
      const diff = diffReleases(
        release(1),
        release(2, {
          categories: [
            { ...SMS, order: 1 },
            { ...CLOUD, order: 2 },
            { ...MAPS, order: 3 },
          ],
        }),
      )
      expect(diff.categories.added).toEqual([])
      expect(diff.categories.removed).toEqual([])
      expect(diff.categories.changed).toEqual([
        {
          key: 'sms',
          name: 'SMS プロバイダー',
          fields: [
            {
              field: 'order',
              before: '3',
              after: '1',
              changes: [
                { kind: 'delete', text: '3' },
                { kind: 'insert', text: '1' },
              ],
            },
          ],
        },
        {
          key: 'cloud',
          name: CLOUD.name,
          fields: [expect.objectContaining({ field: 'order', before: '1', after: '2' })],
        },
        {
          key: 'maps',
          name: MAPS.name,
          fields: [expect.objectContaining({ field: 'order', before: '2', after: '3' })],
        },
      ])
    })

    it('ignores a category moved in the list when its order value stays the same', () => {
      const diff = diffReleases(release(1), release(2, { categories: [SMS, MAPS, CLOUD] }))
      expect(diff.categories).toEqual({ added: [], removed: [], changed: [] })
    })

    it('reports additions, removals and changes together', () => {
      const described: ReleasedCategory = {
        ...CLOUD,
        description: paragraphsToRichText([
          'Zenlyは、安全なクラウド プラットフォームを利用して運営されています。',
        ]),
      }
      const diff = diffReleases(
        release(1, { categories: [CLOUD, MAPS, SMS] }),
        release(2, { categories: [described, SMS, SUPPORT] }),
      )
      expect(diff.categories.added).toEqual([SUPPORT])
      expect(diff.categories.removed).toEqual([MAPS])
      expect(diff.categories.changed).toHaveLength(1)
      expect(
        diff.categories.changed[0]?.fields.map((change) => [
          change.field,
          change.changes.filter((c) => c.kind !== 'equal'),
        ]),
      ).toEqual([['description', [{ kind: 'insert', text: '安全な' }]]])
    })
  })
})
