import type { Payload } from 'payload'

import { isUniqueViolation } from '../database/uniqueViolation'
import { publicReleaseFields } from '../delivery/views'
import type { WebhookEndpoint } from '../payload-types'
import type { Release } from '../releases/types'
import type { WebhookEvent } from './events'
import { postToCheckedAddresses, systemLookup } from './sendWebhook'
import { SIGNATURE_HEADER, signBody } from './signature'
import { checkWebhookUrl } from './targetAddress'

const system = { overrideAccess: true, depth: 0 } as const

export type DispatcherOptions = {
  /** Wait before retry k (1-based) is base × 2^(k-1). */
  retryBaseMs: number
  maxAttempts: number
  timeoutMs: number
  /** Deliver to loopback and private addresses too. */
  allowPrivate: boolean
}

type AttemptLog = {
  attempt: number
  at: string
  status: number | null
  error: string | null
  durationMs: number
}

/** The body a receiver gets; what it needs to rebuild or purge, and nothing internal. */
export const webhookBody = (event: WebhookEvent, release: Release, deliveryKey: string): string =>
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
  })

const subscribed = (endpoint: WebhookEndpoint, event: WebhookEvent, release: Release): boolean =>
  endpoint.active !== false &&
  endpoint.events.includes(event) &&
  (!endpoint.forLocales?.length || endpoint.forLocales.includes(release.locale as 'ja')) &&
  // An endpoint added after a release took effect is not told about it.
  (event !== 'release.effective' ||
    Date.parse(endpoint.createdAt) <= Date.parse(release.effectiveAt))

/**
 * Sends signed POSTs for release events. Each (event, release, endpoint) gets one delivery row,
 * unique across processes, with every attempt logged; failures are retried with exponential backoff.
 */
export const createWebhookDispatcher = (payload: Payload, options: DispatcherOptions) => {
  const timers = new Set<NodeJS.Timeout>()

  type Delivery = { id: number; endpoint: WebhookEndpoint; event: WebhookEvent; body: string }

  const attempt = async (delivery: Delivery, number: number, log: AttemptLog[]): Promise<void> => {
    const { id: deliveryId, endpoint, body } = delivery
    const started = Date.now()
    let status: number | null = null
    let error: string | null = null
    // Checked again at each attempt: what the name resolves to may have changed since it was saved.
    const target = await checkWebhookUrl(endpoint.url, {
      allowPrivate: options.allowPrivate,
      lookup: systemLookup,
    })
    if (!target.ok && target.refused) {
      const entry: AttemptLog = {
        attempt: number,
        at: new Date(started).toISOString(),
        status: null,
        error: `Refused, not sent: ${target.problem}`,
        durationMs: Date.now() - started,
      }
      await payload.update({
        collection: 'webhook-deliveries',
        id: deliveryId,
        data: { status: 'refused', attempts: number, log: [...log, entry] },
        ...system,
      })
      payload.logger.warn(`Webhook delivery ${deliveryId} refused: ${target.problem}`)
      return
    }
    try {
      if (!target.ok) throw new Error(target.problem)
      status = await postToCheckedAddresses(new URL(endpoint.url), target.addresses, {
        timeoutMs: options.timeoutMs,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Kaiji-Webhooks/1',
          'X-Kaiji-Event': delivery.event,
          'X-Kaiji-Delivery': String(deliveryId),
          [SIGNATURE_HEADER]: signBody(endpoint.secret, body),
        },
        body,
      })
      if (status < 200 || status > 299) error = `HTTP ${status}`
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
    }
    const entry: AttemptLog = {
      attempt: number,
      at: new Date(started).toISOString(),
      status,
      error,
      durationMs: Date.now() - started,
    }
    const attempts = [...log, entry]
    const delivered = error === null
    const giveUp = !delivered && number >= options.maxAttempts
    await payload.update({
      collection: 'webhook-deliveries',
      id: deliveryId,
      data: {
        status: delivered ? 'delivered' : giveUp ? 'failed' : 'retrying',
        attempts: number,
        log: attempts,
      },
      ...system,
    })
    if (delivered) return
    if (giveUp) {
      payload.logger.warn(
        `Webhook delivery ${deliveryId} to ${endpoint.url} failed ${number} times; giving up (${error}).`,
      )
      return
    }
    const timer = setTimeout(
      () => {
        timers.delete(timer)
        void attempt(delivery, number + 1, attempts).catch((caught: unknown) =>
          payload.logger.error(
            { err: caught },
            `Webhook delivery ${deliveryId}: could not record an attempt`,
          ),
        )
      },
      options.retryBaseMs * 2 ** (number - 1),
    )
    timer.unref()
    timers.add(timer)
  }

  /** Creates the delivery rows (skipping any another process already created) and starts sending. */
  const announce = async (event: WebhookEvent, release: Release): Promise<void> => {
    const { docs: endpoints } = await payload.find({
      collection: 'webhook-endpoints',
      where: { active: { not_equals: false } },
      limit: 0,
      pagination: false,
      ...system,
    })
    for (const endpoint of endpoints.filter((candidate) => subscribed(candidate, event, release))) {
      const dedupeKey = `${event}:${release.locale}:${release.number}:${endpoint.id}`
      const body = webhookBody(event, release, dedupeKey)
      let id: number
      try {
        const created = await payload.create({
          collection: 'webhook-deliveries',
          data: {
            dedupeKey,
            endpoint: endpoint.id,
            event,
            locale: release.locale,
            releaseNumber: release.number,
            status: 'pending',
            attempts: 0,
            body,
            log: [],
          },
          ...system,
        })
        id = created.id
      } catch (error) {
        // The unique key exists: another process (or an earlier run) makes this delivery.
        if (isUniqueViolation(error)) continue
        throw error
      }
      await attempt({ id, endpoint, event, body }, 1, [])
    }
  }

  return {
    announce: (event: WebhookEvent, release: Release): void => {
      announce(event, release).catch((error: unknown) =>
        payload.logger.error(
          { err: error },
          `Webhooks: could not announce ${event} for ${release.locale} release ${release.number}`,
        ),
      )
    },
    stop: () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>
