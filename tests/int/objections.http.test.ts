import { signToken } from '@/subscriptions/signedToken'
import { approveChange, releaseAction } from '@support/contentChanges'
import type { ApiClient, TestUserName } from '@support/apiClient'
import { startIsolatedServer } from '@support/testServer'
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtpServer'

const SECRET = 'objections-test-secret-0123456789abcdef0123456789'
const DAY = 86_400_000
const URGENT_NOTICE_MS = 6_000

type Objection = {
  id: number
  locale: string
  releaseNumber: number
  subscriber: string
  email: string | null
  organisation: string | null
  reason: string
  status: string
  outcome: string | null
  outcomeNote: string | null
  closedBy: number | null
  closedAt: string | null
}
type AuditEvent = { action: string; subject: string; toState: string | null; actorLabel: string }

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient
let smtp: SmtpTestServer
let announced = 0

const tokenFor = (subscriber: string | number, number: number, locale = 'ja') =>
  signToken(SECRET, 'object', { s: subscriber, l: locale, n: number })
const objectPath = (number: number, locale = 'ja') =>
  `/partners/${locale}/releases/${number}/object`
const linkFor = (subscriber: string | number, number: number, locale = 'ja') =>
  `${objectPath(number, locale)}?token=${encodeURIComponent(tokenFor(subscriber, number, locale))}`
const postForm = (path: string, fields: Record<string, string>, contentType?: string) =>
  api.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': contentType ?? 'application/x-www-form-urlencoded' },
  })
const listObjections = async (who: TestUserName = 'reviewer') =>
  (
    await api.request<{ docs: Objection[] }>('/api/objections?limit=100&sort=id', {
      token: await api.login(who),
    })
  ).body.docs
