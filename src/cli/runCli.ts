import type { Payload } from 'payload'

import { SourceFormatError } from '@seed/parseSource'
import { BackupError } from '../backup/sqliteBackup'
import { checkEnvironment, StartupError } from '../config/environment'
import { closeDatabase } from '../database/closeDatabase'
import { StaticExportError } from '../delivery/staticExport'

export class UsageError extends Error {
  override name = 'UsageError'
}

const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
  new Promise((resolve) => stream.write(`${text}\n`, () => resolve()))

/** Errors whose message is the whole story for the person at the terminal (no stack trace). */
const isExplained = (error: unknown): error is Error =>
  error instanceof UsageError ||
  error instanceof StartupError ||
  error instanceof SourceFormatError ||
  error instanceof BackupError ||
  error instanceof StaticExportError

/**
 * Runs a command against the configured database (schema brought up to date first, unless a command
 * that only reads says `migrate: false`), prints its one-line result, and exits 0, or 1 with the reason.
 */
export const runCli = async (
  command: (payload: Payload) => Promise<string>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<never> => {
  let payload: Payload | undefined
  try {
    const database = await checkEnvironment()
    const { openPayload } = await import('../database/openPayload')
    payload = await openPayload(database, { migrate })
    const message = await command(payload)
    await write(process.stdout, message)
    await closeDatabase(payload)
    process.exit(0)
  } catch (error) {
    await write(
      process.stderr,
      isExplained(error) ? error.message : String((error as Error).stack ?? error),
    )
    if (payload) await closeDatabase(payload)
    process.exit(1)
  }
}

/** Like runCli, for commands that work on files and open Payload only if they ask (backup, restore). */
export const runFileCommand = async (command: () => Promise<string>): Promise<never> => {
  try {
    await write(process.stdout, await command())
    process.exit(0)
  } catch (error) {
    await write(
      process.stderr,
      isExplained(error) ? error.message : String((error as Error).stack ?? error),
    )
    process.exit(1)
  }
}
