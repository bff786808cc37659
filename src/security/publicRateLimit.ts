import type { IncomingMessage, ServerResponse } from 'node:http'

import { settings } from '../config/settings'
import { clientAddressOfRequest } from './clientAddress'
import { RateLimiter, tooManyRequestsMessage } from './rateLimit'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** The public routes' handler behind a per-address limit (`KAIJI_RATE_LIMIT_PUBLIC`); unchanged when it is off. */
export const withPublicRateLimit = (
  handle: Handler,
  rule = settings().rateLimits.public,
  hops = settings().trustProxy,
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
