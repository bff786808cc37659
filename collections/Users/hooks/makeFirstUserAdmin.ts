import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '@/payload-types'

/**
 * The admin's create-first-user screen is open while no user exists; whoever uses it runs the system,
 * so that account is an administrator whatever role the form sent. Other creations keep their role.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook<User> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || req.user || req.payloadAPI === 'local') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) {
    req.payload.logger.info(`First user ${String(data.email)} registered as administrator`)
    return { ...data, role: 'admin', assignedLocales: [] }
  }
  return data
}
