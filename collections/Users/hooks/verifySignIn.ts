import {
  APIError,
  AuthenticationError,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
} from 'payload'

import { verifyPassword } from '@/auth/passwordHash'
import { sayFor } from '@/i18n/adminText'
import type { User } from '@/payload-types'
import { CLIENT_ADDRESS_HEADER } from '@/security/clientAddress'
import { lockedOutMessage, SignInLockout } from '@/security/signInLockout'
import { processWide } from '@/utilities/processWide'

/** One lockout per process, whichever route's copy of this module (REST, GraphQL) is asked. */
const processLockout = (): SignInLockout => processWide('signInLockout', () => new SignInLockout())

/** Payload's own normalization of the email it looks accounts up by. */
const accountOf = (email: string): string => email.toLowerCase().trim()

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== ''

/**
 * Checks the password before Payload does, so that every failed sign-in looks and costs the same:
 * an unknown email is hashed against a dummy hash with Payload's parameters, a wrong password
 * against the account's; both answer Payload's "email or password incorrect". After five failures
 * in a row an (email, client address) pair is refused for ten minutes with one message whether the
 * account exists or not, and without a lookup or a hash. Payload's own lockout (maxLoginAttempts)
 * never sees a wrong password, so it can no longer lock the owner out from every address.
 * Local API sign-ins carry no address and share one key.
 */
export const verifySignIn: CollectionBeforeOperationHook<'users'> = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'login') return args
  const { email, password } = (args.data ?? {}) as { email?: unknown; password?: unknown }
  // A missing email or password is Payload's to refuse (400 naming the field), before any lookup.
  if (!nonEmpty(email) || !nonEmpty(password)) return args
  const account = accountOf(email)
  const address = req.headers?.get(CLIENT_ADDRESS_HEADER) ?? 'local'
  const lockout = processLockout()
  const lockedFor = lockout.lockedFor(account, address)
  if (lockedFor > 0)
    throw new APIError(lockedOutMessage(lockout.rule, lockedFor, sayFor(req)), 429, null, true)

  const user = await req.payload.db.findOne<User & { hash?: string; salt?: string }>({
    collection: 'users',
    where: { email: { equals: account } },
    req,
  })
  if (!(await verifyPassword(password, user))) {
    lockout.fail(account, address)
    throw new AuthenticationError(req.t)
  }
  lockout.succeed(account, address)
  // A lock Payload set before this check existed would refuse the owner everywhere: lift it.
  if (user && ((user.loginAttempts ?? 0) > 0 || user.lockUntil)) {
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { loginAttempts: 0, lockUntil: null },
      req,
      returning: false,
    })
  }
  return args
}

/** An administrator's unlock (admin or `POST /api/users/unlock`) frees the account from every address. */
export const forgetLockoutOnUnlock: CollectionAfterOperationHook<'users'> = ({
  args,
  operation,
  result,
}) => {
  if (operation === 'unlock' && result) {
    const email = (args as { data?: { email?: unknown } }).data?.email
    if (nonEmpty(email)) processLockout().unlock(accountOf(email))
  }
  return result
}
