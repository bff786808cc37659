import type { Payload } from 'payload'

import { listReleaseSummaries, toRelease } from '../releases/releaseStore'
import { releaseTimeline } from '../releases/timeline'
import { queueReleaseWebhooks } from './queueWebhooks'
import { runPeriodically } from '../utilities/runPeriodically'

const FIRST_LOOKBACK_MS = 7 * 86_400_000
const OVERLAP_MS = 5_000

/**
 * Notices scheduled releases whose effective time has come and queues their webhooks once. The first look
 * after a start reaches back a week, so a release that took effect while no server ran is announced.
 */
export const watchScheduledReleases = (
  payload: Payload,
  {
    intervalMs = 1_000,
    clock = Date.now,
    onQueued,
  }: { intervalMs?: number; clock?: () => number; onQueued: () => void },
) => {
  const announced = new Set<string>()
  let since = clock() - FIRST_LOOKBACK_MS

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
    const scheduled = docs
      .map(toRelease)
      .filter((release) => Date.parse(release.effectiveAt) > Date.parse(release.publishedAt))
    for (const release of scheduled) {
      const key = `${release.locale}:${release.number}`
      if (announced.has(key)) continue
      // A scheduled release that a later one overtook never takes effect, so there is nothing to announce.
      const timeline = releaseTimeline(await listReleaseSummaries(payload, release.locale), now)
      if (timeline.statusOf(release) === 'superseded') {
        announced.add(key)
        continue
      }
      // Keyed by event, release and endpoint: processes that notice the same release queue it once.
      await queueReleaseWebhooks(payload, undefined, 'release.effective', release)
      announced.add(key)
      onQueued()
    }
    // Only once every release found is queued: a look that failed halfway is made again in full.
    since = now
  }

  return runPeriodically(tick, intervalMs, (error) =>
    payload.logger.warn({ err: error }, 'Webhooks: could not check for releases taking effect'),
  )
}
