import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { closeDatabase } from '../database/closeDatabase'
import { startupLog } from './logger'

const FORCED_EXIT_MS = 5_000

/**
 * Stops the process in order on SIGTERM/SIGINT (or when the returned function is called): the given steps and
 * the listening server (in-flight requests finish), then, once both are done, the database (its log checkpointed).
 */
export const shutdownOnSignals = ({
  server,
  payload,
  steps,
}: {
  server: Server
  payload: Payload
  steps: Array<() => unknown>
}): ((reason: string) => void) => {
  let stopping = false
  const shutdown = (reason: string) => {
    if (stopping) return
    stopping = true
    startupLog(`${reason}: shutting down`)
    // The steps stop other holders of the database (the public site's process): the log can only be
    // folded in and removed once they have let go of it.
    const stepsDone = Promise.allSettled(steps.map((step) => Promise.resolve().then(step))).then(
      (results) => {
        for (const result of results) {
          if (result.status === 'rejected') {
            payload.logger.error({ err: result.reason }, 'A shutdown step failed')
          }
        }
      },
    )
    server.close(() => {
      void stepsDone.then(() => closeDatabase(payload)).finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), FORCED_EXIT_MS).unref()
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
  return shutdown
}
