import type { ApiClient, TestUserName } from '../helpers/http'
import { categoryIdByKey } from '@support/contentChanges'
import { startIsolatedServer } from '@support/testServer'

type WorkflowView = {
  state: string
  contentHash: string
  approvedHash: string | null
  approvedBy: string | null
  changedSinceApproval: boolean
  lastAction: { action: string; reason: string | null; by: string } | null
  history: Array<{
    action: string
    from: string | null
    to: string | null
    reason: string | null
    actor: string
  }>
  redline: Array<{ field: string; before: string | null; after: string | null }>
}
type Category = { id: number; key: string; name: string | null; reviewState: string | null }

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('workflow')
  api = server.client
}, 120_000)
afterAll(async () => server?.stop())

const token = (name: TestUserName) => api.login(name)

const act = async (name: TestUserName | null, id: number | 'page', body: unknown) =>
  api.request<{ state?: string; errors?: Array<{ message: string }> }>(
    id === 'page'
      ? '/api/globals/partners-page/workflow'
      : `/api/partner-categories/${id}/workflow`,
    { method: 'POST', token: name ? await token(name) : undefined, json: body },
  )

const view = async (id: number | 'page', locale = 'ja') =>
  (
    await api.request<WorkflowView>(
      `${id === 'page' ? '/api/globals/partners-page/workflow' : `/api/partner-categories/${id}/workflow`}?locale=${locale}`,
      { token: await token('editor') },
    )
  ).body

const auditCount = async () =>
  (
    await api.request<{ totalDocs: number }>('/api/audit-events?limit=1', {
      token: await token('admin'),
    })
  ).body.totalDocs

const categoryId = (key: string) => categoryIdByKey(api, key)

const editName = async (name: TestUserName, id: number, value: string, locale = 'ja') => {
  const result = await api.request(`/api/partner-categories/${id}?locale=${locale}`, {
    method: 'PATCH',
    token: await token(name),
    json: { name: value },
  })
  expect(result.status).toBe(200)
}

let created = 0
/** A new category (made by the editor, so it starts in draft with the editor as its editor). */
const newCategory = async (): Promise<number> => {
  created += 1
  const { status, body } = await api.request<{ doc: Category }>(
    '/api/partner-categories?locale=ja',
    {
      method: 'POST',
      token: await token('editor'),
      json: { key: `matrix-${created}`, order: 100 + created, name: `行列 ${created}` },
    },
  )
  expect(status).toBe(201)
  return body.doc.id
}

