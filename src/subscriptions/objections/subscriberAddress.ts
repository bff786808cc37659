import type { Payload, PayloadRequest } from 'payload'

/**
 * The seam to the subscribers collection (built on another branch): its address for an id, or null
 * while that collection does not exist here or holds no such subscriber.
 */
export const subscriberAddress = async (
  payload: Payload,
  req: PayloadRequest,
  subscriberId: string,
): Promise<string | null> => {
  const slug = 'subscribers'
  if (!payload.collections[slug as keyof typeof payload.collections]) return null
  const found: unknown = await payload
    .findByID({
      collection: slug as Parameters<Payload['findByID']>[0]['collection'],
      id: subscriberId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    .catch(() => null)
  const email = found && typeof found === 'object' ? (found as { email?: unknown }).email : null
  return typeof email === 'string' && email ? email : null
}
