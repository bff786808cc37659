import type { Payload, PayloadRequest } from 'payload'

import { eventHash, GENESIS_HASH, type AuditFacts } from './auditChain'

const system = { overrideAccess: true, depth: 0 } as const

/** The last append each request made: appends within one request (a bulk update's documents run in parallel) take turns. */
const lastAppend = new WeakMap<PayloadRequest, Promise<unknown>>()

/** Appends one event to the hash chain; call inside the transaction that makes the change. */
export const appendAuditEvent = (
  payload: Payload,
  req: PayloadRequest,
  event: Omit<AuditFacts, 'at'>,
): Promise<void> => {
  const append = (lastAppend.get(req) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => appendNow(payload, req, event))
  lastAppend.set(req, append)
  return append
}

const appendNow = async (
  payload: Payload,
  req: PayloadRequest,
  event: Omit<AuditFacts, 'at'>,
): Promise<void> => {
  const { docs } = await payload.find({
    collection: 'audit-events',
    sort: '-id',
    limit: 1,
    req,
    ...system,
  })
  const previousHash = docs[0]?.hash ?? GENESIS_HASH
  const facts: AuditFacts = { ...event, at: new Date().toISOString() }
  await payload.create({
    collection: 'audit-events',
    data: { ...facts, previousHash, hash: eventHash(previousHash, facts) },
    req,
    ...system,
  })
}
