import type { IncomingMessage, ServerResponse } from 'node:http'

import { clientAddressOfRequest, trustedProxyHops } from './clientAddress'
import { RateLimiter, tooManyRequestsMessage } from './rateLimit'
import { publicRateLimitFromEnv } from './rateLimitSettings'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** The public routes' handler behind a per-address limit (`KAIJI_RATE_LIMIT_PUBLIC`); unchanged when it is off. */
export const withPublicRateLimit = (
  handle: Handler,
  rule = publicRateLimitFromEnv(),
  hops = trustedProxyHops(),
): Handler => {
  if (!rule) return handle
  const limiter = new RateLimiter(rule)
  return (req, res) => {
    const decision = limiter.take(clientAddressOfRequest(req, hops))
    if (decision.allowed) return handle(req, res)
    const body = JSON.stringify({
      errors: [{ message: tooManyRequestsMessage('requests', rule, decision.retryAfterSeconds) }],
    })
    res.writeHead(429, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'Retry-After': String(decision.retryAfterSeconds),
    })
    res.end(body)
  }
}
