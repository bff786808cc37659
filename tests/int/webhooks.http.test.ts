import { createServer, type Server } from 'node:http'

import { verifySignature, verifyStandardSignature } from '@/webhooks/signature'
import { approveChange, releaseAction } from '@support/contentChanges'
import {
  graphql as sharedGraphql,
  login as sharedLogin,
  request as sharedRequest,
  ApiClient,
  type TestUserName,
} from '../helpers/http'
import { startServer, stopServer } from '@support/server.mjs'
import { startIsolatedServer } from '@support/testServer'

type Received = {
  path: string
  event: string
  signature: string
  standard: { id: string; timestamp: string; signatures: string }
  body: string
  at: number
}
type Endpoint = { id: number; secret: string }
type Delivery = {
  id: number
  key: string
  topic: string
  status: string
  attempts: number
  releaseNumber: number
  endpoint: number
  attemptLog: {
    docs: Array<{ attempt: number; outcome: string; response: string | null; error: string | null }>
  }
}

const SECRET = 'receiver-shared-secret-0123456789abcdef'

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient
let receiver: Server
let receiverUrl = ''
const received: Received[] = []
let flakyFailures = 2
// The receiver is on this machine: a loopback target, allowed only with KAIJI_WEBHOOK_ALLOW_PRIVATE.
const SERVER_ENV = {
  KAIJI_WEBHOOK_RETRY_BASE_MS: '200',
  KAIJI_WEBHOOK_MAX_ATTEMPTS: '4',
  KAIJI_WEBHOOK_ALLOW_PRIVATE: 'true',
}

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
        standard: {
          id: String(req.headers['webhook-id']),
          timestamp: String(req.headers['webhook-timestamp']),
          signatures: String(req.headers['webhook-signature']),
        },
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      })
      if (path === '/down' || (path === '/flaky' && flakyFailures-- > 0))
        res.writeHead(503).end('not now')
      else res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const address = receiver.address()
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  server = await startIsolatedServer('webhooks', SERVER_ENV)
  api = server.client
}, 120_000)
afterAll(async () => {
  await server?.stop()
  receiver?.closeAllConnections()
  receiver?.close()
})

const asUser = async (name: TestUserName | null) => (name ? await api.login(name) : undefined)
const createEndpoint = async (who: TestUserName | null, json: Record<string, unknown>) =>
  api.request<{
    doc?: Endpoint
    errors?: Array<{
      message: string
      data?: { errors?: Array<{ message: string; path: string }> }
    }>
  }>('/api/webhook-endpoints', { method: 'POST', token: await asUser(who), json })
const endpointCount = async () =>
  (
    await api.request<{ totalDocs: number }>('/api/webhook-endpoints?limit=1', {
      token: await api.login('admin'),
    })
  ).body.totalDocs
const deliveries = async (client: ApiClient = api) =>
  (
    await client.request<{ docs: Delivery[] }>(
      '/api/outbox-messages?limit=100&sort=createdAt&depth=1&where[channel][equals]=webhook',
      { token: await client.login('admin') },
    )
  ).body.docs
const eventually = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

