import { APIError, type FieldHook } from 'payload'

import { hasRole } from '@/access/roles'
import { adminText } from '@/i18n/adminText'
import type { User } from '@/payload-types'

const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Field access alone would drop a non-admin's role change without a word; this says no instead,
 * before access control strips the value.
 */
export const refuseChangeUnlessAdmin =
  (fieldName: 'role' | 'assignedLocales'): FieldHook<User> =>
  ({ value, originalDoc, operation, req, overrideAccess }) => {
    if (overrideAccess || operation !== 'update' || value === undefined) return value
    if (hasRole(req.user, 'admin')) return value
    if (!sameValue(value, originalDoc?.[fieldName])) {
      throw new APIError(
        adminText(req, `kaijiAdmin:messages:users:onlyAdminChanges:${fieldName}`),
        403,
        undefined,
        true,
      )
    }
    return value
  }
