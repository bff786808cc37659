import { categoryIdByKey } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'

type Category = { id: number; name: string | null; revision: number }
type Problem = { errors: Array<{ message: string }> }

const own = useIsolatedServer('concurrency')

const read = async (key: string, locale: string) =>
  (
    await own.api.request<Category>(
      `/api/partner-categories/${await categoryIdByKey(own.api, key)}?locale=${locale}`,
      { token: await own.api.login('admin') },
    )
  ).body

const save = async (
  who: TestUserName,
  key: string,
  locale: string,
  data: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  own.api.request<{ doc: Category } & Problem>(
    `/api/partner-categories/${await categoryIdByKey(own.api, key)}?locale=${locale}`,
    {
      method: 'PATCH',
      token: await own.api.login(who),
      json: data,
      headers,
    },
  )

const auditCount = async () =>
  (
    await own.api.request<{ totalDocs: number }>('/api/audit-events?limit=1', {
      token: await own.api.login('admin'),
    })
  ).body.totalDocs

describe('optimistic concurrency: a save names the revision it read', () => {
  it('two editors save the same document from the same copy: the second gets 409 and loses nothing', async () => {
    const copy = await read('maps', 'ja')
    const first = await save('editor', 'maps', 'ja', { name: '地図(A)', revision: copy.revision })
    expect(first.status).toBe(200)
    expect(first.body.doc.revision).toBe(copy.revision + 1)
    const events = await auditCount()
    const second = await save('editor2', 'maps', 'ja', { name: '地図(B)', revision: copy.revision })
    expect(second.status).toBe(409)
    expect(second.body.errors[0]?.message).toBe(
      `Someone else saved this ja content since you opened it (you edited revision ${copy.revision}, it is now at revision ${copy.revision + 1}). Nothing was saved: reload to see their change, then apply yours again.`,
    )
    expect((await read('maps', 'ja')).name).toBe('地図(A)')
    expect(await auditCount()).toBe(events)
    // Reloaded, the second editor's save goes through.
    const retried = await save('editor2', 'maps', 'ja', {
      name: '地図(B)',
      revision: copy.revision + 1,
    })
    expect(retried.status).toBe(200)
    expect(retried.body.doc).toMatchObject({ name: '地図(B)', revision: copy.revision + 2 })
  })

  it('If-Match carries the revision too (quoted or not); a stale one is refused', async () => {
    const { revision } = await read('analytics', 'ja')
    expect(
      (
        await save(
          'editor',
          'analytics',
          'ja',
          { name: '分析(1)' },
          { 'If-Match': `"${revision - 1}"` },
        )
      ).status,
    ).toBe(409)
    expect(
      (
        await save(
          'editor',
          'analytics',
          'ja',
          { name: '分析(1)' },
          { 'If-Match': `"${revision}"` },
        )
      ).status,
    ).toBe(200)
    expect(
      (
        await save(
          'editor',
          'analytics',
          'ja',
          { name: '分析(2)' },
          { 'If-Match': String(revision + 1) },
        )
      ).status,
    ).toBe(200)
    expect((await read('analytics', 'ja')).name).toBe('分析(2)')
  })

  it('a client that names no revision still saves (last write wins), and the counter moves on', async () => {
    const { revision } = await read('support', 'ja')
    const saved = await save('editor', 'support', 'ja', { name: 'サポート(改)' })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.revision).toBe(revision + 1)
  })

  it('revisions are per locale: a translation saved in en does not make a ja copy stale', async () => {
    const ja = await read('marketing', 'ja')
    const en = await read('marketing', 'en')
    expect(
      (await save('translatorEn', 'marketing', 'en', { name: 'Marketing', revision: en.revision }))
        .status,
    ).toBe(200)
    expect(
      (
        await save('editor', 'marketing', 'ja', {
          name: 'マーケティング(改)',
          revision: ja.revision,
        })
      ).status,
    ).toBe(200)
  })

  it('GraphQL and the partners page follow the same rule', async () => {
    const id = await categoryIdByKey(own.api, 'sms-providers')
    const { revision } = await read('sms-providers', 'ja')
    const token = await own.api.login('editor')
    const stale = await own.api.graphql(
      `mutation { updatePartnerCategory(id: ${id}, locale: ja, data: { name: "SMS", revision: ${revision - 1} }) { name } }`,
      token,
    )
    expect(stale.body.errors?.[0]?.message).toMatch(
      /^Someone else saved this ja content since you opened it/,
    )
    expect(stale.body.errors?.[0]?.extensions?.statusCode).toBe(409)
    const current = await own.api.graphql(
      `mutation { updatePartnerCategory(id: ${id}, locale: ja, data: { name: "SMS", revision: ${revision} }) { name revision } }`,
      token,
    )
    expect(current.body.data).toEqual({
      updatePartnerCategory: { name: 'SMS', revision: revision + 1 },
    })

    const page = (
      await own.api.request<{ revision: number }>('/api/globals/partners-page?locale=en', { token })
    ).body
    const saved = await own.api.request('/api/globals/partners-page?locale=en', {
      method: 'POST',
      token,
      json: { title: 'Partners', revision: page.revision },
    })
    expect(saved.status).toBe(200)
    const refused = await own.api.request<Problem>('/api/globals/partners-page?locale=en', {
      method: 'POST',
      token,
      json: { title: 'Our partners', revision: page.revision },
    })
    expect(refused.status).toBe(409)
    expect(
      (await own.api.request<{ title: string }>('/api/globals/partners-page?locale=en', { token }))
        .body.title,
    ).toBe('Partners')
  })
})
