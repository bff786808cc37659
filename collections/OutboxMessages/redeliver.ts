import type { Endpoint, PayloadHandler } from 'payload'

import { hasRole } from '@/access/roles'
import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { describeActor } from '@/audit/actorLabel'
import {
  inTransaction,
  problem,
  readJsonObject,
  unknownFieldsRefusal,
} from '@/http/endpointHelpers'
import { outboxQueued } from '@/outbox/signal'
import type { User } from '@/payload-types'

const REDELIVERABLE = ['failed', 'refused']

/** POST /api/outbox-messages/:id/redeliver: an admin sends a failed delivery again, from a fresh attempt count. */
const redeliver: PayloadHandler = async (req) => {
  const user = req.user as User | null
  if (!user) return problem(401, 'Sign in to redeliver a message.', 'sign-in')
  if (!hasRole(user, 'admin'))
    return problem(403, 'Only administrators may redeliver a message.', 'may-not-redeliver')
  const body = (await readJsonObject(req)) ?? {}
  const unknown = unknownFieldsRefusal(body, [])
  if (unknown) return unknown
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id < 1)
    return problem(400, 'The message id must be a whole number.', 'bad-id')
  const response = await inTransaction(req, async () => {
    const message = await req.payload
      .findByID({ collection: 'outbox-messages', id, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!message) return problem(404, `No outbox message ${id}.`, 'not-found')
    if (!REDELIVERABLE.includes(message.status))
      return problem(
        409,
        `Message ${id} is ${message.status}; only a failed or refused delivery can be sent again.`,
        'not-redeliverable',
      )
    await req.payload.update({
      collection: 'outbox-messages',
      id,
      data: { status: 'pending', nextAttemptAt: new Date().toISOString(), lastError: null },
      overrideAccess: true,
      depth: 0,
      req,
    })
    await appendAuditEvent(req.payload, req, {
      actorId: String(user.id),
      actorLabel: describeActor(user),
      action: 'outbox.redeliver',
      subject: `outbox-messages:${id}`,
      locale: message.locale ?? '',
      fromState: message.status,
      toState: 'pending',
      reason: `${message.channel} ${message.topic} to ${message.recipient}`,
      contentHash: null,
    })
    return Response.json({ id, status: 'pending' })
  })
  if (response.ok) outboxQueued()
  return response
}

export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: redeliver,
}
