/** Start-up messages before Payload (and its logger) exists. */
export const startupLog = (message: string): void => {
  process.stdout.write(`[kaiji] ${message}\n`)
}

export const startupFail = (message: string): never => {
  process.stderr.write(`[kaiji] ${message}\n`)
  process.exit(1)
}
