import type { Payload } from 'payload'

import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { inLocalTransaction } from '@/database/localTransaction'
import { isUniqueViolation } from '@/database/uniqueViolation'
import { queueMessage } from '@/outbox/queue'
import { outboxQueued } from '@/outbox/signal'
import { acknowledgementContent } from './objectionPages'
import { objectionKey, type ObjectionClaim, type ObjectionForm } from './objectionRules'
import { subscriberAddress } from './subscriberAddress'

const system = { overrideAccess: true, depth: 0 } as const

export type Recorded =
  | { outcome: 'recorded'; id: number; receivedAt: string; acknowledgedTo: string | null }
  | { outcome: 'already-recorded'; receivedAt: string }

export const findObjection = async (
  payload: Payload,
  claim: ObjectionClaim,
): Promise<{ id: number; receivedAt: string } | null> => {
  const { docs } = await payload.find({
    collection: 'objections',
    where: { key: { equals: objectionKey(claim) } },
    limit: 1,
    select: { receivedAt: true },
    ...system,
  })
  const found = docs[0]
  return found ? { id: found.id, receivedAt: found.receivedAt } : null
}

const actorFor = (claim: ObjectionClaim) => ({
  actorId: null,
  actorLabel: `subscriber #${claim.subscriberId}`,
})

/**
 * The objection, its acknowledgement email and their audit events, in one transaction: all of them or
 * none. A second objection by the same subscriber to the same release meets the unique key and is
 * reported as already recorded.
 */
export const recordObjection = async (
  payload: Payload,
  {
    claim,
    form,
    effectiveAt,
    now = new Date(),
  }: { claim: ObjectionClaim; form: ObjectionForm; effectiveAt: string; now?: Date },
): Promise<Recorded> => {
  const existing = await findObjection(payload, claim)
  if (existing) return { outcome: 'already-recorded', receivedAt: existing.receivedAt }
  const receivedAt = now.toISOString()
  try {
    const { id, to } = await inLocalTransaction(payload, async (req) => {
      const objection = await payload.create({
        collection: 'objections',
        data: {
          title: `${claim.locale} #${claim.number} — ${form.organisation ?? `subscriber ${claim.subscriberId}`}`,
          key: objectionKey(claim),
          locale: claim.locale,
          releaseNumber: claim.number,
          subscriber: claim.subscriberId,
          email: form.email,
          organisation: form.organisation,
          reason: form.reason,
          receivedAt,
          status: 'open',
        },
        req,
        ...system,
      })
      const subject = `objections:${objection.id}`
      await appendAuditEvent(payload, req, {
        ...actorFor(claim),
        action: 'objection-received',
        subject,
        locale: claim.locale,
        fromState: null,
        toState: 'open',
        // The trail is append-only and hash-chained: it names the release, never what the subscriber wrote.
        reason: `release ${claim.number}`,
        contentHash: null,
      })
      const to = form.email ?? (await subscriberAddress(payload, req, claim.subscriberId))
      if (to) {
        await queueMessage(payload, req, {
          key: `objection-acknowledgement:${objectionKey(claim)}`,
          channel: 'email',
          topic: 'objection.acknowledged',
          recipient: to,
          locale: claim.locale,
          releaseNumber: claim.number,
          content: {
            to,
            ...acknowledgementContent({
              locale: claim.locale,
              number: claim.number,
              receivedAt,
              effectiveAt,
              reason: form.reason,
            }),
          },
        })
        await appendAuditEvent(payload, req, {
          ...actorFor(claim),
          action: 'objection-acknowledged',
          subject,
          locale: claim.locale,
          fromState: null,
          toState: null,
          reason: 'acknowledgement queued by email',
          contentHash: null,
        })
      }
      return { id: objection.id, to }
    })
    if (to) outboxQueued()
    return { outcome: 'recorded', id, receivedAt, acknowledgedTo: to }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const raced = await findObjection(payload, claim)
    if (!raced) throw error
    return { outcome: 'already-recorded', receivedAt: raced.receivedAt }
  }
}
