import type { Payload, PayloadRequest } from 'payload'

import { LOCALES } from '../config/locales'
import { changedPublicPaths } from '../delivery/publicPaths'
import { listReleaseSummaries, type StoredReleaseSummary } from '../releases/releaseStore'
import { releaseTimeline } from '../releases/timeline'
import type { Release } from '../releases/types'
import type { WebhookEvent } from './events'

/**
 * The public paths whose answer the event changed, so that a CDN purge takes one call: for a
 * publication, the releases without it and with it at its publication; for an effective date, the
 * releases just before and at it. Read in `req`'s transaction when there is one (the new release is
 * not committed yet).
 */
export const changedPathsOf = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  event: WebhookEvent,
  release: Release,
): Promise<string[]> => {
  const at = Date.parse(event === 'release.published' ? release.publishedAt : release.effectiveAt)
  const byLocale = await Promise.all(
    LOCALES.map(async (locale) => ({
      locale,
      // What was published by then; a later release has a webhook of its own.
      releases: (await listReleaseSummaries(payload, locale, req)).filter(
        (candidate) => Date.parse(candidate.publishedAt) <= at,
      ),
    })),
  )
  const timelines = (at: number, keep: (release: StoredReleaseSummary) => boolean) =>
    Object.fromEntries(
      byLocale.map(({ locale, releases }) => [locale, releaseTimeline(releases.filter(keep), at)]),
    )
  const isThis = (candidate: StoredReleaseSummary) =>
    candidate.locale === release.locale && candidate.number === release.number
  const before =
    event === 'release.published'
      ? timelines(at, (candidate) => !isThis(candidate))
      : timelines(at - 1, () => true)
  return changedPublicPaths(
    before,
    timelines(at, () => true),
  )
}
