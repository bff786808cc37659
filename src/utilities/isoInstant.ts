const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * An ISO 8601 date and time with its offset (`2027-02-01T00:00:00+09:00`, `…Z`), as epoch
 * milliseconds, or null. Stricter than Date.parse, which moves 2027-02-30 to March 2, reads
 * "Jan 20 2027", and takes a time without an offset in the server's own zone: a legal date must
 * mean exactly what was written.
 */
export const parseIsoInstant = (text: string): number | null => {
  const match = ISO_INSTANT.exec(text)
  if (!match) return null
  const [, year, month, day, hour, minute, second = '00', , offset] = match
  const numbers = [year, month, day, hour, minute, second].map(Number)
  const [y, mo, d, h, mi, s] = numbers as [number, number, number, number, number, number]
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  if (d < 1 || d > daysInMonth) return null
  if (offset !== 'Z') {
    const [offsetHours, offsetMinutes] = offset!.slice(1).split(':').map(Number)
    if (offsetHours! > 23 || offsetMinutes! > 59) return null
  }
  const time = Date.parse(text)
  return Number.isNaN(time) ? null : time
}
