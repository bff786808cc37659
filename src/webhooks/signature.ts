import { createHmac, timingSafeEqual } from 'node:crypto'

/** Kaiji's first signature header; kept, deprecated, for one release beside the Standard Webhooks headers. */
export const SIGNATURE_HEADER = 'X-Kaiji-Signature'

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, GitHub-style, so receivers can reuse their code. */
export const signBody = (secret: string, body: string | Buffer): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

const sameBytes = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** What a receiver does: recompute over the raw bytes and compare in constant time. */
export const verifySignature = (
  secret: string,
  body: string | Buffer,
  header: string | null | undefined,
): boolean => Boolean(header) && sameBytes(signBody(secret, body), header ?? '')

/**
 * Standard Webhooks (standardwebhooks.com): `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. The key
 * is the endpoint secret's UTF-8 bytes; a Standard Webhooks library takes it as `whsec_` followed by
 * the secret in base64. The timestamp is signed, so a receiver refuses a replayed old request.
 */
export const standardSignature = (
  secret: string,
  { id, timestamp, body }: { id: string; timestamp: number; body: string },
): string =>
  `v1,${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${id}.${timestamp}.${body}`).digest('base64')}`

/** A receiver's check: the signature matches and the timestamp is within `toleranceSeconds` of `now`. */
export const verifyStandardSignature = (
  secret: string,
  {
    id,
    timestamp,
    body,
    signatures,
  }: { id: string; timestamp: string; body: string; signatures: string },
  { now = Date.now(), toleranceSeconds = 300 }: { now?: number; toleranceSeconds?: number } = {},
): boolean => {
  const seconds = Number(timestamp)
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - seconds) > toleranceSeconds) return false
  const expected = standardSignature(secret, { id, timestamp: seconds, body })
  return signatures.split(' ').some((candidate) => sameBytes(expected, candidate))
}

/** The headers of one delivery attempt: a fresh timestamp each time, the same id for every retry. */
export const webhookSignatureHeaders = (
  secret: string,
  { id, body, now }: { id: string; body: string; now: number },
): Record<string, string> => {
  const timestamp = Math.floor(now / 1000)
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardSignature(secret, { id, timestamp, body }),
    [SIGNATURE_HEADER]: signBody(secret, body),
  }
}
