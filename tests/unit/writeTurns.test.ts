import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'

import { closeConnectionsAfterTransactions } from '@/database/closeTransactionConnections'
import { isBusy, takeTurnsWriting } from '@/database/writeTurns'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('takeTurnsWriting (libsql fails a write that meets another at once)', () => {
  let dir: string
  let file: string
  let client: Client
  let other: Client
  const count = async () => (await client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n
  const countSeenElsewhere = async () => {
    const reader = createClient({ url: file })
    try {
      return (await reader.execute('SELECT count(*) AS n FROM t')).rows[0]?.n
    } finally {
      reader.close()
    }
  }
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-write-turns-'))
    file = `file:${path.join(dir, 'test.db')}`
    client = createClient({ url: file })
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('CREATE TABLE t (x)')
    // A second client on the same file stands for another server process.
    other = createClient({ url: file })
    closeConnectionsAfterTransactions(client)
    closeConnectionsAfterTransactions(other)
  })
  afterEach(() => {
    client.close()
    other.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('without it, a second write transaction fails with SQLITE_BUSY while the first is open', async () => {
    const first = await client.transaction('write')
    let failure: unknown
    await client.transaction('write').catch((error: unknown) => (failure = error))
    expect(isBusy(failure)).toBe(true)
    await first.rollback()
  })

  it('without it, a write that failed with SQLITE_BUSY leaves its connection holding the database: nothing it writes later commits', async () => {
    const elsewhere = await other.transaction('write')
    await expect(client.execute('INSERT INTO t VALUES (1)')).rejects.toThrow(/SQLITE_BUSY/)
    await elsewhere.rollback()
    await client.execute('INSERT INTO t VALUES (2)')
    await expect(other.execute('INSERT INTO t VALUES (3)')).rejects.toThrow(/SQLITE_BUSY/)
    expect(await countSeenElsewhere()).toBe(0)
  })

  it("this process's write transactions take turns in arrival order, and all commit", async () => {
    takeTurnsWriting(client)
    const order: string[] = []
    const write = async (name: string, hold: number) => {
      const transaction = await client.transaction('write')
      order.push(`${name} began`)
      await transaction.execute({ sql: 'INSERT INTO t VALUES (?)', args: [name] })
      await pause(hold)
      order.push(`${name} ends`)
      await transaction.commit()
    }
    await Promise.all([write('a', 60), write('b', 10), write('c', 0)])
    expect(order).toEqual(['a began', 'a ends', 'b began', 'b ends', 'c began', 'c ends'])
    expect(await count()).toBe(3)
  })

  it('a transaction that rolls back or closes gives the next one its turn', async () => {
    takeTurnsWriting(client)
    const first = await client.transaction('write')
    const second = client.transaction('write')
    await first.rollback()
    const third = client.transaction('write')
    ;(await second).close()
    const last = await third
    await last.execute('INSERT INTO t VALUES (1)')
    await last.commit()
    expect(await count()).toBe(1)
  })

  it("a write that meets another process's is tried again until that one ends, in a transaction or not", async () => {
    takeTurnsWriting(client)
    const elsewhere = await other.transaction('write')
    await elsewhere.execute('INSERT INTO t VALUES (0)')
    const inTransaction = (async () => {
      const transaction = await client.transaction('write')
      await transaction.execute('INSERT INTO t VALUES (1)')
      await transaction.commit()
    })()
    const alone = client.execute('INSERT INTO t VALUES (2)')
    await pause(80)
    expect(await count()).toBe(0)
    await elsewhere.commit()
    await Promise.all([inTransaction, alone])
    // Both writes committed, and the connections that met the lock do not keep it.
    await other.execute('INSERT INTO t VALUES (3)')
    expect(await countSeenElsewhere()).toBe(4)
  })

  it('a write that waits longer than the limit fails with SQLITE_BUSY and writes nothing; the line goes on', async () => {
    takeTurnsWriting(client, { maxWaitMs: 150 })
    const first = await client.transaction('write')
    await first.execute('INSERT INTO t VALUES (1)')
    const started = Date.now()
    let failure: unknown
    await client.transaction('write').catch((error: unknown) => (failure = error))
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(isBusy(failure)).toBe(true)
    expect(String(failure)).toMatch(/busy with another write for \d+ ms; nothing was written/)
    await first.commit()
    const next = await client.transaction('write')
    await next.execute('INSERT INTO t VALUES (2)')
    await next.commit()
    expect(await count()).toBe(2)
  })

  it('another process holding the database past the limit fails the write the same way', async () => {
    takeTurnsWriting(client, { maxWaitMs: 120 })
    const elsewhere = await other.transaction('write')
    await expect(client.execute('INSERT INTO t VALUES (1)')).rejects.toThrow(/SQLITE_BUSY/)
    await expect(client.transaction('write')).rejects.toThrow(/SQLITE_BUSY/)
    await elsewhere.rollback()
    await client.execute('INSERT INTO t VALUES (2)')
    await other.execute('INSERT INTO t VALUES (3)')
    expect(await countSeenElsewhere()).toBe(2)
  })

  it('read transactions do not wait for writers', async () => {
    takeTurnsWriting(client, { maxWaitMs: 5_000 })
    const writing = await client.transaction('write')
    const started = Date.now()
    const reading = await client.transaction('read')
    expect(Date.now() - started).toBeLessThan(1_000)
    reading.close()
    await writing.rollback()
  })
})