describe('webhook endpoints are for admins only', () => {
  it.each<TestUserName | null>([null, 'editor', 'reviewer', 'translatorEn'])(
    '%s cannot create, list or read them (REST and GraphQL)',
    async (who) => {
      const created = await createEndpoint(who, {
        name: 'x',
        url: `${receiverUrl}/ok`,
        events: ['release.published'],
      })
      expect([401, 403]).toContain(created.status)
      const listed = await api.request('/api/webhook-endpoints', { token: await asUser(who) })
      expect([401, 403]).toContain(listed.status)
      expect([401, 403]).toContain(
        (await api.request('/api/outbox-messages', { token: await asUser(who) })).status,
      )
      const graph = await api.graphql<{ WebhookEndpoints: unknown }>(
        '{ WebhookEndpoints { docs { secret url } } }',
        await asUser(who),
      )
      expect(graph.body.data?.WebhookEndpoints ?? null).toBeNull()
      const mutation = await api.graphql(
        `mutation { createWebhookEndpoint(data: { name: "x", url: "${receiverUrl}/ok", secret: "${SECRET}", events: release_published }) { id } }`,
        await asUser(who),
      )
      expect(mutation.body.errors?.length).toBeGreaterThan(0)
      expect(await endpointCount()).toBe(0)
    },
  )

  it.each([
    [
      'a non-HTTP URL',
      { name: 'x', url: 'ftp://127.0.0.1/hook' },
      /must start with https:\/\/ or http:\/\//,
    ],
    ['a relative URL', { name: 'x', url: '/hook' }, /absolute URL/],
    [
      'credentials in the URL',
      { name: 'x', url: 'http://user:pw@127.0.0.1/hook' },
      /no credentials/,
    ],
    ['a short secret', { name: 'x', url: `http://127.0.0.1/hook`, secret: 'short' }, /secret/i],
    ['no name', { url: `http://127.0.0.1/hook` }, /name/i],
  ])(
    '%s is refused with a message naming it, and nothing is saved',
    async (_label, json, message) => {
      const refused = await createEndpoint('admin', json)
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.body.errors)).toMatch(message)
      expect(await endpointCount()).toBe(0)
    },
  )
})

