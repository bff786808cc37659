import { fileURLToPath } from 'node:url'

import { checkEnvironment, StartupError } from '../config/environment'
import { settings } from '../config/settings'
import { exitWithError } from './logger'

/** Checks the environment (and that MongoDB answers) before loading the heavy parts. */
const main = async () => {
  const database = await checkEnvironment()
  const { host, port, publicPort } = settings()
  if (process.argv.includes('--public-only')) {
    if (publicPort === null)
      throw new StartupError('--public-only needs KAIJI_PUBLIC_PORT (it is "off")')
    const { startPublicSite } = await import('./publicSite')
    await startPublicSite({ database, port: publicPort, host })
    return
  }
  const dev = process.argv.includes('--dev')
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
