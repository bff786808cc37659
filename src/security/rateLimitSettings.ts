import { StartupError } from '../config/startupError'
import type { RateLimitRule } from './rateLimit'

/** Sign-in attempts per client address, whatever the account: slows password spraying across accounts. */
export const DEFAULT_LOGIN_RATE_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 60 }
/** Public reads per client address: far above what a reader or a polling integration needs. */
export const DEFAULT_PUBLIC_RATE_LIMIT: RateLimitRule = { limit: 1200, windowSeconds: 60 }

/**
 * `KAIJI_RATE_LIMIT_LOGIN` / `KAIJI_RATE_LIMIT_PUBLIC`: "LIMIT/SECONDS" (e.g. "10/60"), or "off".
 * Unset means the default; anything else is refused by name.
 */
export const parseRateLimit = (
  name: string,
  raw: string | undefined,
  fallback: RateLimitRule,
): RateLimitRule | null => {
  const value = raw?.trim()
  if (value === undefined || value === '') return fallback
  if (value.toLowerCase() === 'off') return null
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value)
  const limit = Number(match?.[1])
  const windowSeconds = Number(match?.[2])
  if (
    !match ||
    limit < 1 ||
    windowSeconds < 1 ||
    !Number.isSafeInteger(limit) ||
    !Number.isSafeInteger(windowSeconds)
  ) {
    throw new StartupError(
      `${name} "${raw}" is not a rate limit: write REQUESTS/SECONDS (e.g. "10/60"), or "off".`,
    )
  }
  return { limit, windowSeconds }
}

export const loginRateLimitFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  parseRateLimit('KAIJI_RATE_LIMIT_LOGIN', env.KAIJI_RATE_LIMIT_LOGIN, DEFAULT_LOGIN_RATE_LIMIT)

export const publicRateLimitFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  parseRateLimit('KAIJI_RATE_LIMIT_PUBLIC', env.KAIJI_RATE_LIMIT_PUBLIC, DEFAULT_PUBLIC_RATE_LIMIT)
