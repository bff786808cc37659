import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import Database from 'libsql'

import { closeConnectionsAfterTransactions } from '@/database/closeTransactionConnections'

/** Counts connections closed while `work` runs. */
const countingCloses = async (work: () => Promise<void>): Promise<number> => {
  const prototype = Database.prototype as unknown as { close: (this: unknown) => void }
  const close = prototype.close
  let closes = 0
  prototype.close = function (this: unknown) {
    closes += 1
    close.call(this)
  }
  try {
    await work()
  } finally {
    prototype.close = close
  }
  return closes
}

describe('closeConnectionsAfterTransactions (libsql client 0.14 leaks one connection per transaction)', () => {
  let dir: string
  let client: Client
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-connections-'))
    client = createClient({ url: `file:${path.join(dir, 'test.db')}` })
    await client.execute('CREATE TABLE t (x)')
  })
  afterEach(() => {
    client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const transactions = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const transaction = await client.transaction('write')
      await transaction.execute({ sql: 'INSERT INTO t VALUES (?)', args: [i] })
      if (i % 3 === 2) await transaction.rollback()
      else await transaction.commit()
      transaction.close()
      expect(transaction.closed).toBe(true)
    }
  }

  it('without it, no transaction closes its connection', async () => {
    expect(await countingCloses(() => transactions(12))).toBe(0)
  })

  it('with it, every transaction closes its connection, whether it commits or rolls back, and the writes stand', async () => {
    closeConnectionsAfterTransactions(client)
    expect(await countingCloses(() => transactions(12))).toBe(12)
    expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(8)
  })

  it('a transaction that fails is rolled back and its connection closed', async () => {
    closeConnectionsAfterTransactions(client)
    const closes = await countingCloses(async () => {
      const transaction = await client.transaction('write')
      await transaction.execute('INSERT INTO t VALUES (1)')
      await expect(transaction.execute('INSERT INTO missing VALUES (1)')).rejects.toThrow(
        /no such table/,
      )
      await transaction.rollback()
    })
    expect(closes).toBe(1)
    expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(0)
  })
})
