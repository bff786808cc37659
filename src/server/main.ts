import { checkEnvironment, StartupError } from '../config/environment'
import { exitWithError } from './logger'

const DEFAULT_PORT = 3000

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(`PORT "${raw}" is not a port number (0–65535)`)
  }
  return port
}

/** Checks the environment (and that MongoDB answers) before loading the heavy parts. */
const main = async () => {
  const dev = process.argv.includes('--dev')
  const port = parsePort(process.env.PORT)
  const database = await checkEnvironment()
  const { start } = await import('./start')
  await start({ dev, database, port })
}

main().catch((error: unknown) =>
  exitWithError(
    error instanceof StartupError
      ? error.message
      : `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  ),
)
