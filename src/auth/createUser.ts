import type { Payload } from 'payload'

import { parseTargetLocaleList, type TargetLocaleCode } from '../config/locales'
import { isRole, ROLES, type Role } from '../config/roles'
import type { User } from '../payload-types'
import { passwordWeakness } from './passwordPolicy'

export class CreateUserError extends Error {
  override name = 'CreateUserError'
}

export type CreateUserInput = {
  email?: string
  password?: string
  role?: string
  locales?: string
  name?: string
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Checks everything a person can get wrong, before the database is touched. */
export const validateCreateUserInput = (
  input: CreateUserInput,
): {
  email: string
  password: string
  role: Role
  assignedLocales: TargetLocaleCode[]
  name?: string
} => {
  const email = input.email?.trim().toLowerCase()
  if (!email) throw new CreateUserError('--email is required')
  if (!EMAIL.test(email))
    throw new CreateUserError(`--email "${input.email}" is not an email address`)
  if (!input.password) throw new CreateUserError('--password is required')
  const weakness = passwordWeakness(input.password, email)
  if (weakness) throw new CreateUserError(`--password is too weak: ${weakness}`)
  if (!input.role) throw new CreateUserError(`--role is required (one of ${ROLES.join(', ')})`)
  if (!isRole(input.role))
    throw new CreateUserError(
      `--role "${input.role}" is not a role; use one of ${ROLES.join(', ')}`,
    )
  let locales: TargetLocaleCode[] = []
  if (input.role === 'translator') {
    if (!input.locales)
      throw new CreateUserError('--locales is required for a translator, e.g. --locales en,fr')
    try {
      locales = parseTargetLocaleList(input.locales)
    } catch (error) {
      throw new CreateUserError(`--locales: ${(error as Error).message}`)
    }
    if (locales.length === 0) throw new CreateUserError('--locales names no locale')
  } else if (input.locales) {
    throw new CreateUserError(`--locales applies to translators only, not to ${input.role}`)
  }
  return {
    email,
    password: input.password,
    role: input.role,
    assignedLocales: locales,
    name: input.name,
  }
}

export const createUser = async (payload: Payload, input: CreateUserInput): Promise<User> => {
  const valid = validateCreateUserInput(input)
  const { totalDocs } = await payload.count({
    collection: 'users',
    where: { email: { equals: valid.email } },
    overrideAccess: true,
  })
  if (totalDocs > 0) throw new CreateUserError(`a user with email ${valid.email} already exists`)
  return payload.create({ collection: 'users', data: valid, overrideAccess: true })
}
