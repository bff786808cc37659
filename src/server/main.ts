import { start } from './start'
import { startupFail } from './logger'

start({ dev: process.argv.includes('--dev') }).catch((error: unknown) =>
  startupFail(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
)
