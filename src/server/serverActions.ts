import type { IncomingHttpHeaders } from 'node:http'

import { executeAuthStrategies, type CollectionSlug, type Payload } from 'payload'

/** Node's header object as the Fetch API's, for Payload's auth strategies. */
const webHeaders = (headers: IncomingHttpHeaders): Headers =>
  new Headers(
    Object.entries(headers).flatMap(([name, value]): Array<[string, string]> =>
      value === undefined
        ? []
        : Array.isArray(value)
          ? value.map((item) => [name, item])
          : [[name, value]],
    ),
  )

/**
 * The admin's server actions (a POST with a Next-Action header) run Payload's server functions, which
 * fail with a 500 when nobody is signed in. Like Payload's own admin check, they need a session unless
 * no user exists yet (the create-first-user form uses them): anything else is refused before Next runs.
 */
export const serverActionRefusal = async (
  payload: Payload,
  headers: IncomingHttpHeaders,
): Promise<string | null> => {
  const { user } = await executeAuthStrategies({
    payload,
    headers: webHeaders(headers),
    isGraphQL: false,
    canSetHeaders: false,
  })
  if (user) return null
  const { totalDocs } = await payload.count({
    collection: payload.config.admin.user as CollectionSlug,
    overrideAccess: true,
  })
  return totalDocs === 0 ? null : 'Sign in first: the admin’s server actions need a session.'
}