const auditFor = async (id: number) =>
  (
    await api.request<{ docs: AuditEvent[] }>(
      `/api/audit-events?limit=50&sort=id&where[subject][equals]=objections:${id}`,
      { token: await api.login('admin') },
    )
  ).body.docs

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startIsolatedServer('objections', {
    PAYLOAD_SECRET: SECRET,
    KAIJI_SMTP_URL: smtp.url,
    KAIJI_OUTBOX_POLL_MS: '200',
    KAIJI_RATE_LIMIT_OBJECTIONS: '40/600',
  })
  api = server.client
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図サービス' } })
  const published = await releaseAction(api, 'publish', {
    locale: 'ja',
    summary: '地図の提供会社を変更',
    changeType: 'material',
    effectiveAt: new Date(Date.now() + 40 * DAY).toISOString(),
  })
  expect(published.status).toBe(201)
  announced = published.body.release?.number ?? 0
}, 300_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('the objection link of an announced material release', () => {
  it('shows the form in the subscriber’s language, with the token kept private', async () => {
    const page = await api.request(linkFor('sub-1', announced))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'")
    expect(page.text).toContain('<html lang="ja">')
    expect(page.text).toContain(`<h1>リリース ${announced} への異議</h1>`)
    expect(page.text).toContain(`<form method="post" action="${objectPath(announced)}">`)
    expect(page.text).toContain('地図の提供会社を変更')
    expect(page.text).toMatch(/<textarea id="reason" name="reason"[^>]* required/)
    const english = await api.request(linkFor('sub-1', announced, 'en'))
    // No English release is announced: the link leads nowhere.
    expect(english.status).toBe(404)
  })

  it('refuses a forged, altered or misdirected token, and stores nothing', async () => {
    const forged = signToken('another-secret-entirely-0123456789abcdef', 'object', {
      s: 'sub-x',
      l: 'ja',
      n: announced,
    })
    const unsubscribe = signToken(SECRET, 'unsubscribe', { s: 'sub-x', l: 'ja', n: announced })
    for (const token of [forged, unsubscribe, `${tokenFor('sub-x', announced)}x`, 'nonsense']) {
      const page = await api.request(`${objectPath(announced)}?token=${encodeURIComponent(token)}`)
      expect(page.status).toBe(404)
      expect(page.text).toContain('このリンクは無効です')
      const post = await postForm(objectPath(announced), { token, reason: 'forged' })
      expect(post.status).toBe(404)
    }
    // A token for another release is not a token for this one.
    expect(
      (
        await api.request(
          linkFor('sub-x', announced + 1).replace(`/${announced + 1}/`, `/${announced}/`),
        )
      ).status,
    ).toBe(404)
    expect((await api.request(objectPath(announced))).status).toBe(400)
    expect(await listObjections('admin')).toEqual([])
  })

  it.each([
    ['no reason', { reason: '   ' }, /reason is required/],
    ['a reason too long', { reason: 'x'.repeat(4_001) }, /at most 4000 characters \(it has 4001\)/],
    [
      'an organisation too long',
      { reason: 'r', organisation: 'o'.repeat(201) },
      /organisation is too long/,
    ],
    ['a bad email', { reason: 'r', email: 'not-an-address' }, /not an email address/],
    ['an unknown field', { reason: 'r', extra: '1' }, /Unknown field &quot;extra&quot;/],
  ])(
    'answers 400 naming the problem for %s, and stores nothing',
    async (_label, fields, message) => {
      const refused = await postForm(objectPath(announced), {
        token: tokenFor('sub-bad', announced),
        ...fields,
      })
      expect(refused.status).toBe(400)
      expect(refused.text).toMatch(message)
      expect(await listObjections('admin')).toEqual([])
    },
  )

  it('refuses a body that is not a form', async () => {
    const refused = await api.request(objectPath(announced), {
      method: 'POST',
      json: { token: tokenFor('sub-bad', announced), reason: 'json' },
    })
    expect(refused.status).toBe(415)
    expect(await listObjections('admin')).toEqual([])
  })

  let recorded: Objection
  it('records an objection, acknowledges it by email in the subscriber’s language, and audits both', async () => {
    const sent = await postForm(objectPath(announced), {
      token: tokenFor('sub-1', announced),
      reason: '地図データの移転先が\r\n説明されていません。',
      organisation: '株式会社サンプル',
      email: 'dpo@example.com',
    })
    expect(sent.status).toBe(201)
    expect(sent.text).toContain('異議を受け付けました')
    const docs = await listObjections()
    expect(docs).toHaveLength(1)
    recorded = docs[0] as Objection
    expect(recorded).toMatchObject({
      locale: 'ja',
      releaseNumber: announced,
      subscriber: 'sub-1',
      email: 'dpo@example.com',
      organisation: '株式会社サンプル',
      reason: '地図データの移転先が\n説明されていません。',
      status: 'open',
      outcome: null,
    })
    const [mail] = await smtp.waitFor((received) => received.to.includes('dpo@example.com'))
    expect(mail?.parsed.subject).toBe(`リリース ${announced} への異議を受け付けました`)
    expect(mail?.parsed.text).toContain('地図データの移転先が\n説明されていません。')
    expect((await auditFor(recorded.id)).map((event) => event.action)).toEqual([
      'objection-received',
      'objection-acknowledged',
    ])
  })

  it('takes one objection per subscriber and release: a second is answered as already recorded', async () => {
    const again = await postForm(objectPath(announced), {
      token: tokenFor('sub-1', announced),
      reason: 'もう一度',
    })
    expect(again.status).toBe(409)
    expect(again.text).toContain('異議はすでに受け付けています')
    const page = await api.request(linkFor('sub-1', announced))
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('<form')
    expect(await listObjections()).toHaveLength(1)
  })

  it.each<TestUserName | null>([null, 'editor', 'translatorEn'])(
    '%s can neither read nor create nor close objections (REST and GraphQL)',
    async (who) => {
      const token = who ? await api.login(who) : undefined
      expect([401, 403]).toContain((await api.request('/api/objections', { token })).status)
      expect([401, 403, 404]).toContain(
        (await api.request(`/api/objections/${recorded.id}`, { token })).status,
      )
      expect([401, 403]).toContain(
        (
          await api.request('/api/objections', {
            method: 'POST',
            token,
            json: {
              title: 'x',
              key: 'x',
              locale: 'ja',
              releaseNumber: 1,
              subscriber: 'x',
              reason: 'x',
              receivedAt: new Date().toISOString(),
            },
          })
        ).status,
      )
      expect([401, 403]).toContain(
        (
          await api.request(`/api/objections/${recorded.id}/close`, {
            method: 'POST',
            token,
            json: { outcome: 'rejected', note: 'not mine to close' },
          })
        ).status,
      )
      const graph = await api.graphql<{ Objections: unknown }>(
        '{ Objections { docs { reason email } } }',
        token,
      )
      expect(graph.body.data?.Objections ?? null).toBeNull()
      const mutation = await api.graphql(
        'mutation { updateObjection(id: 1, data: { status: closed }) { id } }',
        token,
      )
      expect(mutation.body.errors?.length).toBeGreaterThan(0)
      expect((await listObjections())[0]?.status).toBe('open')
    },
  )

  it('the reviewer reads them through GraphQL too, but cannot create or change them there', async () => {
    const token = await api.login('reviewer')
    const graph = await api.graphql<{ Objections: { docs: Array<{ reason: string }> } }>(
      '{ Objections { docs { reason } } }',
      token,
    )
    expect(graph.body.data?.Objections.docs).toHaveLength(1)
    const mutation = await api.graphql(
      'mutation { createObjection(data: { title: "x", key: "y", locale: "ja", releaseNumber: 1, subscriber: "x", reason: "x", receivedAt: "2026-01-01T00:00:00Z" }) { id } }',
      token,
    )
    expect(mutation.body.errors?.length).toBeGreaterThan(0)
    expect(await listObjections()).toHaveLength(1)
  })

  it('a reviewer closes it with an outcome and a note, once; the close is audited', async () => {
    const token = await api.login('reviewer')
    const close = (json: unknown) =>
      api.request<{ errors?: Array<{ message: string }> }>(`/api/objections/${recorded.id}/close`, {
        method: 'POST',
        token,
        json,
      })
    const bad = await close({ outcome: 'maybe', note: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors?.[0]?.message).toMatch(/upheld, rejected, withdrawn, addressed/)
    expect((await close({ outcome: 'rejected' })).status).toBe(400)
    expect((await close({ outcome: 'rejected', note: 'x', extra: 1 })).status).toBe(400)
    const closed = await close({
      outcome: 'rejected',
      note: '移転先は標準契約条項で保護されています。',
    })
    expect(closed.status).toBe(200)
    const [after] = await listObjections()
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'rejected',
      outcomeNote: '移転先は標準契約条項で保護されています。',
    })
    expect(after?.closedAt).toBeTruthy()
    expect(after?.closedBy).toBeTruthy()
    const again = await close({ outcome: 'upheld', note: 'changed my mind' })
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.message).toMatch(/already closed/)
    expect((await listObjections())[0]?.outcome).toBe('rejected')
    const events = await auditFor(recorded.id)
    expect(events.map((event) => event.action)).toEqual([
      'objection-received',
      'objection-acknowledged',
      'objection-closed',
    ])
    expect(events[2]?.toState).toBe('closed:rejected')
    expect(
      (
        await api.request('/api/objections/999999/close', {
          method: 'POST',
          token,
          json: { outcome: 'withdrawn' },
        })
      ).status,
    ).toBe(404)
  })
})

