import os from 'node:os'

import type { Payload, PayloadRequest } from 'payload'

import { inLocalTransaction } from '../database/localTransaction'
import { isBusy } from '../database/writeTurns'
import { isUniqueViolation } from '../database/uniqueViolation'
import type { OutboxMessage } from '../payload-types'
import { claimLeaseMs, nextRetryAt, type RetryPolicy } from './backoff'
import type { DeliveryResult, OutboxChannel, OutboxStatus } from './types'

const system = { overrideAccess: true, depth: 0 } as const
const BATCH = 10
const DUE_STATUSES: OutboxStatus[] = ['pending', 'retrying', 'sending']

export type Sender = (message: OutboxMessage) => Promise<DeliveryResult>

export type OutboxWorkerOptions = RetryPolicy & {
  pollMs: number
  /** The longest one attempt may take; a claim lasts longer than that. */
  timeoutMs: number
  senders: Record<OutboxChannel, Sender>
  clock?: () => number
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

/**
 * Delivers what the outbox holds. A delivery is claimed by inserting its next attempt row, whose key
 * is unique, in one transaction with the message's new state: of two processes, one claim fails and
 * only the other sends. A claim lapses after a lease, so a delivery whose worker died is tried again,
 * by any process, after a restart too. Failures are retried with exponential backoff.
 */
export const createOutboxWorker = (payload: Payload, options: OutboxWorkerOptions) => {
  const clock = options.clock ?? Date.now
  const worker = `${os.hostname()}:${process.pid}`
  const lease = claimLeaseMs(options.timeoutMs)
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | null = null
  let again = false
  let stopped = false

  // The database makes writes wait their turn (takeTurnsWriting); recording what was sent is
  // worth more waiting than a claim, which the next look simply makes again.
  const inTransaction = async <T>(
    work: (req: PayloadRequest) => Promise<T>,
    { tries }: { tries: number },
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inLocalTransaction(payload, work)
      } catch (error) {
        if (!isBusy(error) || attempt >= tries) throw error
      }
    }
  }

  const claim = async (
    message: OutboxMessage,
  ): Promise<{ attemptId: number; number: number } | null> => {
    const number = message.attempts + 1
    const now = clock()
    try {
      return await inTransaction(
        async (req) => {
          const attempt = await payload.create({
            collection: 'outbox-attempts',
            data: {
              key: `${message.id}#${number}`,
              message: message.id,
              attempt: number,
              worker,
              outcome: 'unknown',
              startedAt: new Date(now).toISOString(),
            },
            req,
            ...system,
          })
          await payload.update({
            collection: 'outbox-messages',
            id: message.id,
            data: {
              status: 'sending',
              attempts: number,
              nextAttemptAt: new Date(now + lease).toISOString(),
            },
            req,
            ...system,
          })
          return { attemptId: attempt.id, number }
        },
        { tries: 1 },
      )
    } catch (error) {
      // Another process made this attempt first, or the database stayed busy: the next look tries again.
      if (isUniqueViolation(error) || isBusy(error)) return null
      throw error
    }
  }

  const deliver = async (message: OutboxMessage): Promise<void> => {
    const claimed = await claim(message)
    if (!claimed) return
    const started = clock()
    let result: DeliveryResult
    try {
      result = await options.senders[message.channel](message)
    } catch (error) {
      result = { outcome: 'failed', error: describeError(error) }
    }
    const finished = clock()
    const retryAt =
      result.outcome === 'failed' ? nextRetryAt(claimed.number, options, finished) : null
    const status: OutboxStatus =
      result.outcome === 'failed' ? (retryAt ? 'retrying' : 'failed') : result.outcome
    await inTransaction(
      async (req) => {
        await payload.update({
          collection: 'outbox-attempts',
          id: claimed.attemptId,
          data: {
            outcome: result.outcome,
            response: result.response ?? null,
            error: result.error ?? null,
            durationMs: finished - started,
          },
          req,
          ...system,
        })
        await payload.update({
          collection: 'outbox-messages',
          id: message.id,
          data: {
            status,
            nextAttemptAt: (retryAt ?? new Date(finished)).toISOString(),
            lastError: result.error ?? null,
            ...(status === 'delivered' ? { deliveredAt: new Date(finished).toISOString() } : {}),
          },
          req,
          ...system,
        })
      },
      { tries: 4 },
    )
    if (status === 'failed' || status === 'refused')
      payload.logger.warn(
        `Outbox: ${message.channel} ${message.key} to ${message.recipient} ${status} after ${claimed.number} attempt(s): ${result.error ?? ''}`,
      )
  }

  const runOnce = async (): Promise<void> => {
    const { docs } = await payload.find({
      collection: 'outbox-messages',
      where: {
        and: [
          { status: { in: DUE_STATUSES } },
          { nextAttemptAt: { less_than_equal: new Date(clock()).toISOString() } },
        ],
      },
      sort: 'nextAttemptAt',
      limit: BATCH,
      pagination: false,
      ...system,
    })
    const results = await Promise.allSettled(docs.map((message) => deliver(message)))
    for (const result of results)
      if (result.status === 'rejected')
        payload.logger.error({ err: result.reason }, 'Outbox: could not record a delivery attempt')
    // A full batch may mean more are due: look again at once.
    if (docs.length === BATCH) again = true
  }

  const schedule = (delayMs: number) => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(run, delayMs)
    timer.unref()
  }

  function run(): void {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    again = false
    running = runOnce()
      .catch((error: unknown) =>
        payload.logger.warn({ err: error }, 'Outbox: could not look for due deliveries'),
      )
      .finally(() => {
        running = null
        schedule(again ? 0 : options.pollMs)
      })
  }

  return {
    start: () => schedule(0),
    /** Looks at once (after a commit that queued something) instead of at the next poll. */
    nudge: () => schedule(0),
    /** Stops looking; waits for the attempts under way, so their outcome is recorded. */
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>
