import fs from 'node:fs'
import path from 'node:path'

import {
  makeDataDir,
  runScript,
  runStart,
  startServer,
  type ServerHandle,
} from '@support/server.mjs'

/** Runs the server entry point expecting it to refuse to start; returns how and how fast. */
const startExpectingFailure = async (env: Record<string, string>) => {
  const started = Date.now()
  const result = await runStart({ KAIJI_DATA_DIR: makeDataDir('refuse'), PORT: '0', ...env })
  return { ...result, seconds: (Date.now() - started) / 1000 }
}

describe('start-up refuses a bad environment, clearly', () => {
  it('an unsupported DATABASE_URL', async () => {
    const { code, stderr } = await startExpectingFailure({
      DATABASE_URL: 'postgres://db.internal/kaiji',
    })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/DATABASE_URL "postgres:\/\/db\.internal\/kaiji" is not supported/)
  })

  it('production without a PAYLOAD_SECRET, or with a short one', async () => {
    const missing = await startExpectingFailure({ NODE_ENV: 'production' })
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(
      /PAYLOAD_SECRET must be set to at least 32 characters when NODE_ENV=production \(it is not set\)/,
    )
    const short = await startExpectingFailure({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'too-short',
    })
    expect(short.code).not.toBe(0)
    expect(short.stderr).toMatch(/\(it has 9\)/)
  })

  it('a data directory it cannot write', async () => {
    const parent = makeDataDir('unwritable')
    fs.writeFileSync(path.join(parent, 'a-file'), '')
    const { code, stderr } = await startExpectingFailure({
      KAIJI_DATA_DIR: path.join(parent, 'a-file', 'data'),
    })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(
      /The SQLite database folder .*a-file\/data is not writable \(ENOTDIR\): point it at a folder this user can write/,
    )
    fs.rmSync(parent, { recursive: true, force: true })
  })

  it('a KAIJI_STATIC_EXPORT_DIR that is a folder with files in it, or a file: refused, left as it is', async () => {
    const parent = makeDataDir('export-target')
    const folder = path.join(parent, 'www')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'index.html'), 'mine')
    for (const [target, what] of [
      [folder, 'is a folder with files in it'],
      [path.join(folder, 'index.html'), 'is a file'],
    ] as const) {
      const { code, stderr } = await startExpectingFailure({ KAIJI_STATIC_EXPORT_DIR: target })
      expect(code).not.toBe(0)
      expect(stderr).toContain(
        `KAIJI_STATIC_EXPORT_DIR: ${target} ${what}: the export replaces it with a link to each new tree`,
      )
    }
    expect(fs.readdirSync(parent)).toEqual(['www'])
    expect(fs.readdirSync(folder)).toEqual(['index.html'])
    fs.rmSync(parent, { recursive: true, force: true })
  })

  it('a PORT that is not a port', async () => {
    const { code, stderr } = await startExpectingFailure({ PORT: 'eighty' })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/PORT "eighty" is not a port number/)
  })

  it('bad settings, all named at once: KAIJI_MATERIAL_NOTICE_DAYS is refused at start-up, not at the first publish', async () => {
    const { code, stderr } = await startExpectingFailure({
      KAIJI_MATERIAL_NOTICE_DAYS: 'abc',
      KAIJI_TRUST_PROXY: 'yes',
    })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(
      /KAIJI_MATERIAL_NOTICE_DAYS must be a number of days \(0 or more\), not "abc"/,
    )
    expect(stderr).toMatch(/KAIJI_TRUST_PROXY "yes" must be the number of proxies in front/)
  })

  it('an unreachable MongoDB: exits non-zero within 10 s, saying so', async () => {
    const { code, stderr, seconds } = await startExpectingFailure({
      DATABASE_URL: 'mongodb://127.0.0.1:9/kaiji',
    })
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
    const secret = await runScript('src/cli/preflight.ts', [], {
      KAIJI_DATA_DIR: makeDataDir('preflight'),
      NODE_ENV: 'production',
    })
    expect(secret.code).not.toBe(0)
    expect(secret.stderr).toMatch(/PAYLOAD_SECRET must be set/)
  })
})

