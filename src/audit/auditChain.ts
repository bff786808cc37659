import { createHash } from 'node:crypto'

import { stableStringify } from '../utilities/stableStringify'

/** The recorded facts of an audit event; the hashes are derived from them. */
export type AuditFacts = {
  at: string
  actorId: string | null
  actorLabel: string
  action: string
  subject: string
  locale: string
  fromState: string | null
  toState: string | null
  reason: string | null
  contentHash: string | null
}

export const GENESIS_HASH = '0'.repeat(64)

export const eventHash = (previousHash: string, facts: AuditFacts): string =>
  createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(stableStringify(facts))
    .digest('hex')

export type ChainedEvent = {
  id: number | string
  facts: AuditFacts
  previousHash: string
  hash: string
}

/** The first event whose link or own hash does not match what its facts say, or null when intact. */
export const firstBrokenLink = (
  events: readonly ChainedEvent[],
): { id: number | string; position: number; problem: string } | null => {
  let expectedPrevious = GENESIS_HASH
  for (const [position, event] of events.entries()) {
    if (event.previousHash !== expectedPrevious) {
      return {
        id: event.id,
        position,
        problem: 'its previous-hash does not match the event before it',
      }
    }
    if (eventHash(event.previousHash, event.facts) !== event.hash) {
      return {
        id: event.id,
        position,
        problem: 'its content does not match its hash (the row was altered)',
      }
    }
    expectedPrevious = event.hash
  }
  return null
}
