import type { Subscriber } from '../payload-types'

const BOM = '\uFEFF'
const COLUMNS = ['email', 'locale', 'scope', 'confirmed_at', 'consent_version']

// A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
const csvField = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** RFC 4180 with a byte-order mark, one record per subscriber: everything stored about them. */
export const subscribersCsv = (
  subscribers: ReadonlyArray<
    Pick<Subscriber, 'email' | 'locale' | 'scope' | 'confirmedAt' | 'consentVersion'>
  >,
): string =>
  BOM +
  [
    COLUMNS,
    ...subscribers.map((row) => [
      row.email,
      row.locale,
      row.scope,
      row.confirmedAt,
      row.consentVersion,
    ]),
  ]
    .map((fields) => `${fields.map(csvField).join(',')}\r\n`)
    .join('')
