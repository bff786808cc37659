import type { Payload } from 'payload'

import { firstBrokenLink, type ChainedEvent } from './auditChain'

/** Reads the whole trail in append order and recomputes the chain. */
export const verifyAuditTrail = async (
  payload: Payload,
): Promise<{ events: number; broken: ReturnType<typeof firstBrokenLink> }> => {
  const { docs } = await payload.find({
    collection: 'audit-events',
    sort: 'id',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const events: ChainedEvent[] = docs.map((doc) => ({
    id: doc.id,
    previousHash: doc.previousHash,
    hash: doc.hash,
    facts: {
      at: doc.at,
      actorId: doc.actorId ?? null,
      actorLabel: doc.actorLabel,
      action: doc.action,
      subject: doc.subject,
      locale: doc.locale,
      fromState: doc.fromState ?? null,
      toState: doc.toState ?? null,
      reason: doc.reason ?? null,
      contentHash: doc.contentHash ?? null,
    },
  }))
  return { events: events.length, broken: firstBrokenLink(events) }
}
