import {
  approveChange,
  categoryIdByKey,
  editContent,
  workflowAction,
} from '@support/contentChanges'
import { useIsolatedServer } from '../helpers/isolatedServer'

type SourceTextView = {
  locale: string
  sourceLocale: string
  approvedAt: string | null
  fields: Array<{ field: string; text: string | null }>
  stale: boolean
  changes: Array<{ field: string; before: string | null; after: string | null }>
}
type Problem = { errors: Array<{ message: string }> }

const own = useIsolatedServer('source-text')

const categoryPath = async (key: string) =>
  `/api/partner-categories/${await categoryIdByKey(own.api, key)}/source-text`

const read = async <T = SourceTextView>(path: string, who?: 'translatorEn' | 'reviewer') =>
  own.api.request<T>(path, { token: who ? await own.api.login(who) : undefined })

const textOf = (view: SourceTextView, field: string) =>
  view.fields.find((entry) => entry.field === field)?.text

describe('the approved Japanese source beside a translation (GET …/source-text?locale=xx)', () => {
  it('refuses anonymous callers, over the category and the page, and sends no text', async () => {
    for (const path of [
      `${await categoryPath('maps')}?locale=en`,
      '/api/globals/partners-page/source-text?locale=en',
    ]) {
      const refused = await read<Problem>(path)
      expect(refused.status).toBe(401)
      expect(refused.body.errors[0]?.message).toBe('Sign in to read the source text.')
      expect(refused.text).not.toContain('地図')
    }
  })

  it('the title of an untranslated category is its Japanese name, over REST and GraphQL, for signed-in readers only', async () => {
    const id = await categoryIdByKey(own.api, 'analytics')
    const token = await own.api.login('translatorEn')
    const rest = await own.api.request<{ name: string | null; displayTitle: string | null }>(
      `/api/partner-categories/${id}?locale=en`,
      { token },
    )
    expect(rest.body.name ?? null).toBeNull()
    expect(rest.body.displayTitle).toMatch(/\S/)
    const query = `{ PartnerCategory(id: ${id}, locale: en) { name displayTitle } }`
    const signedIn = await own.api.graphql<{
      PartnerCategory: { name: string | null; displayTitle: string } | null
    }>(query, token)
    expect(signedIn.body.data?.PartnerCategory).toEqual({
      name: null,
      displayTitle: rest.body.displayTitle,
    })
    const anonymous = await own.api.graphql<{ PartnerCategory: unknown }>(query)
    expect(anonymous.body.data?.PartnerCategory ?? null).toBeNull()
    expect(anonymous.text).not.toContain(rest.body.displayTitle ?? '(none)')
  })

  it('a translator reads the approved Japanese of an untranslated category, field by field', async () => {
    const answer = await read(`${await categoryPath('maps')}?locale=en`, 'translatorEn')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      locale: 'en',
      sourceLocale: 'ja',
      stale: false,
      changes: [],
    })
    expect(answer.body.approvedAt).toEqual(expect.any(String))
    expect(answer.body.fields.map((entry) => entry.field)).toEqual([
      'name',
      'description',
      'dataUsageNote',
    ])
    expect(textOf(answer.body, 'name')).toBe('地図')
    expect(textOf(answer.body, 'description')).toEqual(expect.stringMatching(/\S/))
  })

  it('the page lists its group fields by dotted name, and a field the source leaves empty as null', async () => {
    const answer = await read('/api/globals/partners-page/source-text?locale=fr', 'translatorEn')
    expect(answer.status).toBe(200)
    const names = answer.body.fields.map((entry) => entry.field)
    expect(names).toEqual(
      expect.arrayContaining([
        'title',
        'intro',
        'notNamedNote',
        'columnLabels.type',
        'columnLabels.description',
        'columnLabels.dataUsageNote',
        'authoritativeLanguageNote',
      ]),
    )
    expect(textOf(answer.body, 'columnLabels.type')).toBe('タイプ')
    expect(textOf(answer.body, 'authoritativeLanguageNote')).toBeNull()
  })

  it('shows what was approved, never the Japanese working copy', async () => {
    await editContent(own.api, { subject: 'maps', locale: 'ja', data: { name: '地図(下書き)' } })
    const answer = await read(`${await categoryPath('maps')}?locale=en`, 'translatorEn')
    expect(textOf(answer.body, 'name')).toBe('地図')
    expect(answer.text).not.toContain('下書き')
  })

  it('when the Japanese changed and was approved after the translation was submitted: stale, with the changes', async () => {
    await editContent(own.api, {
      subject: 'support',
      locale: 'en',
      data: { name: 'Support' },
      editor: 'translatorEn',
    })
    await workflowAction(own.api, 'support', 'en', 'submit', 'translatorEn')
    const before = await read(`${await categoryPath('support')}?locale=en`, 'translatorEn')
    expect(before.body.stale).toBe(false)
    const oldName = textOf(before.body, 'name')
    await approveChange(own.api, {
      subject: 'support',
      locale: 'ja',
      data: { name: 'お客様サポート' },
    })
    const after = await read(`${await categoryPath('support')}?locale=en`, 'translatorEn')
    expect(after.body.stale).toBe(true)
    expect(textOf(after.body, 'name')).toBe('お客様サポート')
    expect(after.body.changes).toEqual([
      expect.objectContaining({ field: 'name', before: oldName, after: 'お客様サポート' }),
    ])
  })

  it('bad input: the source locale, an unknown locale, an unknown document', async () => {
    const cases: Array<[string, number, string]> = [
      [
        `${await categoryPath('maps')}?locale=ja`,
        400,
        'ja is the source; ask for the source text of a translation (en, fr, ru).',
      ],
      [
        `${await categoryPath('maps')}?locale=de`,
        400,
        'Unknown locale "de"; use one of en, fr, ru.',
      ],
      [`${await categoryPath('maps')}`, 400, 'Unknown locale null; use one of en, fr, ru.'],
      [
        '/api/partner-categories/999999/source-text?locale=en',
        404,
        'No partner-categories document with id "999999".',
      ],
    ]
    for (const [path, status, message] of cases) {
      const answer = await read<Problem>(path, 'reviewer')
      expect([path, answer.status, answer.body.errors?.[0]?.message]).toEqual([
        path,
        status,
        message,
      ])
    }
  })

  it('opens no write: a translator still cannot change the Japanese, and the endpoint takes no POST', async () => {
    const id = await categoryIdByKey(own.api, 'maps')
    const token = await own.api.login('translatorEn')
    const save = await own.api.request(`/api/partner-categories/${id}?locale=ja`, {
      method: 'PATCH',
      token,
      json: { name: '翻訳者の変更' },
    })
    expect(save.status).toBe(403)
    const post = await own.api.request(`/api/partner-categories/${id}/source-text?locale=en`, {
      method: 'POST',
      token,
      json: { fields: [] },
    })
    expect(post.status).toBeGreaterThanOrEqual(400)
    const ja = await own.api.request<{ name: string }>(`/api/partner-categories/${id}?locale=ja`, {
      token,
    })
    expect(ja.body.name).toBe('地図(下書き)')
  })
})
