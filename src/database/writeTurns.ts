import type { Client, Transaction, TransactionMode } from '@libsql/client'

import { onTransactionEnd } from './transactionEnd'

/** SQLite's "another connection is writing": libsql reports it at once rather than waiting. */
export const isBusy = (error: unknown): boolean =>
  /SQLITE_BUSY|database is locked/i.test(
    `${error instanceof Error ? error.message : String(error)} ${error instanceof Error && error.cause instanceof Error ? error.cause.message : ''}`,
  )

export class WriteWaitTimeout extends Error {
  constructor(waitedMs: number) {
    super(
      `SQLITE_BUSY: the database stayed busy with another write for ${waitedMs} ms; nothing was written`,
    )
    this.name = 'WriteWaitTimeout'
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type WriteTurnOptions = {
  /** How long one write may wait for others before it fails (a write that never ends, or a nested one). */
  maxWaitMs?: number
  clock?: () => number
}

/**
 * SQLite takes one writer at a time, and libsql's connections do not wait for one another: a write
 * that meets another fails at once with SQLITE_BUSY (a busy_timeout would block the event loop
 * while it waits). Every process writes in the background (the outbox worker), so an ordinary
 * request's write would meet one and answer 500. This makes the client's writes wait instead:
 * write transactions of this process take turns in arrival order, and a write that meets another
 * process's is tried again after a short pause. Only the start of a write is repeated (BEGIN
 * IMMEDIATE, or one statement outside a transaction), which changed nothing when it failed.
 *
 * libsql (0.4 to 0.5) never resets a statement that failed: the connection keeps it running, so
 * nothing it writes afterwards commits and it holds the database's write lock from then on. The
 * client's connection is therefore replaced after each SQLITE_BUSY, before trying again.
 *
 * A write waiting longer than `maxWaitMs` fails with SQLITE_BUSY: a transaction that waits for
 * a second one of its own would otherwise wait forever. Needs closeConnectionsAfterTransactions
 * installed first: it closes the connection a transaction took when that transaction closes.
 */
export const takeTurnsWriting = (
  client: Client,
  { maxWaitMs = 15_000, clock = Date.now }: WriteTurnOptions = {},
): void => {
  const begin = client.transaction.bind(client)
  // A transaction takes the client's connection and the client opens a new one for itself.
  const replaceClientConnection = async () => (await begin('deferred')).close()

  const retryWhileBusy = async <T>(started: number, work: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work()
      } catch (error) {
        if (!isBusy(error)) throw error
        await replaceClientConnection()
        const waited = clock() - started
        if (waited >= maxWaitMs) throw new WriteWaitTimeout(waited)
        await pause(Math.min(2 ** attempt, 50, maxWaitMs - waited))
      }
    }
  }

  let lastInLine: Promise<void> = Promise.resolve()
  const waitForTurn = async (started: number): Promise<() => void> => {
    let leave!: () => void
    const done = new Promise<void>((resolve) => (leave = resolve))
    const previous = lastInLine
    lastInLine = previous.then(() => done)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), maxWaitMs)
    })
    const outcome = await Promise.race([previous.then(() => 'turn' as const), timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      leave()
      throw new WriteWaitTimeout(clock() - started)
    }
    return leave
  }

  client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    if (mode === 'read' || mode === 'deferred') return begin(mode)
    const started = clock()
    const leave = await waitForTurn(started)
    let transaction: Transaction
    try {
      transaction = await retryWhileBusy(started, () => begin(mode))
    } catch (error) {
      leave()
      throw error
    }
    return onTransactionEnd(transaction, leave)
  }

  const execute = client.execute.bind(client) as (
    ...args: unknown[]
  ) => ReturnType<Client['execute']>
  client.execute = ((...args: unknown[]) =>
    retryWhileBusy(clock(), () => execute(...args))) as Client['execute']
  const batch = client.batch.bind(client)
  client.batch = ((...args: Parameters<Client['batch']>) =>
    retryWhileBusy(clock(), () => batch(...args))) as Client['batch']
}
