import { passwordWeakness } from '@/auth/passwordPolicy'
import { adminText, english, localeName, localeNames, sayIn } from '@/i18n/adminText'
import { fieldLabel } from '@/i18n/fieldLabel'
import { lockedOutMessage } from '@/security/signInLockout'
import { planImport } from '@/translations/xliff/importPlan'
import { readXliff } from '@/translations/xliff/read'
import { checkAction } from '@/workflow/availableActions'
import { checkSourceConfirmation } from '@/workflow/sourceTracking'
import { checkTransition } from '@/workflow/transitions'
import type { Field } from 'payload'

// The server's messages in the admin's language: the same rule, its refusal worded by the Say it is given.
const ja = sayIn('ja')
const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0'

describe('sayIn and adminText', () => {
  it('fills in variables and defaults to English', () => {
    expect(english('kaijiAdmin:messages:xliff:tooLarge', { megabytes: 2 })).toBe(
      'The request body is larger than 2 MB.',
    )
    expect(ja('kaijiAdmin:messages:xliff:tooLarge', { megabytes: 2 })).toBe(
      'ファイルが大きすぎます（2 MB まで）。',
    )
    // A request without i18n (the Local API's own calls) hears English.
    expect(adminText({} as never, 'kaijiAdmin:messages:users:translatorNeedsLocale')).toBe(
      'A translator needs at least one assigned locale.',
    )
  })

  it('names locales as the admin shows them, never by code', () => {
    expect(localeName(ja, 'en')).toBe('英語')
    expect(localeName(english, 'fr')).toBe('French')
    expect(localeName(ja, 'xx')).toBe('xx')
    expect(localeNames(ja, ['en', 'fr'])).toBe('英語、フランス語')
    expect(localeNames(english, ['en', 'ru'])).toBe('English, Russian')
  })
})

describe('fieldLabel', () => {
  const fields = [
    { name: 'intro', type: 'text', label: { en: 'Introduction', ja: '導入文' } },
    {
      name: 'columnLabels',
      type: 'group',
      label: { en: 'Column labels', ja: '列の見出し' },
      fields: [{ name: 'type', type: 'text', label: { en: 'Type', ja: 'タイプ' } }],
    },
  ] as Field[]
  const i18nIn = (language: string) =>
    ({ i18n: { language, fallbackLanguage: 'en', t: (key: string) => key } }) as never

  it('gives the label in the request language, a group path joined', () => {
    expect(fieldLabel(i18nIn('ja'), fields, 'intro')).toBe('導入文')
    expect(fieldLabel(i18nIn('en'), fields, 'columnLabels.type')).toBe('Column labels › Type')
  })

  it('keeps the path when the field is unknown or there is no i18n', () => {
    expect(fieldLabel(i18nIn('ja'), fields, 'unknown')).toBe('unknown')
    expect(fieldLabel({} as never, fields, 'intro')).toBe('intro')
  })
})

