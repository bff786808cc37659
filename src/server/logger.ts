import { jsonLogs } from '../config/settings'

/** A line in the configured format: `[kaiji] message`, or a JSON object like pino's (level 30 info, 50 error). */
const line = (level: number, message: string): string =>
  jsonLogs()
    ? `${JSON.stringify({ level, time: Date.now(), name: 'kaiji', msg: message })}\n`
    : `[kaiji] ${message}\n`

/** Start-up messages before Payload (and its logger) exists. */
export const startupLog = (message: string): void => {
  process.stdout.write(line(30, message))
}

/** Prints the reason and ends the process with a failure exit code. */
export const exitWithError = (message: string): never => {
  process.stderr.write(line(50, message))
  process.exit(1)
}
