import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { runScript } from '@support/server.mjs'

/**
 * Every write route Payload opens on reviewed content either passes the workflow's one choke point
 * (tracked: the locales it changes go back to draft, their writer becomes their editor, an audit
 * event is written) or is refused with 403. REST and GraphQL, as each role.
 */

type WorkflowView = {
  state: string
  approvedHash: string | null
  youEditedSinceApproval: boolean
  lastAction: { action: string; by: string; fields?: string[] } | null
  history: Array<{ action: string; from: string | null; to: string | null; reason: string | null }>
}
type Category = {
  id: number
  key: string
  name: string | null
  icon: string | null
  retired: boolean | null
  order: number
}
type Problem = { errors?: Array<{ message: string }> }

const own = useIsolatedServer('write-routes')
const api = () => own.api
const token = (name: TestUserName) => api().login(name)

const categoryPath = (id: number) => `/api/partner-categories/${id}`

const view = async (id: number | 'page', locale: string, as: TestUserName = 'editor') =>
  (
    await api().request<WorkflowView>(
      `${id === 'page' ? '/api/globals/partners-page' : categoryPath(id)}/workflow?locale=${locale}`,
      { token: await token(as) },
    )
  ).body

const act = async (name: TestUserName, id: number | 'page', body: Record<string, unknown>) =>
  api().request<Problem & { state?: string }>(
    `${id === 'page' ? '/api/globals/partners-page' : categoryPath(id)}/workflow`,
    {
      method: 'POST',
      token: await token(name),
      json: body,
    },
  )

const category = async (key: string, locale = 'ja') => {
  const { body } = await api().request<{ docs: Category[] }>(
    `/api/partner-categories?where[key][equals]=${key}&locale=${locale}`,
    {
      token: await token('admin'),
    },
  )
  const doc = body.docs[0]
  if (!doc) throw new Error(`no category ${key}`)
  return doc
}

const auditTotal = async () =>
  (
    await api().request<{ totalDocs: number }>('/api/audit-events?limit=1', {
      token: await token('admin'),
    })
  ).body.totalDocs

const graphqlAs = async <T = unknown>(
  name: TestUserName | null,
  query: string,
  variables?: Record<string, unknown>,
) => api().graphql<T>(query, name ? await token(name) : undefined, variables)

