import { createHash, randomBytes } from 'node:crypto'

/** Only the hash is stored: a copy of the database does not confirm anyone's subscription. */
export const hashConfirmationToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex')

export const newConfirmationToken = (): { token: string; hash: string } => {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashConfirmationToken(token) }
}

export const looksLikeConfirmationToken = (value: string): boolean =>
  /^[A-Za-z0-9_-]{43}$/.test(value)
