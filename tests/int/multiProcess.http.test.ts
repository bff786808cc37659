import path from 'node:path'

import { createClient } from '@libsql/client'

import { approveChange, editContent, publicGet, releaseAction } from '@support/contentChanges'
import type { ApiClient } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'

type Delivered = { release: { number: number } }

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let first: ApiClient
let second: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('two-processes')
  first = server.client
  second = await server.startAnother()
}, 180_000)
afterAll(async () => server?.stop())

const servedNumber = async (api: ApiClient) =>
  ((await publicGet(api, '/content/v1/partners/ja')).body as Delivered).release.number

/** Polls until `api` serves release `number`; returns the milliseconds it took from `since`. */
const msUntilServed = async (api: ApiClient, number: number, since: number): Promise<number> => {
  while ((await servedNumber(api)) !== number) {
    if (Date.now() - since > 5_000) throw new Error(`release ${number} not served within 5 s`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return Date.now() - since
}

describe('two server processes on one SQLite database', () => {
  it('a publish through one process is served by the other within a second, both ways', async () => {
    // Both have the current release in memory before the publish.
    expect([await servedNumber(first), await servedNumber(second)]).toEqual([1, 1])

    await approveChange(first, {
      subject: 'analytics',
      locale: 'ja',
      data: { name: '分析(第2版)' },
    })
    const published = await releaseAction(first, 'publish', {
      locale: 'ja',
      summary: 'Analytics renamed',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    const since = Date.now()
    // The process that published serves it on the very next request, however loaded the machine.
    expect(await servedNumber(first)).toBe(2)
    expect(await msUntilServed(second, 2, since)).toBeLessThanOrEqual(1_000)

    // And the other way round: a rollback through the second process reaches the first.
    const rolledBack = await releaseAction(second, 'rollback', {
      locale: 'ja',
      toRelease: 1,
      reason: 'Back to the import',
    })
    expect(rolledBack.status).toBe(201)
    const back = Date.now()
    expect(await msUntilServed(first, 3, back)).toBeLessThanOrEqual(1_000)
    expect((await publicGet(second, '/partners/ja/history')).text).toContain('Back to the import')
    expect((await publicGet(first, '/partners/ja/history')).text).toContain('Back to the import')
  })

  it('writes through both processes at once, while another connection holds the database, all land (SQLite takes one writer: the others wait their turn)', async () => {
    const subjects = ['analytics', 'support', 'marketing', 'bug-detection', 'sms-providers']
    // Signed in beforehand, one at a time (see ApiClient.login).
    for (const api of [first, second])
      for (const name of ['admin', 'editor'] as const) await api.login(name)
    const holder = createClient({ url: `file:${path.join(server.dataDir, 'kaiji.db')}` })
    const held = await holder.transaction('write')
    const edits = subjects.flatMap((subject, index) =>
      (['ja', 'en'] as const).map((locale) =>
        editContent(index % 2 === 0 ? first : second, {
          subject,
          locale,
          data: { name: `${subject} ${locale} (concurrent)` },
        }),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 500))
    await held.rollback()
    holder.close()
    await Promise.all(edits)
    // Nothing kept the write lock afterwards: each process still writes.
    await editContent(first, { subject: 'maps', locale: 'ja', data: { name: '地図(後)' } })
    await editContent(second, { subject: 'maps', locale: 'en', data: { name: 'Maps (after)' } })
  })
})
