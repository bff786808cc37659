import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { settings } from '@/config/settings'
import { CLIENT_ADDRESS_HEADER } from '@/security/clientAddress'
import { adminText } from '@/i18n/adminText'
import { RateLimiter } from '@/security/rateLimit'
import { processWide } from '@/utilities/processWide'

const LIMITED_OPERATIONS = new Set(['login', 'forgotPassword'])

/** One count per process, whichever route's copy of this module (REST, GraphQL) is asked. */
const processLimiter = (): RateLimiter | null =>
  processWide('signInRateLimiter', () => {
    const rule = settings().rateLimits.login
    return rule ? new RateLimiter(rule) : null
  })

/**
 * Sign-in and password-reset requests per client address, over REST, GraphQL and the admin alike
 * (they all reach this operation). The lockout per (account, address) in verifySignIn protects one
 * account; this slows one address trying many. Local API calls carry no address and are not limited.
 */
export const limitSignInAttempts: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
  req,
}) => {
  if (!LIMITED_OPERATIONS.has(operation)) return args
  const address = req.headers?.get(CLIENT_ADDRESS_HEADER)
  if (!address) return args
  const limiter = processLimiter()
  if (!limiter) return args
  const decision = limiter.take(address)
  if (!decision.allowed) {
    throw new APIError(
      adminText(req, 'kaijiAdmin:messages:users:signInRateLimited', {
        limit: limiter.rule.limit,
        window: limiter.rule.windowSeconds,
        seconds: decision.retryAfterSeconds,
      }),
      429,
      null,
      true,
    )
  }
  return args
}