describe('deliveries', () => {
  let ok: Endpoint
  let flaky: Endpoint

  it('an admin configures endpoints; a secret is generated when none is given', async () => {
    const created = await createEndpoint('admin', {
      name: 'site rebuild',
      url: `${receiverUrl}/ok`,
      secret: SECRET,
    })
    expect(created.status).toBe(201)
    ok = created.body.doc as Endpoint
    const generated = await createEndpoint('admin', {
      name: 'cdn purge',
      url: `${receiverUrl}/flaky`,
      events: ['release.published'],
    })
    expect(generated.status).toBe(201)
    flaky = generated.body.doc as Endpoint
    expect(flaky.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(
      (
        await createEndpoint('admin', {
          name: 'gone',
          url: `${receiverUrl}/down`,
          forLocales: ['ja'],
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await createEndpoint('admin', {
          name: 'english site',
          url: `${receiverUrl}/en-only`,
          forLocales: ['en'],
        })
      ).status,
    ).toBe(201)
  })

  it('only an admin changes or removes an endpoint; delivery rows cannot be changed by anyone (REST and GraphQL)', async () => {
    for (const who of [null, 'editor', 'reviewer', 'translatorEn'] as const) {
      const token = await asUser(who)
      expect([401, 403]).toContain(
        (
          await api.request(`/api/webhook-endpoints/${ok.id}`, {
            method: 'PATCH',
            token,
            json: { url: `${receiverUrl}/stolen` },
          })
        ).status,
      )
      expect([401, 403]).toContain(
        (await api.request(`/api/webhook-endpoints/${ok.id}`, { method: 'DELETE', token })).status,
      )
      const update = await api.graphql(
        `mutation { updateWebhookEndpoint(id: ${ok.id}, data: { url: "${receiverUrl}/stolen" }) { id } }`,
        token,
      )
      expect(update.body.errors?.length).toBeGreaterThan(0)
      const remove = await api.graphql(
        `mutation { deleteWebhookEndpoint(id: ${ok.id}) { id } }`,
        token,
      )
      expect(remove.body.errors?.length).toBeGreaterThan(0)
    }
    const admin = await api.login('admin')
    const stored = await api.request<{ url: string; secret: string }>(
      `/api/webhook-endpoints/${ok.id}`,
      { token: admin },
    )
    expect(stored.body).toMatchObject({ url: `${receiverUrl}/ok`, secret: SECRET })
    for (const [method, path] of [
      ['POST', '/api/outbox-messages'],
      ['PATCH', '/api/outbox-messages/1'],
      ['DELETE', '/api/outbox-messages/1'],
      ['POST', '/api/outbox-attempts'],
      ['PATCH', '/api/outbox-attempts/1'],
      ['DELETE', '/api/outbox-attempts/1'],
    ] as const) {
      const result = await api.request(path, {
        method,
        token: admin,
        json: method === 'DELETE' ? undefined : { status: 'delivered' },
      })
      expect([path, result.status]).toEqual([path, 403])
    }
  })

  it('a publish POSTs a signed body to each subscribed endpoint, retrying failures with backoff and logging every attempt', async () => {
    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(改)' } })
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'Maps renamed',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)

    const all = await eventually(
      deliveries,
      (rows) =>
        rows.length === 3 && rows.every((row) => ['delivered', 'failed'].includes(row.status)),
    )
    const byStatus = Object.fromEntries(all.map((row) => [`${row.status}:${row.attempts}`, row]))
    expect(Object.keys(byStatus).sort()).toEqual(['delivered:1', 'delivered:3', 'failed:4'])
    expect(byStatus['delivered:3']?.attemptLog.docs.map((entry) => entry.response)).toEqual([
      'HTTP 503',
      'HTTP 503',
      'HTTP 204',
    ])
    expect(byStatus['failed:4']?.attemptLog.docs.map((entry) => entry.error)).toEqual([
      'HTTP 503',
      'HTTP 503',
      'HTTP 503',
      'HTTP 503',
    ])

    const toOk = received.filter((request) => request.path === '/ok')
    expect(toOk).toHaveLength(1)
    const [first] = toOk
    expect(first?.event).toBe('release.published')
    expect(verifySignature(SECRET, first?.body ?? '', first?.signature)).toBe(true)
    // Standard Webhooks: the id names the delivery, the signed timestamp is the attempt's.
    expect(first?.standard.id).toBe(byStatus['delivered:1']?.key)
    expect(verifyStandardSignature(SECRET, { ...first!.standard, body: first?.body ?? '' })).toBe(
      true,
    )
    expect(
      verifyStandardSignature(
        SECRET,
        { ...first!.standard, body: first?.body ?? '' },
        { now: Date.now() + 600_000 },
      ),
    ).toBe(false)
    expect(verifyStandardSignature(SECRET, { ...first!.standard, body: `${first?.body} ` })).toBe(
      false,
    )
    const body = JSON.parse(first?.body ?? '{}') as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['event', 'delivery', 'locale', 'release', 'links', 'paths'])
    expect(body).toMatchObject({
      event: 'release.published',
      locale: 'ja',
      release: { number: 2, summary: 'Maps renamed' },
    })
    // What a CDN purges: the new release, its diffs, and every page that shows the release in effect.
    expect(body.paths).toEqual(
      expect.arrayContaining([
        '/partners/ja',
        '/partners/ja.json',
        '/partners/ja.csv',
        '/partners/ja/history',
        '/partners/ja/feed.atom',
        '/partners/ja/releases/1',
        '/partners/ja/releases/2',
        '/partners/ja/diff/1/2',
        '/content/v1/partners/ja',
        '/content/v1/partners/ja/releases',
        '/content/v1/partners/ja/releases/2',
        '/content/v1/partners/ja/releases/1/diff/2',
      ]),
    )
    const toFlaky = received.filter((request) => request.path === '/flaky')
    expect(toFlaky).toHaveLength(3)
    // Every retry carries the same webhook-id, so a receiver can tell it from a new event.
    expect(new Set(toFlaky.map((request) => request.standard.id)).size).toBe(1)
    expect(
      toFlaky.every((request) => verifySignature(flaky.secret, request.body, request.signature)),
    ).toBe(true)
    // Backoff: each retry waits longer than the one before (200 ms, then 400 ms).
    const gaps = toFlaky.slice(1).map((request, index) => request.at - (toFlaky[index]?.at ?? 0))
    expect(gaps[0]).toBeGreaterThanOrEqual(180)
    expect(gaps[1]).toBeGreaterThanOrEqual(380)
    expect(received.filter((request) => request.path === '/en-only')).toHaveLength(0)
    expect(ok.id).toBeGreaterThan(0)
  })

  it('an admin redelivers a failed delivery (audited); others are refused; a delivered one is not sent again', async () => {
    const rows = await deliveries()
    const failed = rows.find((row) => row.status === 'failed')
    const delivered = rows.find((row) => row.status === 'delivered')
    expect(failed && delivered).toBeTruthy()
    const path = (id: number) => `/api/outbox-messages/${id}/redeliver`
    expect((await api.request(path(failed!.id), { method: 'POST', json: {} })).status).toBe(401)
    for (const who of ['editor', 'reviewer', 'translatorEn'] as const)
      expect(
        (
          await api.request(path(failed!.id), {
            method: 'POST',
            token: await api.login(who),
            json: {},
          })
        ).status,
      ).toBe(403)
    const admin = await api.login('admin')
    const again = await api.request(path(delivered!.id), { method: 'POST', token: admin, json: {} })
    expect(again.status).toBe(409)
    const sentBefore = received.filter((request) => request.path === '/down').length
    const redelivered = await api.request(path(failed!.id), {
      method: 'POST',
      token: admin,
      json: {},
    })
    expect(redelivered.status).toBe(200)
    // The receiver is still down: one more attempt, then failed again (the limit was reached before).
    const after = await eventually(
      async () => (await deliveries()).find((row) => row.id === failed!.id),
      (row) => row?.status === 'failed' && row.attempts === failed!.attempts + 1,
    )
    expect(after?.attemptLog.docs).toHaveLength(failed!.attempts + 1)
    expect(received.filter((request) => request.path === '/down')).toHaveLength(sentBefore + 1)
    const audit = await api.request<{ docs: Array<{ subject: string; fromState: string }> }>(
      '/api/audit-events?where[action][equals]=outbox.redeliver',
      { token: admin },
    )
    expect(audit.body.docs.map((event) => [event.subject, event.fromState])).toEqual([
      [`outbox-messages:${failed!.id}`, 'failed'],
    ])
  })

  it('a scheduled release is announced when published and again when it takes effect', async () => {
    received.length = 0
    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(予定)' } })
    const effectiveAt = new Date(Date.now() + 3_000).toISOString()
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'Scheduled rename',
      changeType: 'editorial',
      effectiveAt,
    })
    expect(published.status).toBe(201)
    const toOk = await eventually(
      async () => received.filter((request) => request.path === '/ok'),
      (requests) => requests.length >= 2,
      12_000,
    )
    expect(toOk.map((request) => request.event)).toEqual(['release.published', 'release.effective'])
    expect(toOk[1]?.at).toBeGreaterThanOrEqual(Date.parse(effectiveAt))
    expect(toOk.every((request) => verifySignature(SECRET, request.body, request.signature))).toBe(
      true,
    )
    const [announced, effective] = toOk.map(
      (request) => JSON.parse(request.body) as { paths: string[] },
    )
    expect(effective).toMatchObject({
      event: 'release.effective',
      release: { number: 3, effectiveAt },
    })
    // Published ahead: its announcement page, the notice on the current page and the feed; nothing in effect yet.
    expect(announced?.paths).toEqual(
      expect.arrayContaining([
        '/partners/ja',
        '/partners/ja/feed.atom',
        '/partners/ja/upcoming/3',
        '/content/v1/partners/ja/upcoming',
      ]),
    )
    expect(announced?.paths).not.toContain('/partners/ja/releases/3')
    expect(announced?.paths).not.toContain('/partners/ja/history')
    // In effect: the release's pages, and its announcement page, which now redirects to it.
    expect(effective?.paths).toEqual(
      expect.arrayContaining([
        '/partners/ja',
        '/partners/ja/history',
        '/partners/ja/upcoming/3',
        '/partners/ja/releases/3',
        '/content/v1/partners/ja/releases/3',
      ]),
    )
    // The CDN endpoint subscribed to publications only.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(
      received.filter((request) => request.path === '/flaky').map((request) => request.event),
    ).toEqual(['release.published'])
  })

  it('with two server processes on the database, each delivery goes out once, whichever process sends it', async () => {
    const second = await startServer({ dataDir: server.dataDir, env: SERVER_ENV })
    try {
      const other = new ApiClient(second.baseURL)
      received.length = 0
      const before = (await deliveries()).length
      const numbers: number[] = []
      for (const [round, client] of [api, other, api, other].entries()) {
        await approveChange(client, {
          subject: 'maps',
          locale: 'ja',
          data: { name: `地図 ${round}` },
        })
        const published = await releaseAction(client, 'publish', {
          locale: 'ja',
          summary: `Published through process ${(round % 2) + 1}`,
          changeType: 'editorial',
        })
        expect(published.status).toBe(201)
        numbers.push(published.body.release!.number)
      }
      const rows = await eventually(
        async () => (await deliveries()).slice(before),
        (found) =>
          found.length === 4 * 3 &&
          found.every((row) => ['delivered', 'failed'].includes(row.status)),
        20_000,
      )
      expect(new Set(rows.map((row) => row.releaseNumber))).toEqual(new Set(numbers))
      // The receivers that answer got each delivery once: one request per webhook-id.
      for (const path of ['/ok', '/flaky']) {
        const ids = received.filter((request) => request.path === path).map((r) => r.standard.id)
        expect([path, ids.length, new Set(ids).size]).toEqual([path, 4, 4])
      }
      // And no attempt was made twice: attempt numbers run 1, 2, … per delivery.
      for (const row of rows)
        expect(row.attemptLog.docs.map((attempt) => attempt.attempt)).toEqual(
          Array.from({ length: row.attempts }, (_, index) => index + 1),
        )
    } finally {
      await stopServer(second.child)
    }
  }, 240_000)
})