describe('workflow refusals in Japanese', () => {
  const base = { actorId: 7, editedSinceApproval: [] as string[] }
  const translator = { role: 'translator' as const, assignedLocales: ['fr'] }

  it('names the action, the state and the language by what the admin shows', () => {
    const refused = checkTransition({
      ...base,
      actor: translator,
      action: 'submit',
      locale: 'en',
      state: 'draft',
      say: ja,
    })
    expect(refused).toEqual({
      ok: false,
      status: 403,
      message: '「レビューに提出」ができるのは英語の編集者だけです。',
    })
    const wrongState = checkTransition({
      ...base,
      actor: { role: 'legal-reviewer' },
      action: 'approve',
      locale: 'en',
      state: 'draft',
      say: ja,
    })
    expect(wrongState).toMatchObject({
      status: 409,
      message: '状態が「下書き」のため「承認」はできません（可能な状態：レビュー中）。',
    })
    expect(
      checkTransition({
        ...base,
        actor: { role: 'legal-reviewer' },
        action: 'request-changes',
        locale: 'en',
        state: 'in_review',
        say: ja,
      }),
    ).toMatchObject({ status: 400, message: '「修正を依頼」には理由の入力が必要です。' })
  })

  it('keeps the English wording for API clients, with names instead of raw states', () => {
    expect(
      checkTransition({
        ...base,
        actor: { role: 'legal-reviewer' },
        action: 'approve',
        locale: 'en',
        state: 'draft',
      }),
    ).toMatchObject({ message: 'Cannot approve from "Draft" (allowed from: In review).' })
    expect(
      checkTransition({
        ...base,
        actor: translator,
        action: 'submit',
        locale: 'en',
        state: 'draft',
      }),
    ).toMatchObject({ message: 'Only editors of English content may submit.' })
  })

  it('words the four-eyes rule, an empty submission and a stale approval in Japanese', () => {
    const reviewer = { id: 7, role: 'legal-reviewer' as const }
    const document = { hasContent: true, editedSinceApproval: ['7'], stale: false }
    expect(
      checkAction({
        user: reviewer,
        document,
        locale: 'en',
        state: 'in_review',
        action: 'approve',
        say: ja,
      }),
    ).toMatchObject({ status: 403, message: expect.stringMatching(/^4つの目の原則/) })
    const editor = { id: 8, role: 'legal-editor' as const }
    expect(
      checkAction({
        user: editor,
        document: { hasContent: false, editedSinceApproval: [], stale: false },
        locale: 'fr',
        state: 'draft',
        action: 'submit',
        say: ja,
      }),
    ).toMatchObject({
      status: 409,
      message: 'フランス語の内容にはまだ文面がないため、レビューに提出できるものがありません。',
    })
    expect(
      checkAction({
        user: { id: 9, role: 'legal-reviewer' },
        document: { hasContent: true, editedSinceApproval: [], stale: true },
        locale: 'en',
        state: 'in_review',
        action: 'approve',
        say: ja,
      }),
    ).toMatchObject({
      status: 409,
      message: expect.stringContaining('この英語の翻訳が提出された後に原文（日本語）'),
    })
    expect(
      checkSourceConfirmation({
        actor: { role: 'legal-reviewer' },
        locale: 'ja',
        reason: 'x',
        stale: true,
        say: ja,
      }),
    ).toMatchObject({ status: 400, message: expect.stringContaining('日本語は原文です') })
  })
})

describe('account messages in Japanese', () => {
  it('explains a weak password and a lockout', () => {
    expect(passwordWeakness('short', 'a@example.com', ja)).toBe(
      'パスワードは12文字以上にしてください（現在5文字です）。',
    )
    expect(passwordWeakness('short')).toBe(
      'the password must have at least 12 characters (it has 5)',
    )
    expect(lockedOutMessage({ maxFailures: 5, lockSeconds: 600 }, 42, ja)).toContain(
      '5回続けて失敗しました。42秒後',
    )
  })
})

describe('XLIFF file problems in Japanese', () => {
  it('refuses a DOCTYPE, malformed XML and a foreign root in the admin language', () => {
    expect(readXliff('<!DOCTYPE x><xliff/>', ja)).toEqual({
      status: 400,
      problems: [
        'ファイルに DOCTYPE があります。XLIFF のファイルには DOCTYPE はありません（ここでは処理しません）。',
      ],
    })
    const malformed = readXliff('<xliff', ja)
    expect('problems' in malformed && malformed.problems[0]).toMatch(
      /^ファイルが正しい XML ではありません（/,
    )
    expect(readXliff('<other/>', ja)).toMatchObject({
      problems: [
        `ルート要素は名前空間 ${XLIFF}（XLIFF 2.0）または urn:oasis:names:tc:xliff:document:1.2（XLIFF 1.2）の <xliff> である必要があります。`,
      ],
    })
  })

  it('names the source language and missing units in Japanese', () => {
    const parsed = readXliff(
      `<xliff xmlns="${XLIFF}" version="2.0" srcLang="en" trgLang="fr"></xliff>`,
      ja,
    )
    if ('problems' in parsed) throw new Error('expected a parsed file')
    const planned = planImport(
      parsed,
      [
        {
          fileId: 'page',
          original: 'partners-page',
          subject: 'global:partners-page',
          units: [{ id: 'page.title' }],
        },
      ] as never,
      ja,
    )
    expect(planned).toEqual({
      status: 422,
      problems: [
        '原文の言語（srcLang）が "en" です。ここでの原文の言語は日本語です。',
        'ユニットが足りません（ファイルを書き出し直すか、すべてのユニットを残してください）：page.title',
      ],
    })
  })
})
