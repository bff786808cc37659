/**
 * Payload logs every error a request ends with at `error`, with its stack, unless its class is listed
 * in `loggingLevels`; but its errors are classed by name, and one APIError may be a stale revision
 * (409), a four-eyes refusal (403) or a real fault (500). So the level follows the HTTP status:
 * refusals the product gives on purpose (4xx) are one line at info, or warn for refused access and
 * limits (401, 403, 429), without a stack; anything else stays an error with its stack.
 */

const WARN_STATUSES = new Set([401, 403, 429])

type Refusal = { status: number; name: string; message: string }

const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : null

/** The status an error answers with (Payload's APIError, or the one a GraphQL error wraps), when it is a 4xx refusal. */
export const refusalOf = (error: unknown): Refusal | null => {
  const err = record(error)
  if (!err) return null
  const original = record(err.originalError)
  const status =
    typeof err.status === 'number'
      ? err.status
      : typeof original?.status === 'number'
        ? original.status
        : null
  if (status === null || status < 400 || status > 499) return null
  const source = original && typeof original.status === 'number' ? original : err
  return {
    status,
    name: typeof source.name === 'string' ? source.name : 'Error',
    message: typeof err.message === 'string' ? err.message : String(status),
  }
}

export const refusalLevel = (status: number): 'info' | 'warn' =>
  WARN_STATUSES.has(status) ? 'warn' : 'info'

/** The error an `error`-level log call carries: `logger.error({ err })` or `logger.error(err)`. */
const loggedError = (first: unknown): unknown =>
  first instanceof Error ? first : record(first)?.err

type LogFn = (...args: unknown[]) => void

/** pino's `hooks.logMethod`: re-logs a 4xx refusal at info/warn without its stack; everything else as called. */
export function logRefusalsQuietly(
  this: { info: LogFn; warn: LogFn },
  args: unknown[],
  method: LogFn,
  level: number,
): void {
  const refusal = level === 50 ? refusalOf(loggedError(args[0])) : null
  if (!refusal) {
    method.apply(this, args)
    return
  }
  const message = typeof args[1] === 'string' ? args[1] : refusal.message
  this[refusalLevel(refusal.status)]({ status: refusal.status, error: refusal.name }, message)
}
