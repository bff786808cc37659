import type { Endpoint } from 'payload'

import { problem } from '../http/endpointHelpers'
import type { User } from '../payload-types'
import { loadReviewQueue } from '../translations/loadReviewQueue'

/** GET /api/workflow/queue: what waits for the signed-in user (the dashboard's review queue). */
const reviewQueue: Endpoint = {
  path: '/workflow/queue',
  method: 'get',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to see what waits for you.')
    const pageTitle = (req.i18n.t as (key: string) => string)('kaijiAdmin:reviewQueue:pageTitle')
    return Response.json(await loadReviewQueue(req.payload, user, pageTitle), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}

export const reviewQueueEndpoints: Endpoint[] = [reviewQueue]
