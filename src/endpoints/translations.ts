import type { Endpoint } from 'payload'

import type { User } from '../payload-types'
import { loadTranslationOverview } from '../translations/loadOverview'
import { problem } from './http'

/** GET /api/translations/overview: the locale completeness grid, for any signed-in user (actions are theirs). */
const overview: Endpoint = {
  path: '/translations/overview',
  method: 'get',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to see the translation overview.')
    return Response.json(await loadTranslationOverview(req.payload, user), { headers: { 'Cache-Control': 'no-store' } })
  },
}

export const translationEndpoints: Endpoint[] = [overview]
