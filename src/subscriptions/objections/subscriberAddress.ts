import type { Payload, PayloadRequest } from 'payload'

/** The subscriber's address for an id from their objection link, or null once they are erased. */
export const subscriberAddress = async (
  payload: Payload,
  req: PayloadRequest,
  subscriberId: string,
): Promise<string | null> => {
  const found = await payload
    .findByID({ collection: 'subscribers', id: subscriberId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  return found?.email || null
}
