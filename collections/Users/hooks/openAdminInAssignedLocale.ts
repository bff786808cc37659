import type { CollectionAfterLoginHook } from 'payload'

import type { User } from '@/payload-types'

import { hasRole } from '@/access/roles'
import { findUserPreference } from '@/auth/userPreference'

/**
 * The admin opens in the locale saved in the user's preferences, else the source (ja). A translator
 * sees only their locales, so start them in their first one unless they already chose one of theirs.
 */
export const openAdminInAssignedLocale: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  if (!hasRole(user, 'translator')) return user
  const assigned: string[] = user.assignedLocales ?? []
  const first = assigned[0]
  if (!first) return user
  const saved = await findUserPreference(req, user.id, 'locale')
  if (saved && typeof saved.value === 'string' && assigned.includes(saved.value)) return user
  if (saved)
    await req.payload.update({
      collection: 'payload-preferences',
      id: saved.id,
      data: { value: first },
      overrideAccess: true,
      req,
    })
  else
    await req.payload.create({
      collection: 'payload-preferences',
      data: { key: 'locale', user: { relationTo: 'users', value: user.id }, value: first },
      overrideAccess: true,
      req,
    })
  return user
}
