import type { Client, Transaction, TransactionMode } from '@libsql/client'
import Database from 'libsql'

import { onTransactionEnd } from './transactionEnd'

type Connection = { open: boolean; close(): void }

/**
 * @libsql/client 0.14 (the version Payload's SQLite adapter pins) gives each transaction the
 * client's connection and opens a new one for the client, but never closes the transaction's when
 * it ends, and nothing finalizes it: every write transaction left an open SQLite connection (a file
 * descriptor and its page cache) for the life of the process. The soak showed about 250 of them
 * and the main process's memory growing by half in five minutes. (Later client versions pool
 * connections instead.) This closes a transaction's connection once it commits, rolls back or closes.
 */
export const closeConnectionsAfterTransactions = (client: Client): void => {
  const begin = client.transaction.bind(client)
  client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    // The client prepares BEGIN on the connection it hands over before its first await: note that one.
    let connection: Connection | null = null
    const prototype = Database.prototype as unknown as {
      prepare: (this: Connection, ...args: unknown[]) => unknown
    }
    const prepare = prototype.prepare
    prototype.prepare = function (this: Connection, ...args: unknown[]) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched prepare's receiver is the connection
      connection ??= this
      return prepare.apply(this, args)
    }
    let pending: Promise<Transaction>
    try {
      pending = begin(mode)
    } finally {
      prototype.prepare = prepare
    }
    const transaction = await pending
    const owned = connection as Connection | null
    const release = () => {
      if (owned?.open) owned.close()
    }
    // Reading a closed connection's state aborts the process in libsql: ask `open` first, always.
    return onTransactionEnd(transaction, release, () => owned?.open === true)
  }
}
