import type { Payload } from 'payload'

import { listReleaseSummaries, toRelease } from '../releases/releaseStore'
import { releaseTimeline } from '../releases/timeline'
import type { WebhookDispatcher } from './dispatcher'

const FIRST_LOOKBACK_MS = 7 * 86_400_000
const OVERLAP_MS = 5_000

/**
 * Notices scheduled releases whose effective time has come and announces them once. The first look
 * after a start reaches back a week, so a release that took effect while no server ran is announced.
 */
export const watchScheduledReleases = (
  payload: Payload,
  dispatcher: WebhookDispatcher,
  { intervalMs = 1_000, clock = Date.now }: { intervalMs?: number; clock?: () => number } = {},
) => {
  const announced = new Set<string>()
  let since = clock() - FIRST_LOOKBACK_MS
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const tick = async () => {
    const now = clock()
    const { docs } = await payload.find({
      collection: 'releases',
      where: {
        and: [
          { effectiveAt: { greater_than: new Date(since - OVERLAP_MS).toISOString() } },
          { effectiveAt: { less_than_equal: new Date(now).toISOString() } },
        ],
      },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    since = now
    const scheduled = docs
      .map(toRelease)
      .filter((release) => Date.parse(release.effectiveAt) > Date.parse(release.publishedAt))
    for (const release of scheduled) {
      const key = `${release.locale}:${release.number}`
      if (announced.has(key)) continue
      announced.add(key)
      // A scheduled release that a later one overtook never takes effect, so there is nothing to announce.
      const timeline = releaseTimeline(await listReleaseSummaries(payload, release.locale), now)
      if (timeline.statusOf(release) !== 'superseded')
        dispatcher.announce('release.effective', release)
    }
  }

  const loop = () => {
    tick()
      .catch((error: unknown) =>
        payload.logger.warn({ err: error }, 'Webhooks: could not check for releases taking effect'),
      )
      .finally(() => {
        if (stopped) return
        timer = setTimeout(loop, intervalMs)
        timer.unref()
      })
  }
  loop()
  return {
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}
