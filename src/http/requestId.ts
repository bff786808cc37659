import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The id a proxy in front already gave this request, when it is a sane token (never echoed otherwise). */
export const incomingRequestId = (req: IncomingMessage): string | null => {
  const header = req.headers['x-request-id']
  const value = Array.isArray(header) ? header[0] : header
  return value && VALID_REQUEST_ID.test(value) ? value : null
}

/** The request's id: the proxy's, or a new one. */
export const requestIdOf = (req: IncomingMessage): string => incomingRequestId(req) ?? randomUUID()
