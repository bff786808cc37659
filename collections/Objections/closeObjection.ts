import type { Endpoint, PayloadHandler } from 'payload'

import { hasRole } from '@/access/roles'
import { describeActor } from '@/audit/actorLabel'
import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { inTransaction, problem, readJsonObject } from '@/http/endpointHelpers'
import type { User } from '@/payload-types'
import { parseCloseRequest } from '@/subscriptions/objections/objectionRules'

/** POST /api/objections/:id/close: a legal reviewer or admin records the outcome, once. */
const closeObjection: PayloadHandler = async (req) => {
  const user = req.user as User | null
  if (!user) return problem(401, 'Sign in to close an objection.', 'sign-in')
  if (!hasRole(user, 'legal-reviewer', 'admin'))
    return problem(
      403,
      'Only legal reviewers and administrators may close an objection.',
      'may-not-close',
    )
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id < 1)
    return problem(400, 'The objection id must be a whole number.', 'bad-id')
  const parsed = parseCloseRequest(await readJsonObject(req))
  if (!parsed.ok) return problem(400, parsed.problem, 'bad-close')
  const { outcome, note } = parsed.value
  return inTransaction(req, async () => {
    const objection = await req.payload
      .findByID({ collection: 'objections', id, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!objection) return problem(404, `No objection ${id}.`, 'not-found')
    if (objection.status === 'closed')
      return problem(
        409,
        `Objection ${id} was already closed (${objection.outcome ?? 'no outcome'}); its outcome is not changed.`,
        'already-closed',
      )
    const closedAt = new Date().toISOString()
    // Guarded by status: of two reviewers closing at once, the second updates nothing.
    const { docs } = await req.payload.update({
      collection: 'objections',
      where: { and: [{ id: { equals: id } }, { status: { equals: 'open' } }] },
      data: { status: 'closed', outcome, outcomeNote: note, closedBy: user.id, closedAt },
      overrideAccess: true,
      depth: 0,
      req,
    })
    if (docs.length !== 1)
      return problem(409, `Objection ${id} was closed meanwhile.`, 'already-closed')
    await appendAuditEvent(req.payload, req, {
      actorId: String(user.id),
      actorLabel: describeActor(user),
      action: 'objection-closed',
      subject: `objections:${id}`,
      locale: objection.locale,
      fromState: 'open',
      toState: `closed:${outcome}`,
      reason: note,
      contentHash: null,
    })
    return Response.json({ id, status: 'closed', outcome, outcomeNote: note, closedAt })
  })
}

export const closeObjectionEndpoint: Endpoint = {
  path: '/:id/close',
  method: 'post',
  handler: closeObjection,
}
