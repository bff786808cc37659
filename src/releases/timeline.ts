/** What a release is at a given moment; decided at read time from (number, effectiveAt, now) alone. */
export type ReleaseStatus = 'current' | 'upcoming' | 'past' | 'superseded'

export type Scheduled = { number: number; effectiveAt: string }

export type Timeline<R extends Scheduled> = {
  /** The release the public is served: the highest-numbered one already in effect. */
  current: R | null
  /** Announced future releases that will take effect, soonest first. */
  upcoming: R[]
  /** Everything already public (in effect now or before), newest first. */
  visible: R[]
  statusOf: (release: R) => ReleaseStatus
  /** When the answer changes next without any write (the next upcoming effective time), or Infinity. */
  nextChangeAt: number
}

const at = (release: Scheduled): number => Date.parse(release.effectiveAt)

/**
 * A later-numbered release always wins once in effect. So a release is superseded when a later one
 * takes effect no later than it does: it is never served (a rollback or an urgent fix published
 * after a scheduled change cancels the scheduled one).
 */
export const releaseTimeline = <R extends Scheduled>(
  releases: readonly R[],
  now: number,
): Timeline<R> => {
  const byNumber = [...releases].sort((a, b) => a.number - b.number)
  const superseded = new Set<number>()
  let earliestLater = Infinity
  for (const release of [...byNumber].reverse()) {
    if (earliestLater <= at(release)) superseded.add(release.number)
    earliestLater = Math.min(earliestLater, at(release))
  }
  const inEffect = byNumber.filter((release) => at(release) <= now)
  const current = inEffect.at(-1) ?? null
  const upcoming = byNumber
    .filter((release) => at(release) > now && !superseded.has(release.number))
    .sort((a, b) => at(a) - at(b))
  const statusOf = (release: R): ReleaseStatus => {
    if (current && release.number === current.number) return 'current'
    if (superseded.has(release.number)) return 'superseded'
    return at(release) > now ? 'upcoming' : 'past'
  }
  return {
    current,
    upcoming,
    visible: inEffect.reverse(),
    statusOf,
    nextChangeAt: upcoming[0] ? at(upcoming[0]) : Infinity,
  }
}
