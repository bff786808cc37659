import type { Payload } from 'payload'

import { LOCALES } from '../config/locales'
import { queueDueReminders } from './queueNotices'
import { UNCONFIRMED_KEPT_MS } from './subscriptionTerms'
import { runPeriodically } from '../utilities/runPeriodically'

/** Deletes the subscription requests nobody confirmed within UNCONFIRMED_KEPT_MS (7 days); returns how many. */
export const purgeUnconfirmedRequests = async (payload: Payload, now: number): Promise<number> => {
  const { docs } = await payload.delete({
    collection: 'subscription-requests',
    where: { createdAt: { less_than: new Date(now - UNCONFIRMED_KEPT_MS).toISOString() } },
    overrideAccess: true,
    depth: 0,
  })
  return docs.length
}

/**
 * The subscriptions' periodic work in the main server: reminders of material changes shortly before
 * they take effect, and purging subscription requests nobody confirmed.
 */
export const scheduleSubscriptionTasks = (
  payload: Payload,
  {
    intervalMs = 60_000,
    reminderDays,
    clock = Date.now,
    onQueued,
  }: { intervalMs?: number; reminderDays: number; clock?: () => number; onQueued: () => void },
) => {
  const tick = async () => {
    const now = clock()
    const queued = await queueDueReminders(payload, { locales: LOCALES, reminderDays, now })
    if (queued > 0) onQueued()
    await purgeUnconfirmedRequests(payload, now)
  }

  return runPeriodically(tick, intervalMs, (error) =>
    payload.logger.warn({ err: error }, 'Subscriptions: periodic reminders and purge failed'),
  )
}
