import type { PayloadRequest } from 'payload'

import { actorLabelFor } from './actorLabel'

/** The newest events of one subject in one locale, newest first, with actors as the requester may see them. */
export const auditHistory = async (
  req: PayloadRequest,
  subject: string,
  locale: string,
  limit = 50,
) => {
  const { docs } = await req.payload.find({
    collection: 'audit-events',
    where: { and: [{ subject: { equals: subject } }, { locale: { equals: locale } }] },
    sort: '-id',
    limit,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map(({ at, actorLabel, action, fromState, toState, reason, contentHash }) => ({
    at,
    actor: actorLabelFor(actorLabel, req.user),
    action,
    from: fromState,
    to: toState,
    reason,
    contentHash,
  }))
}
