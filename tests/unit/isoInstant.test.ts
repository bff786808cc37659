import { parseIsoInstant } from '@/utilities/isoInstant'

describe('parseIsoInstant', () => {
  it('reads a date and time with its offset, to the millisecond', () => {
    expect(parseIsoInstant('2027-02-01T00:00:00Z')).toBe(Date.UTC(2027, 1, 1))
    expect(parseIsoInstant('2027-02-01T09:00:00+09:00')).toBe(Date.UTC(2027, 1, 1))
    expect(parseIsoInstant('2027-02-01T00:00Z')).toBe(Date.UTC(2027, 1, 1))
    expect(parseIsoInstant('2027-02-01T00:00:00.250Z')).toBe(Date.UTC(2027, 1, 1) + 250)
    expect(parseIsoInstant('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29))
  })

  it.each([
    ['a day the month does not have', '2027-02-30T00:00:00Z'],
    ['February 29 outside a leap year', '2027-02-29T00:00:00Z'],
    ['month 13', '2027-13-01T00:00:00Z'],
    ['hour 24', '2027-02-01T24:00:00Z'],
    ['no offset (it would be read in the server zone)', '2027-02-01T00:00:00'],
    ['a space for the T', '2027-01-20 00:00:00Z'],
    ['a date only', '2027-01-20'],
    ['English words', 'Jan 20 2027'],
    ['an impossible offset', '2027-02-01T00:00:00+25:00'],
    ['trailing text', '2027-02-01T00:00:00Z junk'],
    ['nothing', ''],
  ])('refuses %s', (_, text) => {
    expect(parseIsoInstant(text)).toBeNull()
  })
})
