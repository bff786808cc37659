import { pairToTmx } from './inline'
import type { SegmentPair } from './segments'

/** One release's pairs: its number and when it was published (the moment its text was approved for the public). */
export type ReleaseSegments = { number: number; publishedAt: string; pairs: SegmentPair[] }

/** One translation unit of the memory: a distinct pair, with every release and place it appeared in. */
export type MemoryEntry = {
  sourceXml: string
  targetXml: string
  /** Ascending. */
  releases: number[]
  segments: string[]
  /** When the pair was first published (its earliest release) and last published (its latest). */
  createdAt: string
  changedAt: string
}

/**
 * One unit per distinct pair (the same Japanese and the same translation, inline codes included).
 * Most of a page stays the same from release to release, and a memory that repeats one pair for
 * each release only looks like contradictory duplicates to a CAT tool. Dates tell the tool which
 * translation is current when one Japanese text has had several: creationdate is the first release
 * that published the pair, changedate the last, so the newest approved translation ranks first; a
 * pair that a rollback republishes becomes current again. Units follow the order the pairs first
 * appeared in (release, then place on the page).
 */
export const collectMemory = (releases: readonly ReleaseSegments[]): MemoryEntry[] => {
  const entries = new Map<string, MemoryEntry>()
  for (const release of [...releases].sort((a, b) => a.number - b.number)) {
    for (const pair of release.pairs) {
      const { sourceXml, targetXml } = pairToTmx(pair.source, pair.target)
      const key = `${sourceXml}\u0000${targetXml}`
      const entry = entries.get(key)
      if (!entry) {
        entries.set(key, {
          sourceXml,
          targetXml,
          releases: [release.number],
          segments: [pair.segment],
          createdAt: release.publishedAt,
          changedAt: release.publishedAt,
        })
        continue
      }
      if (entry.releases.at(-1) !== release.number) entry.releases.push(release.number)
      if (!entry.segments.includes(pair.segment)) entry.segments.push(pair.segment)
      entry.changedAt = release.publishedAt
    }
  }
  return [...entries.values()]
}
