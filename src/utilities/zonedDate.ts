/** Intl objects are slow to build and dates are formatted per page; the bound keeps odd inputs from growing it. */
const MAX_CACHED = 64
const formats = new Map<string, Intl.DateTimeFormat>()

const cachedFormat = (
  key: string,
  language: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat => {
  const hit = formats.get(key)
  if (hit) return hit
  if (formats.size >= MAX_CACHED) formats.clear()
  const format = new Intl.DateTimeFormat(language, options)
  formats.set(key, format)
  return format
}

/** The zone's short name at that instant in that language ("JST", "GMT+9", "UTC+1"); the IANA name when Intl has none. */
export const zoneName = (date: Date, language: string, timeZone: string): string =>
  cachedFormat(`zone|${language}|${timeZone}`, language, { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value ?? timeZone

/**
 * A date and time as readers are shown it (pages, feeds, emails): the language's long date and short
 * time in `timeZone`, with the zone named, e.g. "2027年1月16日 12:00 (JST)" or "January 16, 2027 at
 * 12:00 PM (GMT+9)", so "12:00" is never ambiguous. Input that is not a date is returned as given.
 */
export const formatZonedDateTime = (
  value: string | Date,
  language: string,
  timeZone: string,
): string => {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  const text = cachedFormat(`long|${language}|${timeZone}`, language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date)
  return `${text} (${zoneName(date, language, timeZone)})`
}