describe('webhook targets on a server without KAIJI_WEBHOOK_ALLOW_PRIVATE (the default)', () => {
  type Refused = {
    errors?: Array<{
      message: string
      data?: { errors?: Array<{ message: string; path: string }> }
    }>
  }
  const PRIVATE_TARGETS: Array<[url: string, problem: RegExp]> = [
    ['http://127.0.0.1:8080/hook', /The host 127\.0\.0\.1 is a loopback address/],
    ['http://127.1/hook', /The host 127\.0\.0\.1 is a loopback address/],
    ['http://2130706433/hook', /The host 127\.0\.0\.1 is a loopback address/],
    ['http://0x7f000001/hook', /The host 127\.0\.0\.1 is a loopback address/],
    ['http://[::1]/hook', /The host ::1 is a loopback address/],
    ['http://[::ffff:127.0.0.1]/hook', /The host ::ffff:7f00:1 is a loopback address/],
    ['http://0.0.0.0/hook', /The host 0\.0\.0\.0 is an unspecified address/],
    ['http://10.1.2.3/hook', /is a private address/],
    ['http://172.16.5.4/hook', /is a private address/],
    ['http://192.168.1.1/hook', /is a private address/],
    ['http://169.254.169.254/latest/meta-data', /is a link-local address/],
    ['http://[fd00::1]/hook', /is a private address/],
    ['http://[fe80::1]/hook', /is a link-local address/],
    ['http://100.64.0.1/hook', /is a shared \(carrier-grade NAT\) address/],
    [
      'http://localhost:8080/hook',
      /The host localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/,
    ],
  ]
  const count = async () =>
    (
      await sharedRequest<{ totalDocs: number }>('/api/webhook-endpoints?limit=1', {
        token: await sharedLogin('admin'),
      })
    ).body.totalDocs

  it.each(PRIVATE_TARGETS)(
    'saving %s is refused with 400 naming the problem, over REST and GraphQL, and nothing is saved',
    async (url, problem) => {
      const token = await sharedLogin('admin')
      const before = await count()
      const rest = await sharedRequest<Refused>('/api/webhook-endpoints', {
        method: 'POST',
        token,
        json: { name: 'internal', url },
      })
      expect(rest.status).toBe(400)
      expect(rest.body.errors?.[0]?.data?.errors).toEqual([
        { label: 'URL', path: 'url', message: expect.stringMatching(problem) },
      ])
      expect(rest.body.errors?.[0]?.data?.errors?.[0]?.message).toMatch(
        /webhooks may only be sent to the public internet \(KAIJI_WEBHOOK_ALLOW_PRIVATE=true allows private targets\)/,
      )
      const mutation = await sharedGraphql<{ createWebhookEndpoint: unknown }>(
        'mutation ($url: String!) { createWebhookEndpoint(data: { name: "internal", url: $url, secret: "0123456789abcdef0123456789abcdef", events: release_published }) { id } }',
        token,
        { url },
      )
      expect(mutation.body.data?.createWebhookEndpoint ?? null).toBeNull()
      expect(mutation.body.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(JSON.stringify(mutation.body.errors)).toMatch(problem)
      expect(await count()).toBe(before)
    },
  )

  it('changing a saved endpoint to a private target is refused too (REST and GraphQL) and changes nothing', async () => {
    const token = await sharedLogin('admin')
    const created = await sharedRequest<{ doc: { id: number } }>('/api/webhook-endpoints', {
      method: 'POST',
      token,
      json: { name: 'public', url: 'https://192.0.2.10/hook', active: false },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    try {
      const patched = await sharedRequest<Refused>(`/api/webhook-endpoints/${id}`, {
        method: 'PATCH',
        token,
        json: { url: 'http://169.254.169.254/latest/meta-data' },
      })
      expect(patched.status).toBe(400)
      expect(JSON.stringify(patched.body.errors)).toMatch(
        /The host 169\.254\.169\.254 is a link-local address/,
      )
      const mutation = await sharedGraphql(
        `mutation { updateWebhookEndpoint(id: ${id}, data: { url: "http://[::1]:3000/api" }) { id } }`,
        token,
      )
      expect(JSON.stringify(mutation.body.errors)).toMatch(/The host ::1 is a loopback address/)
      expect(
        (await sharedRequest<{ url: string }>(`/api/webhook-endpoints/${id}`, { token })).body.url,
      ).toBe('https://192.0.2.10/hook')
    } finally {
      await sharedRequest(`/api/webhook-endpoints/${id}`, { method: 'DELETE', token })
    }
  })

  it('a delivery due when its target is no longer allowed is refused and recorded, and nothing is sent', async () => {
    // Saved while private targets were allowed (the name, too, resolves to this machine) ...
    const named = await createEndpoint('admin', {
      name: 'by name',
      url: `${receiverUrl.replace('127.0.0.1', 'localhost')}/named`,
      events: ['release.published'],
    })
    expect(named.status).toBe(201)
    // ... then a second server process on the same database, without KAIJI_WEBHOOK_ALLOW_PRIVATE, publishes.
    const strict = await server.startAnother({ KAIJI_WEBHOOK_ALLOW_PRIVATE: 'false' })
    // Any process on the database may deliver what is due; stop the permissive one, so the strict one does.
    await stopServer(server.child)
    received.length = 0
    const before = (await deliveries(strict)).length
    await approveChange(strict, { subject: 'maps', locale: 'ja', data: { name: '地図(非公開先)' } })
    const published = await releaseAction(strict, 'publish', {
      locale: 'ja',
      summary: 'Renamed again',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    const number = published.body.release?.number
    const rows = await eventually(
      async () => (await deliveries(strict)).filter((row) => row.releaseNumber === number),
      (found) =>
        found.length === 4 && found.every((row) => !['pending', 'sending'].includes(row.status)),
    )
    expect((await deliveries(strict)).length).toBe(before + 4)
    expect(
      rows.map((row) => [
        row.status,
        row.attempts,
        row.attemptLog.docs.length,
        row.attemptLog.docs[0]?.response,
      ]),
    ).toEqual(Array(4).fill(['refused', 1, 1, null]))
    const errors = rows.map((row) => row.attemptLog.docs[0]?.error ?? '')
    expect(errors.every((error) => error.startsWith('Refused, not sent: '))).toBe(true)
    expect(
      errors.filter((error) => /The host 127\.0\.0\.1 is a loopback address/.test(error)),
    ).toHaveLength(3)
    expect(
      errors.filter((error) =>
        /The host localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/.test(
          error,
        ),
      ),
    ).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(received).toEqual([])
  }, 240_000)
})
