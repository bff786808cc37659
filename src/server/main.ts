import { fileURLToPath } from 'node:url'

import { checkEnvironment, StartupError } from '../config/environment'
import { exitWithError } from './logger'

const DEFAULT_PORT = 3000
const DEFAULT_PUBLIC_PORT = 3001
const DEFAULT_HOST = '127.0.0.1'

const parsePort = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(`${name} "${raw}" is not a port number (0–65535)`)
  }
  return port
}

/** `KAIJI_PUBLIC_PORT=off` keeps the public routes on the main port only. */
const parsePublicPort = (raw: string | undefined): number | null =>
  raw?.trim().toLowerCase() === 'off'
    ? null
    : parsePort('KAIJI_PUBLIC_PORT', raw, DEFAULT_PUBLIC_PORT)

/** Checks the environment (and that MongoDB answers) before loading the heavy parts. */
const main = async () => {
  const host = process.env.HOST ?? DEFAULT_HOST
  const publicPort = parsePublicPort(process.env.KAIJI_PUBLIC_PORT)
  if (process.argv.includes('--public-only')) {
    if (publicPort === null)
      throw new StartupError('--public-only needs KAIJI_PUBLIC_PORT (it is "off")')
    const database = await checkEnvironment()
    const { startPublicSite } = await import('./publicSite')
    await startPublicSite({ database, port: publicPort, host })
    return
  }
  const dev = process.argv.includes('--dev')
  const port = parsePort('PORT', process.env.PORT, DEFAULT_PORT)
  const database = await checkEnvironment()
  const { start } = await import('./start')
  // The public site is this same entry point (the bundle, or this file under tsx in development).
  const publicSite =
    publicPort === null
      ? null
      : { port: publicPort, entry: fileURLToPath(import.meta.url), execArgv: process.execArgv }
  await start({ dev, database, port, host, publicSite })
}

main().catch((error: unknown) =>
  exitWithError(
    error instanceof StartupError
      ? error.message
      : `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  ),
)