describe('the quick start on an empty data folder', () => {
  const dataDir = makeDataDir('quickstart')
  let server: ServerHandle

  beforeAll(async () => {
    server = await startServer({ dataDir })
  })
  afterAll(async () => server.stop({ removeData: true }))

  it('needs no environment: it made and keeps a secret and a SQLite database under the data folder', () => {
    expect(
      fs.readFileSync(path.join(dataDir, '.payload-secret'), 'utf8').trim().length,
    ).toBeGreaterThanOrEqual(32)
    expect(fs.existsSync(path.join(dataDir, 'kaiji.db'))).toBe(true)
    expect(server.logs()).toMatch(/Empty database: Imported: created 8 categories/)
  })

  it('opens the create-first-user screen, and makes that first account an administrator', async () => {
    // The screen renders on the server with Kaiji's role field in it (Chromium checks it shows no role:
    // tests/e2e/accounts); whatever role is sent, the first account is an administrator.
    const screen = await fetch(`${server.baseURL}/admin/create-first-user`)
    expect(screen.status).toBe(200)
    expect(await screen.text()).toContain('CreateFirstUserClient')
    const register = await fetch(`${server.baseURL}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'founder@kaiji.test',
        password: 'Quick-Start-Passw0rd',
        role: 'translator',
        assignedLocales: ['en'],
      }),
    })
    expect(register.status).toBe(200)
    const { user, token } = (await register.json()) as {
      user: { role: string; assignedLocales: string[] }
      token: string
    }
    expect(user.role).toBe('admin')
    expect(user.assignedLocales).toEqual([])

    const again = await fetch(`${server.baseURL}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'second@kaiji.test',
        password: 'Second-Passw0rd',
        role: 'admin',
      }),
    })
    expect(again.status).toBe(403)

    const categories = await fetch(`${server.baseURL}/api/partner-categories?locale=ja&limit=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(((await categories.json()) as { totalDocs: number }).totalDocs).toBe(8)
  })

  it('a restart keeps the data and imports nothing again', async () => {
    await server.stop()
    server = await startServer({ dataDir })
    expect(server.logs()).not.toMatch(/Empty database/)
    const login = await fetch(`${server.baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'founder@kaiji.test', password: 'Quick-Start-Passw0rd' }),
    })
    expect(login.status).toBe(200)
  })
})

describe('start-up refuses a database it cannot safely migrate', () => {
  const dataDir = makeDataDir('migrations-guard')
  const database = path.join(dataDir, 'kaiji.db')
  const sql = async (statement: string, args: Array<string | number> = []) => {
    const { createClient } = await import('@libsql/client')
    const client = createClient({ url: `file:${database}` })
    try {
      return (await client.execute({ sql: statement, args })).rows
    } finally {
      client.close()
    }
  }
  const migrationNames = async () =>
    (await sql('SELECT name FROM payload_migrations ORDER BY name')).map((row) => String(row.name))

  beforeAll(async () => {
    await (await startServer({ dataDir })).stop()
  }, 300_000)
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('one migrated by a newer version (a migration this code does not know): refused, nothing touched', async () => {
    await sql(
      "INSERT INTO payload_migrations (name, batch, updated_at, created_at) VALUES ('20991231_000000_from_the_future', 99, '2099-12-31', '2099-12-31')",
    )
    const before = await migrationNames()
    const { code, stderr } = await runStart({
      KAIJI_DATA_DIR: dataDir,
      PORT: '0',
      KAIJI_PUBLIC_PORT: 'off',
    })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(
      /The database has migrations this version of Kaiji does not know \(20991231_000000_from_the_future\)/,
    )
    expect(await migrationNames()).toEqual(before)
    await sql("DELETE FROM payload_migrations WHERE name = '20991231_000000_from_the_future'")
  })

  it('a pending migration that cannot apply: rolled back, named, and the server never listens', async () => {
    const names = await migrationNames()
    // The schema already has this migration's columns, so running it again fails (the latest one,
    // which rebuilds tables, could run twice).
    const latest = '20261204_125922_document_revisions'
    expect(names).toContain(latest)
    await sql('DELETE FROM payload_migrations WHERE name = ?', [latest])
    const { code, stdout, stderr } = await runStart({
      KAIJI_DATA_DIR: dataDir,
      PORT: '0',
      KAIJI_PUBLIC_PORT: 'off',
    })
    expect(code).not.toBe(0)
    expect(`${stdout}${stderr}`).toContain(`Error running migration ${latest}`)
    expect(`${stdout}${stderr}`).not.toMatch(/serving on/)
    expect(await migrationNames()).toEqual(names.filter((name) => name !== latest))
    await sql(
      "INSERT INTO payload_migrations (name, batch, updated_at, created_at) VALUES (?, 1, '2026-01-01', '2026-01-01')",
      [latest],
    )
    await (await startServer({ dataDir })).stop()
  }, 300_000)
})
