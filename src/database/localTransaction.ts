import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

/** SQLite's "another connection is writing": libsql reports it at once rather than waiting. */
export const isBusy = (error: unknown): boolean =>
  /SQLITE_BUSY|database is locked/i.test(
    `${error instanceof Error ? error.message : String(error)} ${error instanceof Error && error.cause instanceof Error ? error.cause.message : ''}`,
  )

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` in a transaction of its own (for code with no request: the outbox worker, the public
 * site's forms). Nothing it wrote stays if it throws. SQLite takes one writer at a time and libsql's
 * connections do not wait for one another (a wait would block the event loop), so a transaction that
 * meets another writer is rolled back and run again a little later, up to `tries` times; `work` must
 * therefore do nothing outside the database.
 */
export const inLocalTransaction = async <T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
  { tries = 8 }: { tries?: number } = {},
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    const req = await createLocalReq({}, payload)
    try {
      await initTransaction(req)
      const result = await work(req)
      await commitTransaction(req)
      return result
    } catch (error) {
      await killTransaction(req)
      if (!isBusy(error) || attempt >= tries) throw error
      await pause(Math.min(20 * 2 ** attempt, 2_000))
    }
  }
}
