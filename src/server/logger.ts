/** Start-up messages before Payload (and its logger) exists. */
export const startupLog = (message: string): void => {
  process.stdout.write(`[kaiji] ${message}\n`)
}

/** Prints the reason and ends the process with a failure exit code. */
export const exitWithError = (message: string): never => {
  process.stderr.write(`[kaiji] ${message}\n`)
  process.exit(1)
}
