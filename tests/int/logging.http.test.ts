import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { startServer, type ServerHandle } from '@support/server.mjs'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let server: ServerHandle

beforeAll(async () => {
  server = await startServer({ label: 'logging', env: { KAIJI_LOG_FORMAT: 'json' } })
}, 300_000)
afterAll(async () => {
  await server.stop({ removeData: true })
})

const jsonLines = (): Array<Record<string, unknown>> =>
  server
    .logs()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const waitForLog = async (
  match: (entry: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> => {
  const deadline = Date.now() + 5_000
  for (;;) {
    const found = jsonLines().find(match)
    if (found) return found
    if (Date.now() > deadline) throw new Error('no such log line')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('request ids and JSON logs (KAIJI_LOG_FORMAT=json)', () => {
  it('start-up and Payload log one JSON object per line', async () => {
    expect(
      jsonLines().some(
        (entry) =>
          typeof entry.msg === 'string' &&
          entry.msg.startsWith('Kaiji is serving on http://127.0.0.1:'),
      ),
    ).toBe(true)
    expect(
      jsonLines().some(
        (entry) =>
          entry.name === 'kaiji' &&
          typeof entry.msg === 'string' &&
          entry.msg.startsWith('Migrated:'),
      ),
    ).toBe(true)
  })

  it('every admin/API answer carries X-Request-Id (a proxy’s sane id is kept), and its log line names it', async () => {
    const kept = await fetch(`${server.baseURL}/api/users/me`, {
      headers: { 'X-Request-Id': 'edge-1234.abc' },
    })
    expect(kept.headers.get('x-request-id')).toBe('edge-1234.abc')
    const entry = await waitForLog((line) => line.requestId === 'edge-1234.abc')
    expect(entry).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/api/users/me',
      status: 200,
    })
    expect(typeof entry.ms).toBe('number')

    const fresh = await fetch(`${server.baseURL}/api/users/me`)
    expect(fresh.headers.get('x-request-id')).toMatch(UUID)
    const hostile = await fetch(`${server.baseURL}/api/users/me`, {
      headers: { 'X-Request-Id': '<script>alert(1)</script>' },
    })
    expect(hostile.headers.get('x-request-id')).toMatch(UUID)
  })

  it('public responses echo a proxy’s id and add nothing otherwise (the hot path stays bare)', async () => {
    const withId = await fetch(`${server.baseURL}/content/v1/partners/ja`, {
      headers: { 'X-Request-Id': 'cdn-42' },
    })
    expect(withId.headers.get('x-request-id')).toBe('cdn-42')
    const etag = withId.headers.get('etag') ?? ''
    const notModified = await fetch(`${server.baseURL}/content/v1/partners/ja`, {
      headers: { 'X-Request-Id': 'cdn-43', 'If-None-Match': etag },
    })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('x-request-id')).toBe('cdn-43')
    expect(
      (await fetch(`${server.baseURL}/content/v1/partners/ja`)).headers.get('x-request-id'),
    ).toBeNull()
  })
})

describe('refusals the product gives on purpose are logged as refusals (info or warn, no stack)', () => {
  const PASSWORD = 'Long-Enough-Passw0rd'
  const call = async (
    path: string,
    {
      method = 'GET',
      token,
      json,
      headers = {},
    }: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${server.baseURL}${path}`, {
      method,
      headers: {
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    })
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? '',
      body: (await response.json()) as {
        token?: string
        doc?: { id: number }
        docs?: Array<{ id: number; revision: number }>
        errors?: Array<{ message: string }>
      },
    }
  }
  const signIn = async (email: string) =>
    (await call('/api/users/login', { method: 'POST', json: { email, password: PASSWORD } })).body
      .token ?? ''

  it('a stale revision (409), four-eyes (403), a wrong password (401) and bad input (400) leave no error and no stack in the log', async () => {
    expect(
      (
        await call('/api/users/first-register', {
          method: 'POST',
          json: { email: 'admin@kaiji.test', password: PASSWORD, role: 'admin' },
        })
      ).status,
    ).toBe(200)
    const admin = await signIn('admin@kaiji.test')
    expect(
      (
        await call('/api/users', {
          method: 'POST',
          token: admin,
          json: { email: 'editor@kaiji.test', password: PASSWORD, role: 'legal-editor' },
        })
      ).status,
    ).toBe(201)
    const editor = await signIn('editor@kaiji.test')
    const from = jsonLines().length
    const { docs } = (
      await call('/api/partner-categories?where[key][equals]=maps&locale=ja', { token: admin })
    ).body
    const maps = docs?.[0]
    if (!maps) throw new Error('the seeded maps category is missing')

    const stale = await call(`/api/partner-categories/${maps.id}?locale=ja`, {
      method: 'PATCH',
      token: admin,
      json: { name: '地図(古い版)', revision: maps.revision - 1 },
    })
    expect(stale.status).toBe(409)
    const staleGraphql = await call('/api/graphql', {
      method: 'POST',
      token: admin,
      headers: { 'If-Match': `"${maps.revision - 1}"` },
      json: {
        query: `mutation { updatePartnerCategory(id: ${maps.id}, locale: ja, data: { name: "地図(古い版)" }) { id } }`,
      },
    })
    expect(JSON.stringify(staleGraphql.body)).toMatch(/"statusCode":409/)
    // The admin edits, an editor submits, and the admin may not approve their own edit.
    expect(
      (
        await call(`/api/partner-categories/${maps.id}?locale=ja`, {
          method: 'PATCH',
          token: admin,
          json: { name: '地図(管理者)' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await call(`/api/partner-categories/${maps.id}/workflow`, {
          method: 'POST',
          token: editor,
          json: { action: 'submit', locale: 'ja' },
        })
      ).status,
    ).toBe(200)
    const fourEyes = await call(`/api/partner-categories/${maps.id}/workflow`, {
      method: 'POST',
      token: admin,
      json: { action: 'approve', locale: 'ja' },
    })
    expect(fourEyes.status).toBe(403)
    const wrongPassword = await call('/api/users/login', {
      method: 'POST',
      json: { email: 'admin@kaiji.test', password: 'Not-The-Passw0rd' },
    })
    expect(wrongPassword.status).toBe(401)
    const badInput = await call(`/api/partner-categories/${maps.id}?locale=ja`, {
      method: 'PATCH',
      token: admin,
      json: { order: 'first' },
    })
    expect(badInput.status).toBe(400)
    const forbidden = await call('/api/webhook-endpoints', { token: editor })
    expect(forbidden.status).toBe(403)

    const requestLine = (requestId: string) =>
      waitForLog((line) => line.msg === 'request' && line.requestId === requestId)
    for (const [answer, status] of [
      [stale, 409],
      [fourEyes, 403],
      [wrongPassword, 401],
      [badInput, 400],
      [forbidden, 403],
    ] as const) {
      expect(await requestLine(answer.requestId)).toMatchObject({ level: 30, status })
    }
    // Payload's own line for each error it handled: a refusal at info (409, 400) or warn (401, 403), one line, no stack.
    const staleLine = await waitForLog((line) => line.status === 409 && line.msg !== 'request')
    expect(staleLine).toMatchObject({
      level: 30,
      error: 'APIError',
      msg: expect.stringMatching(/^Someone else saved this ja content since you opened it/),
    })
    expect(await waitForLog((line) => line.status === 401 && line.msg !== 'request')).toMatchObject(
      {
        level: 40,
        error: 'AuthenticationError',
        msg: 'The email or password provided is incorrect.',
      },
    )
    const since = jsonLines().slice(from)
    expect(since.filter((line) => line.status === 409 && line.msg !== 'request')).toHaveLength(2)
    expect(since.filter((line) => Number(line.level) >= 50)).toEqual([])
    expect(
      since.filter((line) => 'err' in line || 'stack' in line || /\n\s+at /.test(String(line.msg))),
    ).toEqual([])
  })
})

describe('SIGTERM', () => {
  it('lets an in-flight request finish, then exits 0 with the database closed cleanly', async () => {
    const { port } = new URL(server.baseURL)
    const body = JSON.stringify({ email: 'nobody@kaiji.test', password: 'not-the-password' })
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    let response = ''
    socket.on('data', (chunk) => (response += chunk.toString()))
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    // Half the request, then the signal, then the rest: the answer must still come.
    socket.write(
      `POST /api/users/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    )
    server.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    // The rest without closing our side: Node's server drops a request whose client half-closes before the answer,
    // and a sign-in now takes a password hash's time.
    socket.write(body.slice(10))
    await closed
    expect(response).toMatch(/^HTTP\/1\.1 (401|400|403) /)
    expect(await exited).toBe(0)
    expect(jsonLines().some((entry) => entry.msg === 'SIGTERM: shutting down')).toBe(true)
    // A cleanly closed SQLite database leaves no write-ahead log behind.
    const wal = path.join(server.dataDir, 'kaiji.db-wal')
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0)
  }, 60_000)
})
