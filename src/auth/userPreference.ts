import type { PayloadRequest, Where } from 'payload'

import type { PayloadPreference } from '@/payload-types'

/** One of a user's admin preferences (Payload's `payload-preferences`), read by the server, or null. */
export const findUserPreference = async (
  req: PayloadRequest,
  userId: number,
  key: string,
): Promise<PayloadPreference | null> => {
  const where: Where = {
    and: [
      { key: { equals: key } },
      { 'user.value': { equals: userId } },
      { 'user.relationTo': { equals: 'users' } },
    ],
  }
  const { docs } = await req.payload.find({
    collection: 'payload-preferences',
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}
