import type { Payload, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import { listReleaseSummaries, readReleaseBody } from './releaseStore'
import {
  decideSourceBasis,
  effectiveAfterSource,
  isMatched,
  matchSourceBasis,
  sourceCandidates,
  structureOf,
  type BasisMatch,
  type SourceCandidate,
  type SourceFacts,
  type SourceNeed,
} from './sourceBasis'
import type { ReleaseContent } from './types'

/**
 * Matches documents' source hashes (and a category list) against the source locale's releases,
 * reading them one at a time in candidate order until everything is found: usually the one in effect
 * or the next announced one, so a few reads however many releases there are.
 */
export const matchSourceReleases = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  {
    needs,
    structure,
    now,
  }: { needs: readonly SourceNeed[]; structure: string | null; now: number },
): Promise<BasisMatch> => {
  const candidates = sourceCandidates(await listReleaseSummaries(payload, SOURCE_LOCALE, req), now)
  const loaded: Array<SourceCandidate & SourceFacts> = []
  let match = matchSourceBasis({ needs, structure, candidates: loaded })
  for (const candidate of candidates) {
    if (isMatched(match, structure !== null)) break
    const body = await readReleaseBody(payload, candidate.id, req)
    loaded.push({
      number: candidate.number,
      effectiveAt: candidate.effectiveAt,
      standing: candidate.standing,
      hashes: new Map(body.sources.map((source) => [source.subject, source.contentHash])),
      structure: structureOf(body.content),
    })
    match = matchSourceBasis({ needs, structure, candidates: loaded })
  }
  return match
}

export type SourceTiming = {
  effectiveAt: number
  sourceRelease: SourceCandidate
  heldBySource: boolean
  explanation: string
}

/**
 * When a target-locale release with this content may take effect: no earlier than the source release
 * it is based on. `requested` null means "as soon as allowed". A refusal carries the 409 message.
 */
export const sourceTiming = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  {
    locale,
    needs,
    content,
    requested,
    now,
  }: {
    locale: string
    needs: readonly SourceNeed[]
    content: ReleaseContent
    requested: number | null
    now: number
  },
): Promise<{ ok: true; timing: SourceTiming } | { ok: false; message: string }> => {
  const match = await matchSourceReleases(payload, req, {
    needs,
    structure: structureOf(content),
    now,
  })
  const decided = decideSourceBasis(locale, match, true)
  if (!decided.ok) return decided
  const effective = effectiveAfterSource({ locale, requested, now, basis: decided.basis })
  if (!effective.ok) return effective
  return {
    ok: true,
    timing: {
      effectiveAt: effective.effectiveAt,
      sourceRelease: decided.basis.release,
      heldBySource: effective.heldBySource,
      explanation: effective.explanation,
    },
  }
}
