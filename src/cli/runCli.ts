import type { Payload } from 'payload'

import { checkEnvironment, StartupError } from '../config/environment'
import { openPayload } from '../database/openPayload'

export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Runs a command against the configured database (schema brought up to date first), prints its
 * one-line result, and exits 0, or 1 with the reason.
 */
const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
  new Promise((resolve) => stream.write(`${text}\n`, () => resolve()))

export const runCli = async (command: (payload: Payload) => Promise<string>): Promise<never> => {
  let payload: Payload | undefined
  try {
    const database = await checkEnvironment()
    payload = await openPayload(database)
    const message = await command(payload)
    await write(process.stdout, message)
    await payload.db.destroy?.()
    process.exit(0)
  } catch (error) {
    const known = error instanceof UsageError || error instanceof StartupError || (error as Error).name === 'SourceFormatError'
    await write(process.stderr, known ? (error as Error).message : String((error as Error).stack ?? error))
    await payload?.db.destroy?.()
    process.exit(1)
  }
}
