import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const MIN_PRODUCTION_SECRET_LENGTH = 32
export const SECRET_FILE_NAME = '.payload-secret'

export class PayloadSecretError extends Error {
  override name = 'PayloadSecretError'
}

/** The production rule alone (no files): a message when PAYLOAD_SECRET breaks it, else null. */
export const payloadSecretProblem = (
  env: Readonly<Record<string, string | undefined>>,
): string | null => {
  const fromEnv = env.PAYLOAD_SECRET
  if (env.NODE_ENV !== 'production' || (fromEnv && fromEnv.length >= MIN_PRODUCTION_SECRET_LENGTH))
    return null
  return (
    `PAYLOAD_SECRET must be set to at least ${MIN_PRODUCTION_SECRET_LENGTH} characters when NODE_ENV=production` +
    (fromEnv ? ` (it has ${fromEnv.length})` : ' (it is not set)')
  )
}

/**
 * PAYLOAD_SECRET from the environment wins. Without it, a deployment marked as production refuses to
 * start; anything else (the quick start, tests) gets a random secret kept under the data folder, so
 * sessions survive restarts.
 */
export const resolvePayloadSecret = (
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): string => {
  const problem = payloadSecretProblem(env)
  if (problem) throw new PayloadSecretError(problem)
  const fromEnv = env.PAYLOAD_SECRET
  if (fromEnv) return fromEnv

  const secretFile = path.join(dataDir, SECRET_FILE_NAME)
  try {
    const stored = fs.readFileSync(secretFile, 'utf8').trim()
    if (stored.length >= MIN_PRODUCTION_SECRET_LENGTH) return stored
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const generated = randomBytes(48).toString('base64url')
  fs.writeFileSync(secretFile, `${generated}\n`, { mode: 0o600 })
  return generated
}
