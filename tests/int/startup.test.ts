import fs from 'node:fs'
import path from 'node:path'

import { makeDataDir, runScript, runStart, startServer, stopServer } from '../helpers/serverProcess.mjs'

/** Runs the server entry point expecting it to refuse to start; returns how and how fast. */
const startExpectingFailure = async (env: Record<string, string>) => {
  const started = Date.now()
  const result = await runStart({ KAIJI_DATA_DIR: makeDataDir('refuse'), PORT: '0', ...env })
  return { ...result, seconds: (Date.now() - started) / 1000 }
}

describe('start-up refuses a bad environment, clearly', () => {
  it('an unsupported DATABASE_URL', async () => {
    const { code, stderr } = await startExpectingFailure({ DATABASE_URL: 'postgres://db.internal/kaiji' })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/DATABASE_URL "postgres:\/\/db\.internal\/kaiji" is not supported/)
  })

  it('production without a PAYLOAD_SECRET, or with a short one', async () => {
    const missing = await startExpectingFailure({ NODE_ENV: 'production' })
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/PAYLOAD_SECRET must be set to at least 32 characters when NODE_ENV=production \(it is not set\)/)
    const short = await startExpectingFailure({ NODE_ENV: 'production', PAYLOAD_SECRET: 'too-short' })
    expect(short.code).not.toBe(0)
    expect(short.stderr).toMatch(/\(it has 9\)/)
  })

  it('a PORT that is not a port', async () => {
    const { code, stderr } = await startExpectingFailure({ PORT: 'eighty' })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/PORT "eighty" is not a port number/)
  })

  it('an unreachable MongoDB: exits non-zero within 10 s, saying so', async () => {
    const { code, stderr, seconds } = await startExpectingFailure({ DATABASE_URL: 'mongodb://127.0.0.1:9/kaiji' })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/MongoDB is unreachable at mongodb:\/\/127\.0\.0\.1:9\/kaiji/)
    expect(seconds).toBeLessThan(10)
  })

  it('the same checks run before a build, so a fresh checkout is refused before minutes of building', async () => {
    const started = Date.now()
    const { code, stderr } = await runScript('src/cli/preflight.ts', [], {
      KAIJI_DATA_DIR: makeDataDir('preflight'),
      DATABASE_URL: 'mongodb://127.0.0.1:9/kaiji',
    })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/MongoDB is unreachable at mongodb:\/\/127\.0\.0\.1:9\/kaiji/)
    expect((Date.now() - started) / 1000).toBeLessThan(10)
    const secret = await runScript('src/cli/preflight.ts', [], { KAIJI_DATA_DIR: makeDataDir('preflight'), NODE_ENV: 'production' })
    expect(secret.code).not.toBe(0)
    expect(secret.stderr).toMatch(/PAYLOAD_SECRET must be set/)
  })
})

describe('the quick start on an empty data folder', () => {
  const dataDir = makeDataDir('quickstart')
  let server: Awaited<ReturnType<typeof startServer>>

  beforeAll(async () => {
    server = await startServer({ dataDir })
  })
  afterAll(async () => {
    await stopServer(server.child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('needs no environment: it made and keeps a secret and a SQLite database under the data folder', () => {
    expect(fs.readFileSync(path.join(dataDir, '.payload-secret'), 'utf8').trim().length).toBeGreaterThanOrEqual(32)
    expect(fs.existsSync(path.join(dataDir, 'kaiji.db'))).toBe(true)
    expect(server.output()).toMatch(/Empty database: Imported: created 8 categories/)
  })

  it('opens the create-first-user screen, and makes that first account an administrator', async () => {
    const register = await fetch(`${server.baseURL}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'founder@kaiji.test', password: 'Quick-Start-Passw0rd', role: 'translator', assignedLocales: ['en'] }),
    })
    expect(register.status).toBe(200)
    const { user, token } = (await register.json()) as { user: { role: string; assignedLocales: string[] }; token: string }
    expect(user.role).toBe('admin')
    expect(user.assignedLocales).toEqual([])

    const again = await fetch(`${server.baseURL}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'second@kaiji.test', password: 'Second-Passw0rd', role: 'admin' }),
    })
    expect(again.status).toBe(403)

    const categories = await fetch(`${server.baseURL}/api/partner-categories?locale=ja&limit=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(((await categories.json()) as { totalDocs: number }).totalDocs).toBe(8)
  })

  it('a restart keeps the data and imports nothing again', async () => {
    await stopServer(server.child)
    server = await startServer({ dataDir })
    expect(server.output()).not.toMatch(/Empty database/)
    const login = await fetch(`${server.baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'founder@kaiji.test', password: 'Quick-Start-Passw0rd' }),
    })
    expect(login.status).toBe(200)
  })
})
