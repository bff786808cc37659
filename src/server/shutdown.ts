import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { closeDatabase } from '../database/closeDatabase'
import { startupLog } from './logger'

const FORCED_EXIT_MS = 5_000

/**
 * Stops the process in order on SIGTERM/SIGINT (or when the returned function is called): the given steps, then
 * the listening server (in-flight requests finish), then the database (its log checkpointed).
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
    for (const step of steps) {
      try {
        void step()
      } catch (error) {
        payload.logger.error({ err: error }, 'A shutdown step failed')
      }
    }
    server.close(() => {
      void closeDatabase(payload).finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), FORCED_EXIT_MS).unref()
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
  return shutdown
}