describe('after the window', () => {
  let urgent = 0
  beforeAll(async () => {
    await approveChange(api, {
      subject: 'maps',
      locale: 'ja',
      data: { name: '地図サービス（至急）' },
    })
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: '地図の提供会社を至急変更',
      changeType: 'material',
      effectiveAt: new Date(Date.now() + URGENT_NOTICE_MS).toISOString(),
      urgencyReason: '提供会社の事業終了',
    })
    expect(published.status).toBe(201)
    urgent = published.body.release?.number ?? 0
  }, 60_000)

  it('a release overtaken by a later one takes no objections', async () => {
    const page = await api.request(linkFor('sub-2', announced))
    expect(page.status).toBe(410)
    expect(page.text).toContain('後のリリースに置き換えられた')
  })

  it('the urgent release takes objections until its date, then says the window has closed', async () => {
    expect((await api.request(linkFor('sub-2', urgent))).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, URGENT_NOTICE_MS + 500))
    const page = await api.request(linkFor('sub-2', urgent))
    expect(page.status).toBe(410)
    expect(page.text).toContain('異議の受付期間は終了しました')
    const post = await postForm(objectPath(urgent), {
      token: tokenFor('sub-2', urgent),
      reason: '遅すぎた異議',
    })
    expect(post.status).toBe(410)
    expect(await listObjections()).toHaveLength(1)
  }, 30_000)

  it('an editorial release takes none', async () => {
    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図' } })
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: '表記の修正',
      changeType: 'editorial',
      effectiveAt: new Date(Date.now() + 2 * DAY).toISOString(),
    })
    expect(published.status).toBe(201)
    const editorial = published.body.release?.number ?? 0
    expect((await api.request(linkFor('sub-3', editorial))).status).toBe(409)
  })

  it('other methods are refused with 405 and the methods allowed', async () => {
    const put = await api.request(objectPath(announced), { method: 'PUT', body: 'x' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST')
  })
})