const driveTo = async (id: number, state: string) => {
  if (state === 'draft') return
  expect((await act('editor', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
  if (state === 'changes_requested')
    expect(
      (await act('reviewer', id, { action: 'request-changes', locale: 'ja', reason: 'r' })).status,
    ).toBe(200)
  if (state === 'approved')
    expect((await act('reviewer', id, { action: 'approve', locale: 'ja' })).status).toBe(200)
}

describe('the imported source', () => {
  it('is approved in ja by the import and published as release 1, with audit events; other locales are drafts', async () => {
    const id = await categoryId('maps')
    const ja = await view(id)
    expect(ja.state).toBe('published')
    expect(ja.approvedHash).toBe(ja.contentHash)
    expect(ja.approvedBy).toBe('seed import (first start)')
    expect(ja.history).toEqual([
      expect.objectContaining({
        action: 'publish',
        from: 'approved',
        to: 'published',
        reason: 'published in release 1',
      }),
      expect.objectContaining({
        action: 'import',
        to: 'approved',
        actor: 'seed import (first start)',
      }),
    ])
    expect((await view(id, 'en')).state).toBe('draft')
    expect((await view('page')).state).toBe('published')
  })
})

describe('bad requests change nothing', () => {
  it.each([
    ['an unknown action', { action: 'publish', locale: 'ja' }, 400, /Unknown action "publish"/],
    ['an unknown locale', { action: 'submit', locale: 'de' }, 400, /Unknown locale "de"/],
    ['a missing locale', { action: 'submit' }, 400, /Unknown locale undefined/],
    [
      'request-changes without a reason',
      { action: 'request-changes', locale: 'ja' },
      400,
      /needs a reason/,
    ],
    ['a non-object body', ['submit'], 400, /must be a JSON object/],
    [
      'an oversized reason',
      { action: 'request-changes', locale: 'ja', reason: 'x'.repeat(2001) },
      400,
      /at most 2000 characters/,
    ],
    [
      'an unknown field (a misspelt hash is never ignored)',
      { action: 'approve', locale: 'ja', contenthash: 'a'.repeat(64) },
      400,
      /Unknown field "contenthash"; send only action, locale, reason, contentHash/,
    ],
    [
      'a content hash that is not a hash',
      { action: 'approve', locale: 'ja', contentHash: 'latest' },
      400,
      /contentHash must be the 64 lowercase hexadecimal characters/,
    ],
  ])('%s', async (_label, body, status, message) => {
    const id = await categoryId('analytics')
    const before = { state: (await view(id)).state, events: await auditCount() }
    const result = await act('reviewer', id, body)
    expect(result.status).toBe(status)
    expect(result.body.errors?.[0]?.message).toMatch(message)
    expect({ state: (await view(id)).state, events: await auditCount() }).toEqual(before)
  })

  it('an unknown document is 404, an anonymous caller 401', async () => {
    const missing = await act('reviewer', 99_999, { action: 'approve', locale: 'ja' })
    expect(missing.status).toBe(404)
    expect(missing.body.errors?.[0]?.message).toMatch(
      /No partner-categories document with id "99999"/,
    )
    const anonymous = await act(null, await categoryId('analytics'), {
      action: 'approve',
      locale: 'ja',
    })
    expect(anonymous.status).toBe(401)
    expect(
      (
        await api.request(
          `/api/partner-categories/${await categoryId('analytics')}/workflow?locale=ja`,
        )
      ).status,
    ).toBe(401)
  })
})

describe('role × action × state over HTTP (ja)', () => {
  const STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const
  /** Expected status for each actor and action, by starting state; nobody here edited the document. */
  type Row = Record<(typeof STATES)[number], number>
  const REFUSED: Row = { draft: 403, in_review: 403, changes_requested: 403, approved: 403 }
  /** Reviewers and admins have the same rights here: approve or request changes, from in_review only. */
  const REVIEWING: Record<string, Row> = {
    submit: REFUSED,
    withdraw: REFUSED,
    approve: { draft: 409, in_review: 200, changes_requested: 409, approved: 409 },
    'request-changes': { draft: 409, in_review: 200, changes_requested: 409, approved: 409 },
  }
  const EXPECTED: Record<string, Record<string, Row>> = {
    editor2: {
      submit: { draft: 200, in_review: 409, changes_requested: 200, approved: 409 },
      withdraw: { draft: 409, in_review: 200, changes_requested: 409, approved: 409 },
      approve: REFUSED,
      'request-changes': REFUSED,
    },
    reviewer: REVIEWING,
    admin: REVIEWING,
    // ja is not a translator's locale: refused whatever the state.
    translatorEn: {
      submit: REFUSED,
      withdraw: REFUSED,
      approve: REFUSED,
      'request-changes': REFUSED,
    },
  }
  const TO: Record<string, string> = {
    submit: 'in_review',
    withdraw: 'draft',
    approve: 'approved',
    'request-changes': 'changes_requested',
  }
  const cases = Object.entries(EXPECTED).flatMap(([actor, actions]) =>
    Object.entries(actions).flatMap(([action, byState]) =>
      STATES.map((state) => [actor, action, state, byState[state]] as const),
    ),
  )

  it.each(cases)('%s %s from %s → %i', async (actor, action, state, status) => {
    const id = await newCategory()
    await driveTo(id, state)
    const events = await auditCount()
    const result = await act(actor as TestUserName, id, { action, locale: 'ja', reason: 'matrix' })
    expect(result.status).toBe(status)
    const after = await view(id)
    if (status === 200) {
      expect(after.state).toBe(TO[action])
      expect(await auditCount()).toBe(events + 1)
      expect(after.history[0]).toMatchObject({ action, from: state, to: TO[action] })
    } else {
      expect(result.body.errors?.[0]?.message).toEqual(expect.any(String))
      expect(after.state).toBe(state)
      expect(await auditCount()).toBe(events)
    }
  })
})

describe('the workflow in use', () => {
  it('an edit revokes that locale only, four-eyes holds, approval pins the content', async () => {
    const id = await categoryId('marketing')
    await editName('translatorEn', id, 'Marketing', 'en')
    expect((await view(id)).state).toBe('published')
    expect((await view(id, 'en')).state).toBe('draft')

    await editName('editor', id, 'マーケティング(改訂)')
    const revoked = await view(id)
    expect(revoked.state).toBe('draft')
    expect(revoked.history[0]).toMatchObject({
      action: 'edit',
      from: 'published',
      to: 'draft',
      reason: 'approval revoked by an edit',
    })
    expect(revoked.redline.find((field) => field.field === 'name')).toMatchObject({
      field: 'name',
      before: 'マーケティング',
      after: 'マーケティング(改訂)',
    })

    expect((await act('editor', id, { action: 'approve', locale: 'ja' })).status).toBe(403)
    expect((await act('editor', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
    const ownApproval = await act('editor', id, { action: 'approve', locale: 'ja' })
    expect(ownApproval.status).toBe(403)

    const changes = await act('reviewer', id, {
      action: 'request-changes',
      locale: 'ja',
      reason: '「改訂」は不要です',
    })
    expect(changes.status).toBe(200)
    const seenByEditor = await view(id)
    expect(seenByEditor.state).toBe('changes_requested')
    expect(seenByEditor.lastAction).toMatchObject({
      action: 'request-changes',
      reason: '「改訂」は不要です',
    })

    await editName('editor', id, 'マーケティング')
    expect((await act('editor', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
    expect((await act('reviewer', id, { action: 'approve', locale: 'ja' })).status).toBe(200)
    const approved = await view(id)
    expect(approved).toMatchObject({ state: 'approved', changedSinceApproval: false })

    await editName('editor', id, '広告')
    const edited = await view(id)
    expect(edited.changedSinceApproval).toBe(true)
    expect(edited.approvedHash).toBe(approved.approvedHash)
    expect(edited.redline.find((field) => field.field === 'name')).toMatchObject({
      before: 'マーケティング',
      after: '広告',
    })
  })

  it('an action names the text it decides on: a save since it was read is refused with 409', async () => {
    const id = await categoryId('cloud-platform')
    await editName('editor', id, 'クラウド(第1案)')
    expect((await act('editor', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
    const read = await view(id)
    // The editor withdraws, saves another wording and submits it again while the reviewer reads.
    expect((await act('editor', id, { action: 'withdraw', locale: 'ja' })).status).toBe(200)
    await editName('editor', id, 'クラウド(第2案)')
    expect((await act('editor', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
    const before = { view: await view(id), events: await auditCount() }

    const stale = await act('reviewer', id, {
      action: 'approve',
      locale: 'ja',
      contentHash: read.contentHash,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.errors?.[0]).toMatchObject({
      code: 'content-changed',
      message: expect.stringMatching(/saved again since you read it, so nothing was done/),
    })
    expect({ view: await view(id), events: await auditCount() }).toEqual(before)

    const current = await act('reviewer', id, {
      action: 'approve',
      locale: 'ja',
      contentHash: before.view.contentHash,
    })
    expect(current.status).toBe(200)
    expect((await view(id)).approvedHash).toBe(before.view.contentHash)
  })

  it('admins are held to four-eyes too', async () => {
    const id = await categoryId('support')
    await editName('admin', id, 'サポート(管理者)')
    expect((await act('editor', id, { action: 'submit', locale: 'ja' })).status).toBe(200)
    const result = await act('admin', id, { action: 'approve', locale: 'ja' })
    expect(result.status).toBe(403)
    expect(result.body.errors?.[0]?.message).toMatch(/^Four-eyes rule/)
    expect((await act('reviewer', id, { action: 'approve', locale: 'ja' })).status).toBe(200)
  })

  it('translators submit their own locale only', async () => {
    const id = await categoryId('sms-providers')
    await editName('translatorEn', id, 'SMS providers', 'en')
    expect((await act('translatorEn', id, { action: 'submit', locale: 'en' })).status).toBe(200)
    expect((await act('translatorFrRu', id, { action: 'withdraw', locale: 'en' })).status).toBe(403)
    expect((await act('translatorEn', id, { action: 'withdraw', locale: 'en' })).status).toBe(200)
  })

  it('the partners page has the same workflow', async () => {
    const editor = await token('editor')
    expect(
      (
        await api.request('/api/globals/partners-page?locale=ja', {
          method: 'POST',
          token: editor,
          json: { title: '取引先' },
        })
      ).status,
    ).toBe(200)
    expect((await view('page')).state).toBe('draft')
    expect((await act('editor', 'page', { action: 'submit', locale: 'ja' })).status).toBe(200)
    expect((await act('reviewer', 'page', { action: 'approve', locale: 'ja' })).status).toBe(200)
    expect((await view('page')).state).toBe('approved')
  })

  it('lists show the review state of the requested locale', async () => {
    const { body } = await api.request<{ docs: Category[] }>(
      '/api/partner-categories?locale=ja&where[key][equals]=bug-detection',
      {
        token: await token('reviewer'),
      },
    )
    expect(body.docs[0]?.reviewState).toBe('published')
  })
})

describe('workflow records are written only by the workflow', () => {
  it('REST refuses every write to workflow states and the audit trail, admins included', async () => {
    const admin = await token('admin')
    const { body } = await api.request<{ docs: Array<{ id: number }> }>(
      '/api/workflow-states?limit=1',
      { token: admin },
    )
    const stateId = body.docs[0]?.id
    const events = await api.request<{ docs: Array<{ id: number }> }>('/api/audit-events?limit=1', {
      token: admin,
    })
    const eventId = events.body.docs[0]?.id
    for (const [method, path, json] of [
      ['POST', '/api/workflow-states', { key: 'x', subject: 'x', locale: 'ja', state: 'approved' }],
      ['PATCH', `/api/workflow-states/${stateId}`, { state: 'approved' }],
      ['DELETE', `/api/workflow-states/${stateId}`, undefined],
      ['POST', '/api/audit-events', { action: 'approve' }],
      ['PATCH', `/api/audit-events/${eventId}`, { reason: 'rewritten' }],
      ['DELETE', `/api/audit-events/${eventId}`, undefined],
    ] as const) {
      expect([
        method,
        path,
        (await api.request(path, { method, token: admin, json })).status,
      ]).toEqual([method, path, 403])
    }
  })

  it('GraphQL refuses the same, and ordinary updates cannot set a review state', async () => {
    const admin = await token('admin')
    for (const mutation of [
      'mutation { createWorkflowState(data: { key: "x", subject: "x", locale: "ja", state: approved }) { id } }',
      'mutation { updateWorkflowState(id: 1, data: { state: approved }) { id } }',
      'mutation { deleteAuditEvent(id: 1) { id } }',
      'mutation { updateAuditEvent(id: 1, data: { reason: "x" }) { id } }',
    ]) {
      const { body } = await api.graphql(mutation, admin)
      expect(body.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    }
    const id = await categoryId('internal-tools')
    await api.request(`/api/partner-categories/${id}?locale=en`, {
      method: 'PATCH',
      token: admin,
      json: { reviewState: 'approved' },
    })
    expect((await view(id, 'en')).state).toBe('draft')
  })

  it('non-admins cannot read the audit trail', async () => {
    expect((await api.request('/api/audit-events', { token: await token('editor') })).status).toBe(
      403,
    )
    expect((await api.request('/api/audit-events')).status).toBe(403)
  })
})

describe('races', () => {
  it('two approvals in parallel: exactly one wins, one event is written', async () => {
    const id = await newCategory()
    await driveTo(id, 'in_review')
    const events = await auditCount()
    const results = await Promise.all([
      act('reviewer', id, { action: 'approve', locale: 'ja' }),
      act('admin', id, { action: 'approve', locale: 'ja' }),
    ])
    expect(results.map((result) => result.status).sort()).toEqual([200, 409])
    expect(await auditCount()).toBe(events + 1)
    expect((await view(id)).state).toBe('approved')
  })

  it('an approval racing an edit: the outcome is consistent with the trail', async () => {
    const id = await newCategory()
    await driveTo(id, 'in_review')
    const [approval] = await Promise.all([
      act('reviewer', id, { action: 'approve', locale: 'ja' }),
      api.request(`/api/partner-categories/${id}?locale=ja`, {
        method: 'PATCH',
        token: await token('editor2'),
        json: { name: '競合' },
      }),
    ])
    const final = await view(id)
    expect(final.state).toBe(final.history[0]?.to)
    if (approval.status === 200 && final.history[0]?.action === 'approve') {
      expect(final.changedSinceApproval).toBe(false)
    } else {
      expect(final.state).toBe('draft')
      expect(final.history.map((entry) => entry.action)).toContain('edit')
    }
  })
})
