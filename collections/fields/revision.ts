import { APIError, type Field, type FieldHook } from 'payload'

import { isLocaleCode } from '@/config/locales'
import { adminText } from '@/i18n/adminText'

/** `If-Match: 3`, `"3"` or `W/"3"`: the revision the client read. */
export const parseIfMatch = (header: string | null): number | null => {
  const match = header?.trim().match(/^(?:W\/)?"?(\d+)"?$/)
  return match ? Number(match[1]) : null
}

const claimedRevision = (value: unknown, header: string | null): number | null => {
  const fromHeader = parseIfMatch(header)
  if (fromHeader !== null) return fromHeader
  return typeof value === 'number' && Number.isInteger(value) ? value : null
}

/**
 * Optimistic concurrency per document and locale: a write through REST, GraphQL or the admin that
 * names the revision it read (the admin form always does; API clients with the field or If-Match)
 * is refused with 409 when someone saved since, and nothing is written. Every save counts one up.
 * The Local API (the server's own code) is trusted and only counts.
 */
const nextRevision: FieldHook = ({ value, originalDoc, req }) => {
  const stored = typeof originalDoc?.revision === 'number' ? originalDoc.revision : 0
  const claimed =
    req.payloadAPI === 'local'
      ? null
      : claimedRevision(value, req.headers?.get?.('if-match') ?? null)
  if (claimed !== null && claimed !== stored) {
    const locale = req.locale ?? ''
    // In the user's language (req.i18n: Accept-Language, else English), naming the language they edit.
    throw new APIError(
      adminText(req, 'kaijiAdmin:collections:staleSave', {
        locale,
        localeName: isLocaleCode(locale)
          ? adminText(req, `kaijiAdmin:collections:localeName:${locale}`)
          : locale,
        claimed,
        stored,
      }),
      409,
      null,
      true,
    )
  }
  return stored + 1
}

/** The revision counter of a document's content in one locale (hidden in the admin form, sent back on save). */
export const revisionField: Field = {
  name: 'revision',
  type: 'number',
  localized: true,
  defaultValue: 0,
  admin: { hidden: true },
  hooks: { beforeChange: [nextRevision] },
}
