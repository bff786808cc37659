import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Payload 3.90's password hashes (its local strategy does not export these): PBKDF2-SHA256, 600 000
 * iterations and 32 bytes for hashes written with the `pbkdf2-sha256-v1:` prefix, 25 000 iterations
 * and 512 bytes for older ones (rehashed on their next sign-in). A test checks that hashes Payload
 * writes verify here, so an upgrade that changes them fails loudly.
 */
export const CURRENT_HASH_PREFIX = 'pbkdf2-sha256-v1:'
export const CURRENT_HASH = { iterations: 600_000, keyLength: 32 } as const
export const LEGACY_HASH = { iterations: 25_000, keyLength: 512 } as const

export type StoredPassword = { hash?: unknown; salt?: unknown }

export const hashParameters = (
  hash: string,
): { hex: string; iterations: number; keyLength: number } =>
  hash.startsWith(CURRENT_HASH_PREFIX)
    ? { hex: hash.slice(CURRENT_HASH_PREFIX.length), ...CURRENT_HASH }
    : { hex: hash, ...LEGACY_HASH }

const derive = (
  password: string,
  salt: string,
  iterations: number,
  keyLength: number,
): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

/** What a new account's hash is made with, for a password nobody knows: the stand-in for an unknown email. */
const DUMMY: { hash: string; salt: string } = {
  hash: `${CURRENT_HASH_PREFIX}${'0'.repeat(CURRENT_HASH.keyLength * 2)}`,
  salt: randomBytes(32).toString('hex'),
}

/**
 * Whether `password` matches the stored hash, comparing in constant time. An account without a
 * usable hash is checked against a dummy one, so it costs the same and never matches.
 */
export const verifyPassword = async (
  password: string,
  stored: StoredPassword | null,
): Promise<boolean> => {
  const usable =
    typeof stored?.hash === 'string' && typeof stored.salt === 'string' && stored.hash !== ''
  const { hash, salt } = usable ? (stored as { hash: string; salt: string }) : DUMMY
  const { hex, iterations, keyLength } = hashParameters(hash)
  const derived = await derive(password, salt, iterations, keyLength)
  const expected = Buffer.from(hex, 'hex')
  const matches = derived.length === expected.length && timingSafeEqual(derived, expected)
  return usable && matches
}
