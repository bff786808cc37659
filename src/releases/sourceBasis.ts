import { SOURCE_LOCALE } from '../config/locales'
import { releaseTimeline, type Scheduled } from './timeline'
import type { ReleaseContent } from './types'

/**
 * The notice rule across locales: a translation never takes effect before the source text it
 * translates. A target-locale release is "based on" source releases: for each document, the source
 * release holding the exact approved source content its translation translates (by hash); for the
 * category list (which categories, their icons and order, taken from the source's approvals), the
 * source release with that same list. It takes effect no earlier than the latest of them.
 */

/** Where a source release stands at the moment of the decision. */
export type SourceStanding = 'current' | 'upcoming' | 'past'

export type SourceCandidate = { number: number; effectiveAt: string; standing: SourceStanding }

/** What the rule needs to know of a source release: each document's approved hash, and its category list. */
export type SourceFacts = { hashes: ReadonlyMap<string, string>; structure: string }

/** One document of the release being published: the source hash its translation translates (null: none recorded). */
export type SourceNeed = { subject: string; label: string; sourceHash: string | null }

/** The category list of a release as the source decides it: keys, icons and order, in order. */
export const structureOf = (content: ReleaseContent): string =>
  JSON.stringify(
    content.categories.map((category) => [category.key, category.icon, category.order]),
  )

/**
 * The order in which source releases are asked whether they hold a text: the one in effect, then the
 * announced ones soonest first, then older ones newest first. Superseded releases (never served) are
 * left out. The release in effect wins over an older one with the same text (it is in effect either
 * way), and an announced one over an older one: when a text returns (A, then B, then A again,
 * announced), a translation of A waits for the announced A rather than taking effect before it.
 */
export const sourceCandidates = <R extends Scheduled>(
  releases: readonly R[],
  now: number,
): Array<R & { standing: SourceStanding }> => {
  const timeline = releaseTimeline(releases, now)
  const current = timeline.current
  const past = timeline.visible.filter(
    (release) => release !== current && timeline.statusOf(release) === 'past',
  )
  return [
    ...(current ? [{ ...current, standing: 'current' as const }] : []),
    ...timeline.upcoming.map((release) => ({ ...release, standing: 'upcoming' as const })),
    ...past.map((release) => ({ ...release, standing: 'past' as const })),
  ]
}

export type BasisMatch = {
  documents: Array<{ label: string; sourceHash: string | null; release: SourceCandidate | null }>
  /** Null when no structure was asked for, or none of the candidates has it. */
  structure: SourceCandidate | null
}

const candidateOf = (candidate: SourceCandidate): SourceCandidate => ({
  number: candidate.number,
  effectiveAt: candidate.effectiveAt,
  standing: candidate.standing,
})

/** For each need, the first candidate (in `sourceCandidates` order) holding its exact source content; likewise for the category list. */
export const matchSourceBasis = ({
  needs,
  structure,
  candidates,
}: {
  needs: readonly SourceNeed[]
  structure: string | null
  candidates: ReadonlyArray<SourceCandidate & SourceFacts>
}): BasisMatch => ({
  documents: needs.map((need) => {
    const found =
      need.sourceHash === null
        ? undefined
        : candidates.find((candidate) => candidate.hashes.get(need.subject) === need.sourceHash)
    return {
      label: need.label,
      sourceHash: need.sourceHash,
      release: found ? candidateOf(found) : null,
    }
  }),
  structure:
    structure === null
      ? null
      : ((found) => (found ? candidateOf(found) : null))(
          candidates.find((candidate) => candidate.structure === structure),
        ),
})

/** Whether reading more source releases could not change the match: every findable document and the structure (when asked for) are found. */
export const isMatched = (match: BasisMatch, structureWanted: boolean): boolean =>
  match.documents.every((document) => document.release !== null || document.sourceHash === null) &&
  (!structureWanted || match.structure !== null)

export type SourceBasis = {
  /** The source release the target release is based on: the latest-effective of those it needs. */
  release: SourceCandidate
  /** Documents whose source text is in `release` (those that make it wait when it is upcoming). */
  waitingFor: string[]
}

const later = (a: SourceCandidate, b: SourceCandidate): SourceCandidate => {
  const difference = Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt)
  return difference > 0 || (difference === 0 && a.number > b.number) ? a : b
}

const list = (labels: readonly string[]): string => labels.join(', ')

/**
 * Decides what a target-locale release is based on, or why it cannot be published: a translation of
 * source text that no source release holds (approved but not published, or only in a cancelled
 * release) cannot take effect at all yet.
 */
