import type { Payload } from 'payload'

import { SourceFormatError } from '../../seed/parseSource'
import { checkEnvironment, StartupError } from '../config/environment'

export class UsageError extends Error {
  override name = 'UsageError'
}

const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
  new Promise((resolve) => stream.write(`${text}\n`, () => resolve()))

/** Errors whose message is the whole story for the person at the terminal (no stack trace). */
const isExplained = (error: unknown): error is Error =>
  error instanceof UsageError || error instanceof StartupError || error instanceof SourceFormatError

/**
 * Runs a command against the configured database (schema brought up to date first), prints its
 * one-line result, and exits 0, or 1 with the reason.
 */
export const runCli = async (command: (payload: Payload) => Promise<string>): Promise<never> => {
  let payload: Payload | undefined
  try {
    const database = await checkEnvironment()
    const { openPayload } = await import('../database/openPayload')
    payload = await openPayload(database)
    const message = await command(payload)
    await write(process.stdout, message)
    await payload.db.destroy?.()
    process.exit(0)
  } catch (error) {
    await write(process.stderr, isExplained(error) ? error.message : String((error as Error).stack ?? error))
    await payload?.db.destroy?.()
    process.exit(1)
  }
}
