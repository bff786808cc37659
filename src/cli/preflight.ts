import { checkEnvironment } from '../config/environment'

/** Run by `npm start` before a build, so a bad environment is refused before minutes of building. */
try {
  await checkEnvironment()
} catch (error) {
  process.stderr.write(`[kaiji] ${(error as Error).message}\n`)
  process.exit(1)
}
