import type { Payload, PayloadRequest } from 'payload'

import { SOURCE_LOCALE, TARGET_LOCALES } from '../config/locales'
import { parseIsoInstant } from '../utilities/isoInstant'
import { subjectKey } from '../workflow'
import { PublishError } from './publishError'
import { listCategoryKeys, listReleaseSummaries, type StoredRelease } from './releaseStore'
import { cancelledBasisWarning, waitingOnCancelledSource, type SourceNeed } from './sourceBasis'
import { sourceTiming, type SourceTiming } from './sourceBasisStore'
import type { ReleaseContent } from './types'

// When a publish or a rollback takes effect: the requested date, the source rule for a target
// locale, and what a source release leaves waiting.

/** The requested effective time (never before now), or null when none was given. */
export const requestedEffectiveAt = (
  effectiveAt: string | null | undefined,
  now: number,
): number | null => {
  if (effectiveAt === null || effectiveAt === undefined) return null
  const time = parseIsoInstant(effectiveAt)
  if (time === null)
    throw new PublishError(
      400,
      `"effectiveAt" is not a valid ISO 8601 date and time with an offset, such as 2027-02-01T00:00:00+09:00: ${JSON.stringify(effectiveAt)}.`,
      'invalid-date',
    )
  // A minute of slack for clocks; legal text cannot take effect retroactively.
  if (time < now - 60_000) {
    throw new PublishError(
      400,
      `"effectiveAt" (${effectiveAt}) is in the past; omit it to publish with immediate effect.`,
      'date-in-past',
    )
  }
  return Math.max(time, now)
}

/** For a target locale: when the release may take effect, or the 409 saying why it cannot be published yet. */
export const timingFor = async (
  payload: Payload,
  req: PayloadRequest,
  request: {
    locale: string
    needs: readonly SourceNeed[]
    content: ReleaseContent
    requested: number | null
    now: number
  },
): Promise<SourceTiming | null> => {
  if (request.locale === SOURCE_LOCALE) return null
  const decided = await sourceTiming(payload, req, request)
  if (!decided.ok) throw new PublishError(409, decided.message, 'source-not-ready')
  return decided.timing
}

/** After a source-locale release: the announced translations now waiting for a source release that will never take effect. */
export const cancelledBasisWarnings = async (
  payload: Payload,
  req: PayloadRequest,
  locale: string,
  now: number,
): Promise<string[]> => {
  if (locale !== SOURCE_LOCALE) return []
  // One query at a time: they share the request's transaction.
  const sourceReleases = await listReleaseSummaries(payload, SOURCE_LOCALE, req)
  const targets = []
  for (const target of TARGET_LOCALES)
    targets.push({ locale: target, releases: await listReleaseSummaries(payload, target, req) })
  return waitingOnCancelledSource({ sourceReleases, targets, now }).map(cancelledBasisWarning)
}

/**
 * The source hashes an existing release records for its documents. Releases published before these
 * were recorded give none: then only their category list is matched against the source releases.
 */
export const recordedNeeds = async (
  payload: Payload,
  req: PayloadRequest,
  release: StoredRelease,
): Promise<SourceNeed[]> => {
  const docs = await listCategoryKeys(payload, req)
  const labels = new Map<string, string>([
    [subjectKey({ kind: 'global', slug: 'partners-page' }), 'the partners page'],
    ...docs.map((doc): [string, string] => [
      subjectKey({ kind: 'collection', slug: 'partner-categories', id: doc.id }),
      `category "${doc.key}"`,
    ]),
  ])
  return release.sources.flatMap((source) =>
    source.sourceHash === undefined
      ? []
      : [
          {
            subject: source.subject,
            label: labels.get(source.subject) ?? source.subject,
            sourceHash: source.sourceHash,
          },
        ],
  )
}
