import { releaseTimeline } from '@/releases/timeline'

const DAY = 86_400_000
const T0 = Date.parse('2026-12-01T00:00:00Z')
const at = (ms: number) => new Date(ms).toISOString()
const release = (number: number, effective: number) => ({ number, effectiveAt: at(effective) })

describe('the release timeline, decided at read time', () => {
  // Release 2 is announced 30 days ahead; nothing is written when its day comes, only the clock moves.
  const releases = [release(1, T0), release(2, T0 + 30 * DAY)]

  it('serves the release in effect and lists the announced one as upcoming', () => {
    const timeline = releaseTimeline(releases, T0 + DAY)
    expect(timeline.current?.number).toBe(1)
    expect(timeline.upcoming.map((r) => r.number)).toEqual([2])
    expect(timeline.visible.map((r) => r.number)).toEqual([1])
    expect(timeline.nextChangeAt).toBe(T0 + 30 * DAY)
    expect(releases.map((r) => timeline.statusOf(r))).toEqual(['current', 'upcoming'])
  })

  it('switches at the effective instant exactly', () => {
    expect(releaseTimeline(releases, T0 + 30 * DAY - 1).current?.number).toBe(1)
    const switched = releaseTimeline(releases, T0 + 30 * DAY)
    expect(switched.current?.number).toBe(2)
    expect(switched.upcoming).toEqual([])
    expect(switched.visible.map((r) => r.number)).toEqual([2, 1])
    expect(switched.nextChangeAt).toBe(Infinity)
    expect(releases.map((r) => switched.statusOf(r))).toEqual(['past', 'current'])
  })

  it('before the first release takes effect nothing is served', () => {
    const timeline = releaseTimeline([release(1, T0 + DAY)], T0)
    expect(timeline.current).toBeNull()
    expect(timeline.visible).toEqual([])
    expect(timeline.upcoming.map((r) => r.number)).toEqual([1])
  })

  it('a later release in effect earlier supersedes a scheduled one (an urgent fix or a rollback cancels it)', () => {
    const withFix = [...releases, release(3, T0 + 2 * DAY)]
    const afterFix = releaseTimeline(withFix, T0 + 3 * DAY)
    expect(afterFix.current?.number).toBe(3)
    expect(afterFix.upcoming).toEqual([])
    expect(afterFix.statusOf(withFix[1]!)).toBe('superseded')
    // Release 2's date passing changes nothing: it was never served.
    expect(releaseTimeline(withFix, T0 + 31 * DAY).current?.number).toBe(3)
    // Before the fix takes effect, only the fix is announced.
    expect(releaseTimeline(withFix, T0 + DAY).upcoming.map((r) => r.number)).toEqual([3])
  })

  it('several announced releases come in date order, each served in turn', () => {
    const planned = [release(1, T0), release(2, T0 + 10 * DAY), release(3, T0 + 40 * DAY)]
    expect(releaseTimeline(planned, T0).upcoming.map((r) => r.number)).toEqual([2, 3])
    expect(releaseTimeline(planned, T0 + 11 * DAY).current?.number).toBe(2)
    expect(releaseTimeline(planned, T0 + 41 * DAY).current?.number).toBe(3)
  })

  it('does not depend on the order releases are given in', () => {
    const shuffled = [release(3, T0 + 2 * DAY), release(1, T0), release(2, T0 + DAY)]
    expect(releaseTimeline(shuffled, T0 + 5 * DAY).visible.map((r) => r.number)).toEqual([3, 2, 1])
  })
})
