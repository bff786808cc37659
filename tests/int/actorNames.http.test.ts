import {
  approveChange,
  categoryIdByKey,
  editContent,
  publicGet,
  releaseAction,
  workflowAction,
} from '@support/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { TEST_USERS } from '@support/testUsers.mjs'

/**
 * People see names: everyone but an administrator reads colleagues' display names (or role and id
 * for a user with no name) in the workflow, releases and the preview, over REST and GraphQL; an
 * administrator reads names and emails. The public sees neither.
 */

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('actor-names')
  api = server.client
}, 120_000)
afterAll(async () => server?.stop())

const NON_ADMINS = [
  'editor',
  'editor2',
  'reviewer',
  'translatorEn',
  'translatorFrRu',
] as const satisfies readonly TestUserName[]
const EMAILS = Object.values(TEST_USERS).map((user) => user.email)
const NAMES: Partial<Record<TestUserName, string>> = { reviewer: 'Rei Tanaka', editor2: 'Eri Sato' }

const userId = async (name: TestUserName): Promise<number> => {
  const { body } = await api.request<{ docs: Array<{ id: number }> }>(
    `/api/users?where[email][equals]=${encodeURIComponent(TEST_USERS[name].email)}`,
    { token: await api.login('admin') },
  )
  const id = body.docs[0]?.id
  if (!id) throw new Error(`no user ${name}`)
  return id
}

let mapsId = 0
let editorId = 0

beforeAll(async () => {
  for (const [name, displayName] of Object.entries(NAMES) as Array<[TestUserName, string]>) {
    const renamed = await api.request(`/api/users/${await userId(name)}`, {
      method: 'PATCH',
      token: await api.login('admin'),
      json: { name: displayName },
    })
    expect(renamed.status).toBe(200)
  }
  editorId = await userId('editor')
  mapsId = await categoryIdByKey(api, 'maps')
  // The nameless editor changes a category and Eri the page; Rei approves both and publishes them.
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(改)' } })
  await approveChange(api, {
    subject: 'page',
    locale: 'ja',
    data: { title: 'パートナー' },
    editor: 'editor2',
  })
  const published = await releaseAction(api, 'publish', {
    locale: 'ja',
    summary: 'Names',
    changeType: 'editorial',
  })
  expect(published.status).toBe(201)
  // A translator submits English; the administrator sends it back.
  await editContent(api, {
    subject: 'maps',
    locale: 'en',
    data: { name: 'Maps' },
    editor: 'translatorEn',
  })
  await workflowAction(api, 'maps', 'en', 'submit', 'translatorEn')
  const sentBack = await api.request(`/api/partner-categories/${mapsId}/workflow`, {
    method: 'POST',
    token: await api.login('admin'),
    json: { action: 'request-changes', locale: 'en', reason: 'Use the glossary' },
  })
  expect(sentBack.status).toBe(200)
}, 120_000)

type Answer = { what: string; status: number; text: string }

/** The text around the first `@`, to show where an address leaked; null when there is none. */
const aroundAt = (text: string): string | null => {
  const at = text.indexOf('@')
  return at < 0 ? null : text.slice(Math.max(0, at - 120), at + 40)
}

/** Every answer that names people: workflow views, releases and workflow rows over REST and GraphQL, the preview. */
const answersFor = async (who: TestUserName): Promise<Answer[]> => {
  const token = await api.login(who)
  const { body: releases } = await api.request<{ docs: Array<{ id: number }> }>(
    '/api/releases?limit=100',
    { token },
  )
  const { body: rows } = await api.request<{ docs: Array<{ id: number }> }>(
    '/api/workflow-states?limit=200',
    { token },
  )
  const rest = [
    `/api/partner-categories/${mapsId}/workflow?locale=ja`,
    `/api/partner-categories/${mapsId}/workflow?locale=en`,
    '/api/globals/partners-page/workflow?locale=ja',
    '/api/releases?limit=100',
    `/api/releases/${releases.docs[0]?.id}`,
    '/api/workflow-states?limit=200',
    `/api/workflow-states/${rows.docs[0]?.id}`,
    '/api/releases/preview?locale=ja',
    '/api/releases/preview?locale=en',
  ]
  const answers: Answer[] = []
  for (const path of rest) {
    const { status, text } = await api.request(path, { token })
    answers.push({ what: `GET ${path}`, status, text })
  }
  const queries = [
    '{ Releases(limit: 100) { docs { publishedBy approvers sources } } }',
    `{ Release(id: ${releases.docs[0]?.id}) { publishedBy approvers sources } }`,
    '{ WorkflowStates(limit: 200) { docs { key approvedBy lastAction } } }',
    `{ WorkflowState(id: ${rows.docs[0]?.id}) { approvedBy lastAction } }`,
  ]
  for (const query of queries) {
    const { status, text } = await api.graphql(query, token)
    answers.push({ what: `GraphQL ${query}`, status, text })
  }
  return answers
}

