import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { CLIENT_ADDRESS_HEADER } from '../../../src/security/clientAddress'
import { RateLimiter, tooManyRequestsMessage } from '../../../src/security/rateLimit'
import { loginRateLimitFromEnv } from '../../../src/security/rateLimitSettings'

const LIMITED_OPERATIONS = new Set(['login', 'forgotPassword'])

/**
 * One limiter per process: Next bundles each route (REST, GraphQL) with its own copy of this module,
 * so the count lives on the process, not in a module variable.
 */
const LIMITER_KEY = Symbol.for('kaiji.signInRateLimiter')
type WithLimiter = typeof globalThis & { [LIMITER_KEY]?: RateLimiter | null }

const processLimiter = (): RateLimiter | null => {
  const store = globalThis as WithLimiter
  if (store[LIMITER_KEY] === undefined) {
    const rule = loginRateLimitFromEnv()
    store[LIMITER_KEY] = rule ? new RateLimiter(rule) : null
  }
  return store[LIMITER_KEY] ?? null
}

/**
 * Sign-in and password-reset requests per client address, over REST, GraphQL and the admin alike
 * (they all reach this operation). The per-account lockout (maxLoginAttempts) protects one account;
 * this slows one address trying many. Local API calls carry no address and are not limited.
 */
export const limitSignInAttempts: CollectionBeforeOperationHook<'users'> = ({ args, operation, req }) => {
  if (!LIMITED_OPERATIONS.has(operation)) return args
  const address = req.headers?.get(CLIENT_ADDRESS_HEADER)
  if (!address) return args
  const limiter = processLimiter()
  if (!limiter) return args
  const decision = limiter.take(address)
  if (!decision.allowed) {
    throw new APIError(tooManyRequestsMessage('sign-in attempts', limiter.rule, decision.retryAfterSeconds), 429, null, true)
  }
  return args
}
