import { startOfNextDayIn } from '@/components/publishPanel/dayStart'

describe('the next midnight in the configured time zone', () => {
  it('is the start of the next day in Tokyo, whatever the UTC date', () => {
    // 2026-12-06 20:00 UTC is 2026-12-07 05:00 in Tokyo: the next midnight there is 2026-12-08 00:00 JST.
    expect(
      new Date(startOfNextDayIn(Date.parse('2026-12-06T20:00:00Z'), 'Asia/Tokyo')).toISOString(),
    ).toBe('2026-12-07T15:00:00.000Z')
    expect(
      new Date(startOfNextDayIn(Date.parse('2026-12-06T10:00:00Z'), 'Asia/Tokyo')).toISOString(),
    ).toBe('2026-12-06T15:00:00.000Z')
  })

  it('follows a daylight-saving change', () => {
    // New York moves to summer time on 2027-03-14 at 02:00; midnight that day is still EST (-5).
    expect(
      new Date(
        startOfNextDayIn(Date.parse('2027-03-13T12:00:00Z'), 'America/New_York'),
      ).toISOString(),
    ).toBe('2027-03-14T05:00:00.000Z')
    // And the next midnight is EDT (-4).
    expect(
      new Date(
        startOfNextDayIn(Date.parse('2027-03-14T12:00:00Z'), 'America/New_York'),
      ).toISOString(),
    ).toBe('2027-03-15T04:00:00.000Z')
  })

  it('is UTC midnight in UTC', () => {
    expect(
      new Date(startOfNextDayIn(Date.parse('2026-12-06T23:59:59Z'), 'UTC')).toISOString(),
    ).toBe('2026-12-07T00:00:00.000Z')
  })
})