describe('who sees whose email', () => {
  it.each(NON_ADMINS)(
    '%s sees no email address in any answer that names people (REST, GraphQL, preview)',
    async (who) => {
      for (const answer of await answersFor(who)) {
        expect({ what: answer.what, status: answer.status }).toEqual({
          what: answer.what,
          status: 200,
        })
        expect({ what: answer.what, leak: aroundAt(answer.text) }).toEqual({
          what: answer.what,
          leak: null,
        })
      }
    },
  )

  it('a non-admin sees display names, or role and id for a user without a name', async () => {
    const token = await api.login('translatorEn')
    const ja = (
      await api.request<{ approvedBy: string; history: Array<{ action: string; actor: string }> }>(
        `/api/partner-categories/${mapsId}/workflow?locale=ja`,
        { token },
      )
    ).body
    expect(ja.approvedBy).toBe('Rei Tanaka (legal-reviewer)')
    const rei = 'Rei Tanaka (legal-reviewer)'
    const editor = `legal-editor #${editorId}`
    const actions = ja.history.map((event) => [event.action, event.actor])
    expect(actions).toEqual(
      expect.arrayContaining([
        ['publish', rei],
        ['approve', rei],
        ['submit', editor],
        ['edit', editor],
      ]),
    )
    for (const [, actor] of actions)
      expect([rei, editor, 'seed import (first start)']).toContain(actor)
    const en = (
      await api.request<{ lastAction: { by: string } }>(
        `/api/partner-categories/${mapsId}/workflow?locale=en`,
        { token },
      )
    ).body
    expect(en.lastAction.by).toBe(`admin #${await userId('admin')}`)
    const page = (
      await api.request<{ history: Array<{ action: string; actor: string }> }>(
        '/api/globals/partners-page/workflow?locale=ja',
        { token },
      )
    ).body
    expect(page.history.find((event) => event.action === 'submit')?.actor).toBe(
      'Eri Sato (legal-editor)',
    )

    const release = (
      await api.request<{
        docs: Array<{ number: number; publishedBy: string; approvers: string[] }>
      }>('/api/releases?where[locale][equals]=ja&sort=-number', { token })
    ).body.docs[0]
    expect(release).toMatchObject({ number: 2, publishedBy: 'Rei Tanaka (legal-reviewer)' })
    expect(release?.approvers).toEqual(
      expect.arrayContaining(['Rei Tanaka (legal-reviewer)', 'seed import (first start)']),
    )
    const preview = (
      await api.request<{ current: { publishedBy: string; approvers: string[] } }>(
        '/api/releases/preview?locale=ja',
        { token },
      )
    ).body
    expect(preview.current.publishedBy).toBe('Rei Tanaka (legal-reviewer)')
    const graphql = await api.graphql<{ Releases: { docs: Array<{ publishedBy: string }> } }>(
      '{ Releases(where: { locale: { equals: ja } }, sort: "-number") { docs { publishedBy } } }',
      token,
    )
    expect(graphql.body.data?.Releases.docs[0]?.publishedBy).toBe('Rei Tanaka (legal-reviewer)')
  })

  it('the workflow answer to an action names its actor without the email too', async () => {
    await editContent(api, {
      subject: 'maps',
      locale: 'en',
      data: { name: 'Maps and places' },
      editor: 'translatorEn',
    })
    const submitted = await api.request<{ lastAction: { by: string } }>(
      `/api/partner-categories/${mapsId}/workflow`,
      {
        method: 'POST',
        token: await api.login('translatorEn'),
        json: { action: 'submit', locale: 'en' },
      },
    )
    expect(submitted.status).toBe(200)
    expect(submitted.body.lastAction.by).toBe(`translator #${await userId('translatorEn')}`)
  })

  it('an administrator sees names and emails in the same answers', async () => {
    const answers = await answersFor('admin')
    for (const answer of answers)
      expect({ what: answer.what, status: answer.status }).toEqual({
        what: answer.what,
        status: 200,
      })
    const all = answers.map((answer) => answer.text).join('\n')
    for (const email of [
      TEST_USERS.editor.email,
      TEST_USERS.editor2.email,
      TEST_USERS.reviewer.email,
      TEST_USERS.translatorEn.email,
      TEST_USERS.admin.email,
    ]) {
      expect(all).toContain(email)
    }
    const token = await api.login('admin')
    const ja = (
      await api.request<{ approvedBy: string }>(
        `/api/partner-categories/${mapsId}/workflow?locale=ja`,
        { token },
      )
    ).body
    expect(ja.approvedBy).toMatch(/^Rei Tanaka <reviewer@kaiji\.test> \(legal-reviewer #\d+\)$/)
    const release = (
      await api.request<{ docs: Array<{ publishedBy: string }> }>(
        '/api/releases?where[locale][equals]=ja&sort=-number',
        { token },
      )
    ).body.docs[0]
    expect(release?.publishedBy).toMatch(
      /^Rei Tanaka <reviewer@kaiji\.test> \(legal-reviewer #\d+\)$/,
    )
    // The trail keeps what it stored: its chain still verifies over the labels with emails.
    const events = (
      await api.request<{ docs: Array<{ actorLabel: string }> }>('/api/audit-events?limit=500', {
        token,
      })
    ).body.docs
    expect(events.map((event) => event.actorLabel)).toEqual(
      expect.arrayContaining([expect.stringContaining(TEST_USERS.editor.email)]),
    )
  })
})

describe('nobody but an administrator may search the stored labels', () => {
  const REST_QUERIES = [
    '/api/workflow-states?where[approvedBy][like]=reviewer%40',
    '/api/workflow-states?where[or][0][lastAction.by][contains]=%40kaiji',
    '/api/workflow-states?sort=-approvedBy',
    '/api/releases?where[publishedBy][like]=rei',
    '/api/releases?where[and][0][locale][equals]=ja&where[and][1][approvers][like]=%40',
    '/api/releases?sort=publishedBy',
    '/api/releases?where[sources][like]=%40',
    '/api/releases/count?where[publishedBy][like]=%40',
  ]
  const GRAPHQL_QUERIES = [
    '{ WorkflowStates(where: { approvedBy: { like: "reviewer@" } }) { docs { id } } }',
    '{ Releases(where: { publishedBy: { contains: "@kaiji" } }) { docs { id } } }',
    '{ Releases(sort: "approvers") { docs { id } } }',
  ]

  it.each(NON_ADMINS)('%s: 403 naming the field over REST and GraphQL', async (who) => {
    const token = await api.login(who)
    for (const path of REST_QUERIES) {
      const { status, body } = await api.request<{ errors?: Array<{ message: string }> }>(path, {
        token,
      })
      expect({ path, status }).toEqual({ path, status: 403 })
      expect(body.errors?.[0]?.message).toMatch(
        /^Only administrators may filter, sort or group by (approvedBy|lastAction|publishedBy|approvers|sources):/,
      )
    }
    for (const query of GRAPHQL_QUERIES) {
      const { body } = await api.graphql(query, token)
      expect({
        query,
        message: body.errors?.[0]?.message,
        status: body.errors?.[0]?.extensions?.statusCode,
      }).toEqual({
        query,
        message: expect.stringMatching(/^Only administrators may filter, sort or group by/),
        status: 403,
      })
      expect(JSON.stringify(body.data ?? null)).not.toContain('"docs"')
    }
  })

  it('an administrator may', async () => {
    const token = await api.login('admin')
    for (const path of REST_QUERIES)
      expect({ path, status: (await api.request(path, { token })).status }).toEqual({
        path,
        status: 200,
      })
    const found = await api.request<{ totalDocs: number }>(
      '/api/releases?where[publishedBy][like]=reviewer%40kaiji',
      { token },
    )
    expect(found.body.totalDocs).toBe(1)
    for (const query of GRAPHQL_QUERIES)
      expect((await api.graphql(query, token)).body.errors).toBeUndefined()
  })
})

describe('the public', () => {
  it('sees no name and no email in any public representation of a release', async () => {
    const paths = [
      '/content/v1/partners/ja',
      '/content/v1/partners/ja/releases',
      '/content/v1/partners/ja/releases/2',
      '/content/v1/partners/ja/releases/1/diff/2',
      '/content/v1/partners/ja/upcoming',
      '/partners/ja',
      '/partners/ja/history',
      '/partners/ja/releases/2',
      '/partners/ja/diff/1/2',
      '/partners/ja/feed.atom',
      '/partners/ja.json',
      '/partners/ja.csv',
    ]
    for (const path of paths) {
      const { status, text } = await publicGet(api, path)
      expect({ path, status }).toEqual({ path, status: 200 })
      for (const leak of [...EMAILS, 'Rei Tanaka', 'legal-reviewer #', 'legal-editor #'])
        expect({ path, leak, found: text.includes(leak) }).toEqual({ path, leak, found: false })
    }
  })
})
