import type { Role } from '../config/roles'
import type { User } from '../payload-types'

type MaybeUser = Pick<User, 'role'> | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.role && roles.includes(user.role))