/** Approves ja of a document with nobody's edits pending: submit by one editor, approval by the reviewer. */
const approveJa = async (id: number) => {
  expect((await act('editor2', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
  expect((await act('reviewer', id, { action: 'approve', locale: 'ja' })).status).toBe(200)
}

describe('shared fields (key, icon, order, retired) belong to the source locale', () => {
  it.each([
    ['REST', 'maps'],
    ['GraphQL', 'analytics'],
  ])(
    'over %s, an admin retiring a category with locale=en revokes ja, becomes a ja editor and cannot approve it',
    async (route, key) => {
      const before = await category(key)
      expect((await view(before.id, 'ja')).state).toBe('published')
      const audits = await auditTotal()
      if (route === 'REST') {
        const result = await api().request(`${categoryPath(before.id)}?locale=en`, {
          method: 'PATCH',
          token: await token('admin'),
          json: { retired: true },
        })
        expect(result.status).toBe(200)
      } else {
        const result = await graphqlAs(
          'admin',
          `mutation { updatePartnerCategory(id: ${before.id}, locale: en, data: { retired: true }) { id retired } }`,
        )
        expect(result.body.errors).toBeUndefined()
      }
      const ja = await view(before.id, 'ja', 'admin')
      expect(ja.state).toBe('draft')
      expect(ja.youEditedSinceApproval).toBe(true)
      expect(ja.lastAction).toMatchObject({ action: 'edit', fields: ['retired'] })
      expect(ja.history[0]).toMatchObject({
        action: 'edit',
        from: 'published',
        to: 'draft',
        reason: 'approval revoked by an edit',
      })
      expect(await auditTotal()).toBe(audits + 1)
      expect((await view(before.id, 'en')).history).toEqual([])

      expect((await act('editor', before.id, { action: 'submit', locale: 'ja' })).status).toBe(200)
      const selfApproval = await act('admin', before.id, { action: 'approve', locale: 'ja' })
      expect(selfApproval.status).toBe(403)
      expect(selfApproval.body.errors?.[0]?.message).toMatch(/Four-eyes/)
      expect((await act('reviewer', before.id, { action: 'approve', locale: 'ja' })).status).toBe(
        200,
      )
    },
  )

  it('a legal editor changing the order through locale=fr revokes ja, not fr', async () => {
    const target = await category('marketing')
    const result = await api().request(`${categoryPath(target.id)}?locale=fr`, {
      method: 'PATCH',
      token: await token('editor'),
      json: { order: 50 },
    })
    expect(result.status).toBe(200)
    expect(await view(target.id, 'ja')).toMatchObject({
      state: 'draft',
      youEditedSinceApproval: true,
      lastAction: { fields: ['order'] },
    })
    expect((await view(target.id, 'fr')).history).toEqual([])
  })

  it('a translator changing one over REST or GraphQL gets 403 and nothing changes', async () => {
    const target = await category('support')
    const audits = await auditTotal()
    const rest = await api().request<Problem>(`${categoryPath(target.id)}?locale=en`, {
      method: 'PATCH',
      token: await token('translatorEn'),
      json: { icon: '🛑' },
    })
    expect(rest.status).toBe(403)
    expect(rest.body.errors?.[0]?.message).toMatch(/icon/)
    const gql = await graphqlAs(
      'translatorEn',
      `mutation { updatePartnerCategory(id: ${target.id}, locale: en, data: { retired: true }) { id } }`,
    )
    expect(gql.body.errors?.[0]?.message).toMatch(/retired/)
    expect(await category('support')).toMatchObject({ icon: target.icon, retired: target.retired })
    expect(await auditTotal()).toBe(audits)
  })
})

describe("Payload's version restore", () => {
  const versionOf = async (path: string, as: TestUserName = 'admin') => {
    const { body } = await api().request<{ docs: Array<{ id: number }> }>(
      `${path}?sort=createdAt&limit=1`,
      { token: await token(as) },
    )
    const first = body.docs[0]
    if (!first) throw new Error(`no version at ${path}`)
    return first.id
  }

  it.each<TestUserName | null>(['admin', 'editor', 'reviewer', 'translatorEn', null])(
    'is refused for %s over REST, for a category and the page, naming the alternative; nothing changes',
    async (name) => {
      const target = await category('bug-detection')
      const categoryVersion = await versionOf(`/api/partner-categories/versions`)
      const pageVersion = await versionOf('/api/globals/partners-page/versions')
      const audits = await auditTotal()
      for (const path of [
        `/api/partner-categories/versions/${categoryVersion}`,
        `/api/globals/partners-page/versions/${pageVersion}`,
      ]) {
        const result = await api().request<Problem>(path, {
          method: 'POST',
          token: name ? await token(name) : undefined,
        })
        if (name === null) {
          expect([401, 403]).toContain(result.status)
        } else {
          expect(result.status).toBe(403)
          expect(result.body.errors?.[0]?.message).toMatch(/restore-version/)
        }
      }
      expect(await category('bug-detection')).toEqual(target)
      expect(await auditTotal()).toBe(audits)
    },
  )

  it.each<TestUserName>(['admin', 'translatorEn'])(
    'is refused for %s over GraphQL, for a category and the page',
    async (name) => {
      const categoryVersion = await versionOf(`/api/partner-categories/versions`)
      const pageVersion = await versionOf('/api/globals/partners-page/versions')
      const audits = await auditTotal()
      const onCategory = await graphqlAs(
        name,
        `mutation { restoreVersionPartnerCategory(id: ${categoryVersion}) { id } }`,
      )
      expect(onCategory.body.errors?.[0]?.message).toMatch(/restore-version/)
      const onPage = await graphqlAs(
        name,
        `mutation { restoreVersionPartnersPage(id: ${pageVersion}) { title } }`,
      )
      expect(onPage.body.errors?.[0]?.message).toMatch(/restore-version/)
      expect(await auditTotal()).toBe(audits)
    },
  )
})

describe('restore-version: one locale of an earlier version, as a tracked edit', () => {
  const restore = async (name: TestUserName, id: number | 'page', body: unknown) =>
    api().request<Problem & { state?: string }>(
      `${id === 'page' ? '/api/globals/partners-page' : categoryPath(id)}/restore-version`,
      {
        method: 'POST',
        token: await token(name),
        json: body,
      },
    )
  const versions = async (id: number) =>
    (
      await api().request<{ docs: Array<{ id: number }> }>(
        `/api/partner-categories/versions?where[parent][equals]=${id}&sort=createdAt`,
        {
          token: await token('admin'),
        },
      )
    ).body.docs.map((doc) => doc.id)

  it('brings back the ja text of an earlier version as a draft by the restorer, who may then not approve it', async () => {
    const target = await category('sms-providers')
    const [original] = await versions(target.id)
    const edit = await api().request(`${categoryPath(target.id)}?locale=ja`, {
      method: 'PATCH',
      token: await token('editor'),
      json: { name: '書き換え' },
    })
    expect(edit.status).toBe(200)
    await approveJa(target.id)
    expect((await category('sms-providers')).name).toBe('書き換え')

    const restored = await restore('admin', target.id, { version: original, locale: 'ja' })
    expect(restored.status).toBe(200)
    expect(restored.body.state).toBe('draft')
    expect((await category('sms-providers')).name).toBe(target.name)
    const ja = await view(target.id, 'ja', 'admin')
    expect(ja).toMatchObject({ state: 'draft', youEditedSinceApproval: true })
    expect(ja.history[0]).toMatchObject({
      action: 'edit',
      from: 'approved',
      to: 'draft',
      reason: 'approval revoked by an edit',
    })
    expect((await act('editor', target.id, { action: 'submit', locale: 'ja' })).status).toBe(200)
    expect((await act('admin', target.id, { action: 'approve', locale: 'ja' })).status).toBe(403)
  })

  it('follows the rules of a save: a translator restores their locale only, a reviewer none', async () => {
    const target = await category('internal-tools')
    const en = async (name: string) =>
      api().request(`${categoryPath(target.id)}?locale=en`, {
        method: 'PATCH',
        token: await token('translatorEn'),
        json: { name },
      })
    expect((await en('Internal tools')).status).toBe(200)
    expect((await en('Tools')).status).toBe(200)
    const all = await versions(target.id)
    const withFirstEnglish = all[all.length - 2]
    const audits = await auditTotal()
    expect(
      (await restore('translatorEn', target.id, { version: all[0], locale: 'ja' })).status,
    ).toBe(403)
    expect(
      (await restore('translatorFrRu', target.id, { version: withFirstEnglish, locale: 'en' }))
        .status,
    ).toBe(403)
    expect(
      (await restore('reviewer', target.id, { version: withFirstEnglish, locale: 'en' })).status,
    ).toBe(403)
    expect(await auditTotal()).toBe(audits)

    const restored = await restore('translatorEn', target.id, {
      version: withFirstEnglish,
      locale: 'en',
    })
    expect(restored.status).toBe(200)
    expect((await category('internal-tools', 'en')).name).toBe('Internal tools')
    expect(await auditTotal()).toBe(audits + 1)
  })

  it('refuses bad input with 400/404/409 and changes nothing', async () => {
    const target = await category('cloud-platform')
    const [first] = await versions(target.id)
    const other = await category('maps')
    const [otherVersion] = await versions(other.id)
    const audits = await auditTotal()
    const cases: Array<[unknown, number, RegExp]> = [
      [[], 400, /JSON object/],
      [{ version: first }, 400, /locale/],
      [{ version: 'x y', locale: 'ja' }, 400, /version/],
      [{ version: first, locale: 'de' }, 400, /Unknown locale/],
      [{ version: first, locale: 'ja', extra: 1 }, 400, /extra/],
      [{ version: otherVersion, locale: 'ja' }, 404, /not a version of this/],
      [{ version: 999999, locale: 'ja' }, 404, /not a version of this/],
      [{ version: first, locale: 'ja' }, 409, /already matches/],
    ]
    for (const [body, status, message] of cases) {
      const result = await restore('editor', target.id, body)
      expect([result.status, result.body.errors?.[0]?.message]).toEqual([
        status,
        expect.stringMatching(message),
      ])
    }
    expect((await restore('editor', 999999, { version: first, locale: 'ja' })).status).toBe(404)
    expect(await auditTotal()).toBe(audits)
  })

  it('works for the page as well', async () => {
    const { body } = await api().request<{ docs: Array<{ id: number }> }>(
      '/api/globals/partners-page/versions?sort=createdAt&limit=1',
      {
        token: await token('admin'),
      },
    )
    const original = body.docs[0]?.id
    expect(
      (
        await api().request('/api/globals/partners-page?locale=ja', {
          method: 'POST',
          token: await token('editor'),
          json: { title: '取引先' },
        })
      ).status,
    ).toBe(200)
    const restored = await restore('editor2', 'page', { version: original, locale: 'ja' })
    expect(restored.status).toBe(200)
    const ja = await view('page', 'ja', 'editor2')
    expect(ja).toMatchObject({ state: 'draft', youEditedSinceApproval: true })
  })
})

describe('duplicate', () => {
  it.each(['REST', 'GraphQL'])(
    'over %s makes a new document whose every locale is a fresh draft by the duplicator',
    async (route) => {
      const source = await category('maps')
      expect(
        (
          await api().request(`${categoryPath(source.id)}?locale=en`, {
            method: 'PATCH',
            token: await token('translatorEn'),
            json: { name: 'Maps' },
          })
        ).status,
      ).toBe(200)
      const key = `maps-copy-${route.toLowerCase()}`
      let id: number
      if (route === 'REST') {
        const result = await api().request<{ doc: Category }>(
          `${categoryPath(source.id)}/duplicate?locale=ja`,
          {
            method: 'POST',
            token: await token('editor2'),
            json: { key },
          },
        )
        expect(result.status).toBe(200)
        id = result.body.doc.id
      } else {
        const result = await graphqlAs<{ duplicatePartnerCategory: { id: number } }>(
          'editor2',
          `mutation { duplicatePartnerCategory(id: ${source.id}, data: { key: "${key}", order: 77 }) { id } }`,
        )
        expect(result.body.errors).toBeUndefined()
        id = Number(result.body.data?.duplicatePartnerCategory.id)
      }
      expect(id).toBeGreaterThan(source.id)
      for (const locale of ['ja', 'en']) {
        const state = await view(id, locale, 'editor2')
        expect(state).toMatchObject({
          state: 'draft',
          approvedHash: null,
          youEditedSinceApproval: true,
        })
        expect(state.history).toEqual([
          expect.objectContaining({ action: 'edit', from: 'draft', to: 'draft', reason: null }),
        ])
      }
      expect((await view(id, 'fr', 'editor2')).history).toEqual([])
    },
  )

  it("the admin's Duplicate (no data) gives the copy a free key", async () => {
    const source = await category('marketing')
    const keys: string[] = []
    for (let copy = 0; copy < 2; copy += 1) {
      const result = await api().request<{ doc: Category }>(
        `${categoryPath(source.id)}/duplicate?locale=ja`,
        { method: 'POST', token: await token('editor') },
      )
      expect(result.status).toBe(200)
      keys.push(result.body.doc.key)
    }
    expect(keys).toEqual(['marketing-copy', 'marketing-copy-2'])
  })

  it('is refused to translators and reviewers', async () => {
    const source = await category('maps')
    for (const name of ['translatorEn', 'reviewer'] as const) {
      const result = await api().request(`${categoryPath(source.id)}/duplicate?locale=en`, {
        method: 'POST',
        token: await token(name),
        json: { key: `copy-${name.toLowerCase()}` },
      })
      expect(result.status).toBe(403)
    }
  })
})

describe('bulk update (PATCH with where)', () => {
  it('is tracked for every document and locale it touches', async () => {
    const targets = [await category('support'), await category('internal-tools')]
    const where = `where[key][in]=support,internal-tools`
    const result = await api().request<{ docs: Category[] }>(
      `/api/partner-categories?${where}&locale=fr`,
      {
        method: 'PATCH',
        token: await token('translatorFrRu'),
        json: { name: 'Nom' },
      },
    )
    expect(result.status).toBe(200)
    expect(result.body.docs).toHaveLength(2)
    for (const target of targets) {
      expect(await view(target.id, 'fr', 'translatorFrRu')).toMatchObject({
        state: 'draft',
        youEditedSinceApproval: true,
      })
    }
    const shared = await api().request<{ docs: Category[] }>(
      `/api/partner-categories?${where}&locale=en`,
      {
        method: 'PATCH',
        token: await token('editor'),
        json: { retired: true },
      },
    )
    expect(shared.status).toBe(200)
    for (const target of targets) {
      expect(await view(target.id, 'ja')).toMatchObject({
        state: 'draft',
        youEditedSinceApproval: true,
        lastAction: { fields: ['retired'] },
      })
    }
  })

  it('keeps the audit trail one unbroken chain (the documents of a bulk update are recorded in turn)', async () => {
    const verified = await runScript('src/cli/auditVerify.ts', [], { KAIJI_DATA_DIR: own.dataDir })
    expect(verified.stderr).toBe('')
    expect(verified.code).toBe(0)
  })

  it('is all or nothing: one document refused (here a duplicate key) leaves every document as it was', async () => {
    const before = [await category('support'), await category('internal-tools')]
    const audits = await auditTotal()
    const result = await api().request<Problem>(
      '/api/partner-categories?where[key][in]=support,internal-tools&locale=ja',
      {
        method: 'PATCH',
        token: await token('editor'),
        json: { key: 'one-key-for-two' },
      },
    )
    expect(result.status).toBe(400)
    expect(result.body.errors?.[0]?.message).toMatch(/^Nothing was changed: id \d+: /)
    expect([await category('support'), await category('internal-tools')]).toEqual(before)
    expect(await auditTotal()).toBe(audits)
  })

  it('by a translator into the source locale is refused and changes nothing', async () => {
    const audits = await auditTotal()
    const result = await api().request(
      `/api/partner-categories?where[key][in]=support,maps&locale=ja`,
      {
        method: 'PATCH',
        token: await token('translatorEn'),
        json: { name: '乗っ取り' },
      },
    )
    expect(result.status).toBe(403)
    expect((await category('maps')).name).not.toBe('乗っ取り')
    expect(await auditTotal()).toBe(audits)
  })
})

describe('identity is never reused', () => {
  const create = async (key: string) => {
    const result = await api().request<{ doc: Category }>('/api/partner-categories?locale=ja', {
      method: 'POST',
      token: await token('editor'),
      json: { key, order: 90, name: key },
    })
    expect(result.status).toBe(201)
    return result.body.doc.id
  }

  it('a deleted draft category closes its workflow rows; the next category gets a new id and nothing of it', async () => {
    const first = await create('short-lived')
    expect((await act('editor', first, { action: 'submit', locale: 'ja' })).status).toBe(200)
    const deleted = await api().request(categoryPath(first), {
      method: 'DELETE',
      token: await token('admin'),
    })
    expect(deleted.status).toBe(200)
    const { body: rows } = await api().request<{ totalDocs: number }>(
      `/api/workflow-states?where[subject][equals]=partner-categories:${first}`,
      {
        token: await token('admin'),
      },
    )
    expect(rows.totalDocs).toBe(0)
    const { body: trail } = await api().request<{
      docs: Array<{ action: string; locale: string }>
    }>(`/api/audit-events?where[subject][equals]=partner-categories:${first}&sort=-id&limit=1`, {
      token: await token('admin'),
    })
    expect(trail.docs[0]).toMatchObject({ action: 'delete', locale: 'ja' })

    const second = await create('successor')
    expect(second).toBeGreaterThan(first)
    const ja = await view(second, 'ja')
    expect(ja.history).toHaveLength(1)
    expect(ja).toMatchObject({ state: 'draft', approvedHash: null })
  })

  it('a category that was ever approved cannot be deleted (REST or GraphQL): it is retired instead', async () => {
    const target = await category('cloud-platform')
    const rest = await api().request<Problem>(categoryPath(target.id), {
      method: 'DELETE',
      token: await token('admin'),
    })
    expect(rest.status).toBe(403)
    expect(rest.body.errors?.[0]?.message).toMatch(/retire it instead/)
    const gql = await graphqlAs(
      'admin',
      `mutation { deletePartnerCategory(id: ${target.id}) { id } }`,
    )
    expect(gql.body.errors?.[0]?.message).toMatch(/retire it instead/)
    expect((await category('cloud-platform')).id).toBe(target.id)
  })

  it('a bulk delete that names an approved category deletes nothing', async () => {
    const draft = await create('bulk-draft')
    const result = await api().request<Problem>(
      '/api/partner-categories?where[key][in]=bulk-draft,analytics',
      { method: 'DELETE', token: await token('admin') },
    )
    expect(result.status).toBe(400)
    expect(result.body.errors?.[0]?.message).toMatch(/^Nothing was deleted: .*retire it instead/)
    expect((await category('analytics')).key).toBe('analytics')
    expect((await category('bulk-draft')).id).toBe(draft)
  })

  it('a new user never gets a deleted user’s id', async () => {
    const adminToken = await token('admin')
    const make = async (email: string) => {
      const result = await api().request<{ doc: { id: number } }>('/api/users', {
        method: 'POST',
        token: adminToken,
        json: { email, password: 'Another-Passw0rd-Here', role: 'legal-editor' },
      })
      expect(result.status).toBe(201)
      return result.body.doc.id
    }
    const gone = await make('gone@kaiji.test')
    expect(
      (await api().request(`/api/users/${gone}`, { method: 'DELETE', token: adminToken })).status,
    ).toBe(200)
    expect(await make('next@kaiji.test')).toBeGreaterThan(gone)
  })
})
