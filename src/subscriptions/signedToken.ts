import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Tokens for the links in emails: what the link is for, a few fields, and an HMAC over both with a
 * key derived from the Payload secret. Nothing is stored, so a token cannot be looked up, only checked;
 * a token for one purpose is refused for another.
 */
export type TokenPurpose = 'unsubscribe' | 'object'

const keyFor = (secret: string, purpose: TokenPurpose): Buffer =>
  createHmac('sha256', secret).update(`kaiji-link:${purpose}`).digest()

const mac = (secret: string, purpose: TokenPurpose, body: string): string =>
  createHmac('sha256', keyFor(secret, purpose)).update(body).digest('base64url')

export const signToken = (
  secret: string,
  purpose: TokenPurpose,
  fields: Record<string, string | number>,
): string => {
  const body = Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url')
  return `${body}.${mac(secret, purpose, body)}`
}

/** The fields, or null when the token is malformed, altered or made for another purpose. */
export const verifyToken = (
  secret: string,
  purpose: TokenPurpose,
  token: string,
): Record<string, unknown> | null => {
  if (token.length > 2_000) return null
  const [body, signature, ...rest] = token.split('.')
  if (!body || !signature || rest.length) return null
  const expected = Buffer.from(mac(secret, purpose, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const fields: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    return fields && typeof fields === 'object' && !Array.isArray(fields)
      ? (fields as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
