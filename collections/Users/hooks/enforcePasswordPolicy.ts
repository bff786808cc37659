import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { passwordWeakness } from '@/auth/passwordPolicy'
import { sayFor } from '@/i18n/adminText'
import type { User } from '@/payload-types'

/** One policy for every way a password is set: admin form, first user, REST, GraphQL, CLI. */
export const enforcePasswordPolicy: CollectionBeforeValidateHook<User> = ({
  data,
  originalDoc,
  req,
}) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password !== 'string') return data
  const weakness = passwordWeakness(password, data?.email ?? originalDoc?.email, sayFor(req))
  if (weakness) {
    throw new ValidationError({
      collection: 'users',
      errors: [{ path: 'password', message: weakness }],
      req,
    })
  }
  return data
}
