import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { makeDataDir, startServer, stopServer } from '../helpers/serverProcess.mjs'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let server: Awaited<ReturnType<typeof startServer>>
const dataDir = makeDataDir('logging')

beforeAll(async () => {
  server = await startServer({ dataDir, env: { KAIJI_LOG_FORMAT: 'json' } })
}, 300_000)
afterAll(async () => {
  await stopServer(server.child)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const jsonLines = (): Array<Record<string, unknown>> =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const waitForLog = async (match: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
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
    expect(jsonLines().some((entry) => typeof entry.msg === 'string' && entry.msg.startsWith('Kaiji is serving on http://127.0.0.1:'))).toBe(true)
    expect(jsonLines().some((entry) => entry.name === 'kaiji' && typeof entry.msg === 'string' && entry.msg.startsWith('Migrated:'))).toBe(true)
  })

  it('every admin/API answer carries X-Request-Id (a proxy’s sane id is kept), and its log line names it', async () => {
    const kept = await fetch(`${server.baseURL}/api/users/me`, { headers: { 'X-Request-Id': 'edge-1234.abc' } })
    expect(kept.headers.get('x-request-id')).toBe('edge-1234.abc')
    const entry = await waitForLog((line) => line.requestId === 'edge-1234.abc')
    expect(entry).toMatchObject({ msg: 'request', method: 'GET', path: '/api/users/me', status: 200 })
    expect(typeof entry.ms).toBe('number')

    const fresh = await fetch(`${server.baseURL}/api/users/me`)
    expect(fresh.headers.get('x-request-id')).toMatch(UUID)
    const hostile = await fetch(`${server.baseURL}/api/users/me`, { headers: { 'X-Request-Id': '<script>alert(1)</script>' } })
    expect(hostile.headers.get('x-request-id')).toMatch(UUID)
  })

  it('public responses echo a proxy’s id and add nothing otherwise (the hot path stays bare)', async () => {
    const withId = await fetch(`${server.baseURL}/content/v1/partners/ja`, { headers: { 'X-Request-Id': 'cdn-42' } })
    expect(withId.headers.get('x-request-id')).toBe('cdn-42')
    const etag = withId.headers.get('etag') ?? ''
    const notModified = await fetch(`${server.baseURL}/content/v1/partners/ja`, { headers: { 'X-Request-Id': 'cdn-43', 'If-None-Match': etag } })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('x-request-id')).toBe('cdn-43')
    expect((await fetch(`${server.baseURL}/content/v1/partners/ja`)).headers.get('x-request-id')).toBeNull()
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
    socket.write(`POST /api/users/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))
    server.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    socket.end(body.slice(10))
    await closed
    expect(response).toMatch(/^HTTP\/1\.1 (401|400|403) /)
    expect(await exited).toBe(0)
    expect(jsonLines().some((entry) => entry.msg === 'SIGTERM: shutting down')).toBe(true)
    // A cleanly closed SQLite database leaves no write-ahead log behind.
    const wal = path.join(dataDir, 'kaiji.db-wal')
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0)
  }, 60_000)
})
