import type { Payload, PayloadRequest } from 'payload'

import { publicReleaseFields } from '../delivery/views'
import { queueMessage } from '../outbox/queue'
import type { WebhookEndpoint } from '../payload-types'
import type { Release } from '../releases/types'
import { changedPathsOf } from './changedPaths'
import type { WebhookEvent } from './events'

const system = { overrideAccess: true, depth: 0 } as const

/**
 * The body a receiver gets; what it needs to rebuild or purge, and nothing internal. `paths`: every
 * public path whose answer the event changed (in every locale it touched), for a CDN purge in one call.
 */
export const webhookBody = (
  event: WebhookEvent,
  release: Release,
  deliveryKey: string,
  paths: readonly string[],
): string =>
  JSON.stringify({
    event,
    delivery: deliveryKey,
    locale: release.locale,
    release: publicReleaseFields(release),
    links: {
      content: `/content/v1/partners/${release.locale}`,
      page: `/partners/${release.locale}`,
      release: `/content/v1/partners/${release.locale}/releases/${release.number}`,
    },
    paths,
  })

const subscribed = (endpoint: WebhookEndpoint, event: WebhookEvent, release: Release): boolean =>
  endpoint.active !== false &&
  endpoint.events.includes(event) &&
  (!endpoint.forLocales?.length || endpoint.forLocales.includes(release.locale as 'ja')) &&
  // An endpoint added after a release took effect is not told about it.
  (event !== 'release.effective' ||
    Date.parse(endpoint.createdAt) <= Date.parse(release.effectiveAt))

/**
 * Queues one delivery per subscribed endpoint, in `req`'s transaction when there is one: a release
 * and its webhooks are written together or not at all. Queuing the same event twice queues nothing more.
 */
export const queueReleaseWebhooks = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  event: WebhookEvent,
  release: Release,
): Promise<void> => {
  const { docs: endpoints } = await payload.find({
    collection: 'webhook-endpoints',
    where: { active: { not_equals: false } },
    limit: 0,
    pagination: false,
    ...(req ? { req } : {}),
    ...system,
  })
  const receivers = endpoints.filter((candidate) => subscribed(candidate, event, release))
  if (receivers.length === 0) return
  const paths = await changedPathsOf(payload, req, event, release)
  for (const endpoint of receivers) {
    const key = `${event}:${release.locale}:${release.number}:${endpoint.id}`
    await queueMessage(payload, req, {
      key,
      channel: 'webhook',
      topic: event,
      recipient: endpoint.url,
      endpoint: endpoint.id,
      locale: release.locale,
      releaseNumber: release.number,
      content: { event, body: webhookBody(event, release, key, paths) },
    })
  }
}