export const decideSourceBasis = (
  locale: string,
  match: BasisMatch,
  structureWanted: boolean,
): { ok: true; basis: SourceBasis } | { ok: false; message: string } => {
  const unrecorded = match.documents
    .filter((document) => document.sourceHash === null)
    .map((document) => document.label)
  const unpublished = match.documents
    .filter((document) => document.sourceHash !== null && document.release === null)
    .map((document) => document.label)
  const problems = [
    ...(unpublished.length
      ? [
          `the ${locale} translation of ${list(unpublished)} translates approved ${SOURCE_LOCALE} text that is in no published ${SOURCE_LOCALE} release (publish ${SOURCE_LOCALE} first, or update the translation)`,
        ]
      : []),
    ...(unrecorded.length
      ? [
          `the ${locale} translation of ${list(unrecorded)} records no approved ${SOURCE_LOCALE} text that it translates (submit it again)`,
        ]
      : []),
    ...(structureWanted && match.structure === null
      ? [
          `the list of categories (which are live, their icons and order) comes from approved ${SOURCE_LOCALE} content that is in no published ${SOURCE_LOCALE} release (publish ${SOURCE_LOCALE} first)`,
        ]
      : []),
  ]
  if (problems.length) {
    return {
      ok: false,
      message: `Cannot publish ${locale} yet: a translation cannot take effect before the ${SOURCE_LOCALE} text it translates is published; ${problems.join('; ')}.`,
    }
  }
  const found = [
    ...match.documents.map((document) => ({
      label: document.label,
      release: document.release as SourceCandidate,
    })),
    ...(match.structure ? [{ label: 'the list of categories', release: match.structure }] : []),
  ]
  if (found.length === 0)
    return {
      ok: false,
      message: `Cannot publish ${locale}: it contains nothing translated from ${SOURCE_LOCALE}.`,
    }
  const release = found.map((entry) => entry.release).reduce(later)
  return {
    ok: true,
    basis: {
      release,
      waitingFor: found
        .filter((entry) => entry.release.number === release.number)
        .map((entry) => entry.label),
    },
  }
}

export type EffectiveDecision =
  | { ok: true; effectiveAt: number; heldBySource: boolean; explanation: string }
  | { ok: false; message: string }

const iso = (time: number | string) => new Date(time).toISOString()

/**
 * effectiveAt = max(the requested time or now, the effective time of the source release it is based
 * on). An explicit request for an earlier time is refused rather than silently moved, so a publisher
 * never announces a date the release will not keep.
 */
export const effectiveAfterSource = ({
  locale,
  requested,
  now,
  basis,
}: {
  locale: string
  requested: number | null
  now: number
  basis: SourceBasis
}): EffectiveDecision => {
  const source = basis.release
  const notBefore = Date.parse(source.effectiveAt)
  if (requested !== null && requested < notBefore) {
    return {
      ok: false,
      message:
        `The ${locale} release translates ${SOURCE_LOCALE} release ${source.number} (${list(basis.waitingFor)}), which takes effect on ${iso(notBefore)}; ` +
        `it cannot take effect before that (you asked for ${iso(requested)}). Omit "effectiveAt" to have it take effect then, or give a later date.`,
    }
  }
  const wanted = requested ?? now
  const heldBySource = notBefore > wanted
  const effectiveAt = Math.max(wanted, notBefore)
  const explanation = heldBySource
    ? `Takes effect on ${iso(effectiveAt)}, not before: it translates ${SOURCE_LOCALE} release ${source.number} (${list(basis.waitingFor)}), announced to take effect then.`
    : source.standing === 'current'
      ? `Takes effect ${requested === null ? 'at once' : `on ${iso(effectiveAt)}`}: it translates ${SOURCE_LOCALE} release ${source.number}, which is in effect.`
      : source.standing === 'upcoming'
        ? `Takes effect on ${iso(effectiveAt)}: it translates ${SOURCE_LOCALE} release ${source.number}, which takes effect on ${iso(notBefore)}.`
        : `Takes effect ${requested === null ? 'at once' : `on ${iso(effectiveAt)}`}: it translates ${SOURCE_LOCALE} release ${source.number}, which has been in effect (a newer ${SOURCE_LOCALE} release is in effect now, so this translation is behind it).`
  return { ok: true, effectiveAt, heldBySource, explanation }
}

export type CancelledBasis = {
  locale: string
  number: number
  effectiveAt: string
  sourceRelease: number
  cancelledBy: number
}

/**
 * Announced target-locale releases that wait for a source release which will now never take effect
 * (a later source release takes effect no later than it). They still take effect on their date, so
 * whoever cancelled the source release is told; the read-time model stays as it is.
 */
export const waitingOnCancelledSource = <
  R extends Scheduled & { sourceReleaseNumber: number | null },
>({
  sourceReleases,
  targets,
  now,
}: {
  sourceReleases: readonly Scheduled[]
  targets: ReadonlyArray<{ locale: string; releases: readonly R[] }>
  now: number
}): CancelledBasis[] => {
  const source = releaseTimeline(sourceReleases, now)
  const byNumber = new Map(sourceReleases.map((release) => [release.number, release]))
  const cancelledBy = (release: Scheduled): number =>
    Math.min(
      ...sourceReleases
        .filter(
          (later) =>
            later.number > release.number &&
            Date.parse(later.effectiveAt) <= Date.parse(release.effectiveAt),
        )
        .map((later) => later.number),
    )
  return targets.flatMap(({ locale, releases }) =>
    releaseTimeline(releases, now).upcoming.flatMap((release) => {
      const basis =
        release.sourceReleaseNumber === null ? undefined : byNumber.get(release.sourceReleaseNumber)
      if (!basis || source.statusOf(basis) !== 'superseded') return []
      return [
        {
          locale,
          number: release.number,
          effectiveAt: release.effectiveAt,
          sourceRelease: basis.number,
          cancelledBy: cancelledBy(basis),
        },
      ]
    }),
  )
}

export const cancelledBasisWarning = (entry: CancelledBasis): string =>
  `${entry.locale} release ${entry.number} waits for ${SOURCE_LOCALE} release ${entry.sourceRelease}, which ${SOURCE_LOCALE} release ${entry.cancelledBy} cancels; ` +
  `it still takes effect on ${iso(entry.effectiveAt)}. Republish or roll back ${entry.locale} if its text should not take effect then.`
