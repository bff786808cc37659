import fs from 'node:fs'
import path from 'node:path'

import { approveChange, publicGet, releaseAction } from '@support/contentChanges'
import { ApiClient } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { makeDataDir, runScript, startServer } from '@support/server.mjs'

const PUBLIC_URL = 'https://partners.example.org'
const LOCALES = ['ja', 'en', 'fr', 'ru']

let source: Awaited<ReturnType<typeof startIsolatedServer>>
const work = makeDataDir('backup-files')
const backupFile = path.join(work, 'kaiji-backup.db')
const restoredDir = makeDataDir('backup-restored')

/** Every public answer for every locale and release: status, ETag and the exact bytes. */
const publicOutput = async (api: ApiClient): Promise<Record<string, string>> => {
  const routes: string[] = []
  for (const locale of LOCALES) {
    routes.push(
      `/content/v1/partners/${locale}`,
      `/content/v1/partners/${locale}/releases`,
      `/content/v1/partners/${locale}/upcoming`,
    )
    routes.push(
      `/partners/${locale}`,
      `/partners/${locale}/history`,
      `/partners/${locale}/feed.atom`,
      `/partners/${locale}.json`,
      `/partners/${locale}.csv`,
    )
  }
  for (const number of [1, 2, 3])
    routes.push(`/content/v1/partners/ja/releases/${number}`, `/partners/ja/releases/${number}`)
  routes.push('/content/v1/partners/ja/releases/1/diff/2', '/partners/ja/diff/1/3')
  const output: Record<string, string> = {}
  for (const route of routes) {
    const response = await publicGet(api, route)
    output[route] = `${response.status} ${response.headers.get('etag') ?? ''}\n${response.text}`
  }
  return output
}

let before: Record<string, string>

beforeAll(async () => {
  source = await startIsolatedServer('backup-source', { KAIJI_PUBLIC_URL: PUBLIC_URL })
  const api = source.client
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(第2版)' } })
  await releaseAction(api, 'publish', {
    locale: 'ja',
    summary: 'Maps renamed',
    changeType: 'editorial',
  })
  await releaseAction(api, 'rollback', { locale: 'ja', toRelease: 1, reason: 'Back to the import' })
  await approveChange(api, {
    subject: 'maps',
    locale: 'en',
    data: { name: 'Maps' },
    editor: 'translatorEn',
  })
  before = await publicOutput(api)
}, 300_000)
afterAll(async () => {
  await source?.stop()
  for (const dir of [work, restoredDir]) fs.rmSync(dir, { recursive: true, force: true })
})

describe('npm run backup / npm run restore (SQLite)', () => {
  it('backs up the whole database while the server runs, and never overwrites a file', async () => {
    const made = await runScript('src/cli/backup.ts', ['--out', backupFile], {
      KAIJI_DATA_DIR: source.dataDir,
    })
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    expect(made.stdout).toMatch(
      new RegExp(`^Backup written: ${backupFile} \\(\\d+ bytes, sha256 [0-9a-f]{64}\\)\\.`),
    )
    const again = await runScript('src/cli/backup.ts', ['--out', backupFile], {
      KAIJI_DATA_DIR: source.dataDir,
    })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists; a backup never overwrites a file')
    const usage = await runScript('src/cli/backup.ts', [], { KAIJI_DATA_DIR: source.dataDir })
    expect(usage.code).toBe(1)
    expect(usage.stderr).toContain('Usage: npm run backup -- --out FILE')
  }, 60_000)

  it('restores into an empty database: every public answer is byte-identical, users sign in, the audit chain holds', async () => {
    const restored = await runScript('src/cli/restore.ts', ['--in', backupFile], {
      KAIJI_DATA_DIR: restoredDir,
    })
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(/^Restored .* Audit trail intact: \d+ events\.$/m)
    const server = await startServer({
      dataDir: restoredDir,
      env: { KAIJI_PUBLIC_URL: PUBLIC_URL },
    })
    try {
      const api = new ApiClient(server.baseURL)
      expect(server.logs()).not.toMatch(/Empty database/)
      expect(await publicOutput(api)).toEqual(before)
      await api.login('translatorEn')
      const token = await api.login('admin')
      const maps = await api.request<{ docs: Array<{ name: string }> }>(
        '/api/partner-categories?locale=en&where[key][equals]=maps',
        { token },
      )
      expect(maps.body.docs[0]?.name).toBe('Maps')
      const verified = await runScript('src/cli/auditVerify.ts', [], {
        KAIJI_DATA_DIR: restoredDir,
      })
      expect(verified.code).toBe(0)
    } finally {
      await server.stop()
    }
  }, 300_000)

  it('refuses a database that is not empty, and a file that is not a sound backup, changing nothing', async () => {
    const onto = await runScript('src/cli/restore.ts', ['--in', backupFile], {
      KAIJI_DATA_DIR: restoredDir,
    })
    expect(onto.code).toBe(1)
    expect(onto.stderr).toMatch(
      /The database at .*kaiji\.db is not empty \(\d+ users, \d+ partner_categories, .*\); restore only into an empty database\./,
    )

    const garbage = path.join(work, 'garbage.db')
    fs.writeFileSync(garbage, 'not a database at all')
    const truncated = path.join(work, 'truncated.db')
    const bytes = fs.readFileSync(backupFile)
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const flipped = path.join(work, 'flipped.db')
    const damaged = Buffer.from(bytes)
    for (let offset = 4096 * 2; offset < Math.min(damaged.length, 4096 * 6); offset += 7)
      damaged[offset] = (damaged[offset] ?? 0) ^ 0xff
    fs.writeFileSync(flipped, damaged)
    const cases: Array<[string, RegExp]> = [
      [path.join(work, 'missing.db'), /missing\.db does not exist/],
      [garbage, /is not a Kaiji backup: it is not an SQLite database file/],
      [truncated, /is damaged/],
      [flipped, /is damaged/],
    ]
    for (const [file, message] of cases) {
      const empty = makeDataDir('backup-empty')
      const result = await runScript('src/cli/restore.ts', ['--in', file], {
        KAIJI_DATA_DIR: empty,
      })
      expect({ file, code: result.code }).toEqual({ file, code: 1 })
      expect(result.stderr).toMatch(message)
      expect(fs.existsSync(path.join(empty, 'kaiji.db'))).toBe(false)
      fs.rmSync(empty, { recursive: true, force: true })
    }
  }, 120_000)
})
