import { createServer, type Server } from 'node:http'

import { verifySignature } from '../../src/webhooks/signature'
import { approveChange, releaseAction } from '../helpers/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '../helpers/isolatedServer'

type Received = { path: string; event: string; signature: string; body: string; at: number }
type Endpoint = { id: number; secret: string }
type Delivery = { event: string; status: string; attempts: number; releaseNumber: number; log: Array<{ status: number | null; error: string | null }> }

const SECRET = 'receiver-shared-secret-0123456789abcdef'

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient
let receiver: Server
let receiverUrl = ''
const received: Received[] = []
let flakyFailures = 2

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = req.url ?? ''
      received.push({
        path,
        event: String(req.headers['x-kaiji-event']),
        signature: String(req.headers['x-kaiji-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      })
      if (path === '/down' || (path === '/flaky' && flakyFailures-- > 0)) res.writeHead(503).end('not now')
      else res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const address = receiver.address()
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  server = await startIsolatedServer('webhooks', { KAIJI_WEBHOOK_RETRY_BASE_MS: '200', KAIJI_WEBHOOK_MAX_ATTEMPTS: '4' })
  api = server.client
}, 120_000)
afterAll(async () => {
  await server?.stop()
  receiver?.closeAllConnections()
  receiver?.close()
})

const asUser = async (name: TestUserName | null) => (name ? await api.login(name) : undefined)
const createEndpoint = async (who: TestUserName | null, json: Record<string, unknown>) =>
  api.request<{ doc?: Endpoint; errors?: Array<{ message: string; data?: { errors?: Array<{ message: string; path: string }> } }> }>(
    '/api/webhook-endpoints',
    { method: 'POST', token: await asUser(who), json },
  )
const endpointCount = async () =>
  (await api.request<{ totalDocs: number }>('/api/webhook-endpoints?limit=1', { token: await api.login('admin') })).body.totalDocs
const deliveries = async () =>
  (await api.request<{ docs: Delivery[] }>('/api/webhook-deliveries?limit=100&sort=createdAt', { token: await api.login('admin') })).body.docs
const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

describe('webhook endpoints are for admins only', () => {
  it.each<TestUserName | null>([null, 'editor', 'reviewer', 'translatorEn'])('%s cannot create, list or read them (REST and GraphQL)', async (who) => {
    const created = await createEndpoint(who, { name: 'x', url: `${receiverUrl}/ok`, events: ['release.published'] })
    expect([401, 403]).toContain(created.status)
    const listed = await api.request('/api/webhook-endpoints', { token: await asUser(who) })
    expect([401, 403]).toContain(listed.status)
    expect([401, 403]).toContain((await api.request('/api/webhook-deliveries', { token: await asUser(who) })).status)
    const graph = await api.graphql<{ WebhookEndpoints: unknown }>('{ WebhookEndpoints { docs { secret url } } }', await asUser(who))
    expect(graph.body.data?.WebhookEndpoints ?? null).toBeNull()
    const mutation = await api.graphql(`mutation { createWebhookEndpoint(data: { name: "x", url: "${receiverUrl}/ok", secret: "${SECRET}", events: release_published }) { id } }`, await asUser(who))
    expect(mutation.body.errors?.length).toBeGreaterThan(0)
    expect(await endpointCount()).toBe(0)
  })

  it.each([
    ['a non-HTTP URL', { name: 'x', url: 'ftp://127.0.0.1/hook' }, /must start with https:\/\/ or http:\/\//],
    ['a relative URL', { name: 'x', url: '/hook' }, /absolute URL/],
    ['credentials in the URL', { name: 'x', url: 'http://user:pw@127.0.0.1/hook' }, /no credentials/],
    ['a short secret', { name: 'x', url: `http://127.0.0.1/hook`, secret: 'short' }, /secret/i],
    ['no name', { url: `http://127.0.0.1/hook` }, /name/i],
  ])('%s is refused with a message naming it, and nothing is saved', async (_label, json, message) => {
    const refused = await createEndpoint('admin', json)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body.errors)).toMatch(message)
    expect(await endpointCount()).toBe(0)
  })
})

describe('deliveries', () => {
  let ok: Endpoint
  let flaky: Endpoint

  it('an admin configures endpoints; a secret is generated when none is given', async () => {
    const created = await createEndpoint('admin', { name: 'site rebuild', url: `${receiverUrl}/ok`, secret: SECRET })
    expect(created.status).toBe(201)
    ok = created.body.doc as Endpoint
    const generated = await createEndpoint('admin', { name: 'cdn purge', url: `${receiverUrl}/flaky`, events: ['release.published'] })
    expect(generated.status).toBe(201)
    flaky = generated.body.doc as Endpoint
    expect(flaky.secret).toMatch(/^[0-9a-f]{64}$/)
    expect((await createEndpoint('admin', { name: 'gone', url: `${receiverUrl}/down`, forLocales: ['ja'] })).status).toBe(201)
    expect((await createEndpoint('admin', { name: 'english site', url: `${receiverUrl}/en-only`, forLocales: ['en'] })).status).toBe(201)
  })

  it('only an admin changes or removes an endpoint; delivery rows cannot be changed by anyone (REST and GraphQL)', async () => {
    for (const who of [null, 'editor', 'reviewer', 'translatorEn'] as const) {
      const token = await asUser(who)
      expect([401, 403]).toContain((await api.request(`/api/webhook-endpoints/${ok.id}`, { method: 'PATCH', token, json: { url: `${receiverUrl}/stolen` } })).status)
      expect([401, 403]).toContain((await api.request(`/api/webhook-endpoints/${ok.id}`, { method: 'DELETE', token })).status)
      const update = await api.graphql(`mutation { updateWebhookEndpoint(id: ${ok.id}, data: { url: "${receiverUrl}/stolen" }) { id } }`, token)
      expect(update.body.errors?.length).toBeGreaterThan(0)
      const remove = await api.graphql(`mutation { deleteWebhookEndpoint(id: ${ok.id}) { id } }`, token)
      expect(remove.body.errors?.length).toBeGreaterThan(0)
    }
    const admin = await api.login('admin')
    const stored = await api.request<{ url: string; secret: string }>(`/api/webhook-endpoints/${ok.id}`, { token: admin })
    expect(stored.body).toMatchObject({ url: `${receiverUrl}/ok`, secret: SECRET })
    for (const [method, path] of [['POST', '/api/webhook-deliveries'], ['PATCH', '/api/webhook-deliveries/1'], ['DELETE', '/api/webhook-deliveries/1']] as const) {
      const result = await api.request(path, { method, token: admin, json: method === 'DELETE' ? undefined : { status: 'delivered' } })
      expect([path, result.status]).toEqual([path, 403])
    }
  })

  it('a publish POSTs a signed body to each subscribed endpoint, retrying failures with backoff and logging every attempt', async () => {
    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(改)' } })
    const published = await releaseAction(api, 'publish', { locale: 'ja', summary: 'Maps renamed', changeType: 'editorial' })
    expect(published.status).toBe(201)

    const all = await eventually(deliveries, (rows) => rows.length === 3 && rows.every((row) => ['delivered', 'failed'].includes(row.status)))
    const byStatus = Object.fromEntries(all.map((row) => [`${row.status}:${row.attempts}`, row]))
    expect(Object.keys(byStatus).sort()).toEqual(['delivered:1', 'delivered:3', 'failed:4'])
    expect(byStatus['delivered:3']?.log.map((entry) => entry.status)).toEqual([503, 503, 204])
    expect(byStatus['failed:4']?.log.map((entry) => entry.error)).toEqual(['HTTP 503', 'HTTP 503', 'HTTP 503', 'HTTP 503'])

    const toOk = received.filter((request) => request.path === '/ok')
    expect(toOk).toHaveLength(1)
    const [first] = toOk
    expect(first?.event).toBe('release.published')
    expect(verifySignature(SECRET, first?.body ?? '', first?.signature)).toBe(true)
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({ event: 'release.published', locale: 'ja', release: { number: 2, summary: 'Maps renamed' } })
    const toFlaky = received.filter((request) => request.path === '/flaky')
    expect(toFlaky).toHaveLength(3)
    expect(toFlaky.every((request) => verifySignature(flaky.secret, request.body, request.signature))).toBe(true)
    // Backoff: each retry waits longer than the one before (200 ms, then 400 ms).
    const gaps = toFlaky.slice(1).map((request, index) => request.at - (toFlaky[index]?.at ?? 0))
    expect(gaps[0]).toBeGreaterThanOrEqual(180)
    expect(gaps[1]).toBeGreaterThanOrEqual(380)
    expect(received.filter((request) => request.path === '/en-only')).toHaveLength(0)
    expect(ok.id).toBeGreaterThan(0)
  })

  it('a scheduled release is announced when published and again when it takes effect', async () => {
    received.length = 0
    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(予定)' } })
    const effectiveAt = new Date(Date.now() + 3_000).toISOString()
    const published = await releaseAction(api, 'publish', { locale: 'ja', summary: 'Scheduled rename', changeType: 'editorial', effectiveAt })
    expect(published.status).toBe(201)
    const toOk = await eventually(
      async () => received.filter((request) => request.path === '/ok'),
      (requests) => requests.length >= 2,
      12_000,
    )
    expect(toOk.map((request) => request.event)).toEqual(['release.published', 'release.effective'])
    expect(toOk[1]?.at).toBeGreaterThanOrEqual(Date.parse(effectiveAt))
    expect(toOk.every((request) => verifySignature(SECRET, request.body, request.signature))).toBe(true)
    expect(JSON.parse(toOk[1]?.body ?? '{}')).toMatchObject({ event: 'release.effective', release: { number: 3, effectiveAt } })
    // The CDN endpoint subscribed to publications only.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(received.filter((request) => request.path === '/flaky').map((request) => request.event)).toEqual(['release.published'])
  })
})
