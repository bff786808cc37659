import { zoneName } from '../utilities/zonedDate'

/** What the config passes the admin's browser code (`admin.custom`). */
export type AdminCustomConfig = { timeZone: string }

/**
 * A date and time as the admin shows it: in the user's language format and the configured time
 * zone (KAIJI_TIMEZONE), with the zone named, so "10:00" is never ambiguous. Unparseable input is
 * shown as given rather than as "Invalid Date".
 */
export const formatAdminDate = (
  value: string | Date,
  language: string,
  timeZone: string,
  style: 'dateTime' | 'date' = 'dateTime',
): string => {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  const text = new Intl.DateTimeFormat(language, {
    timeZone,
    dateStyle: 'medium',
    ...(style === 'dateTime' ? { timeStyle: 'short' as const } : {}),
  }).format(date)
  return style === 'dateTime' ? `${text} ${zoneName(date, language, timeZone)}` : text
}
