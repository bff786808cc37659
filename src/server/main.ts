import { StartupError } from '../database/openPayload'
import { exitWithError } from './logger'
import { start } from './start'

start({ dev: process.argv.includes('--dev') }).catch((error: unknown) =>
  exitWithError(
    error instanceof StartupError
      ? error.message
      : `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  ),
)
