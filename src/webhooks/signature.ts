import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Kaiji-Signature'

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, GitHub-style, so receivers can reuse their code. */
export const signBody = (secret: string, body: string | Buffer): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/** What a receiver does: recompute over the raw bytes and compare in constant time. */
export const verifySignature = (
  secret: string,
  body: string | Buffer,
  header: string | null | undefined,
): boolean => {
  if (!header) return false
  const expected = Buffer.from(signBody(secret, body))
  const given = Buffer.from(header)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
