import { isSerializedRichText } from '../utilities/lexical'
import { fieldChange } from '../diff/fieldChange'
import type { FieldChange } from '../diff/types'
import { SOURCE_LOCALE } from '../config/locales'
import { type Actor, reviewsLocale } from './transitions'

/**
 * A translation is stale when the source's approved content is no longer the one it was submitted
 * against. A translation with no recorded basis (never submitted) is not stale: it is a draft.
 */
export const isStale = (
  translatedSourceHash: string | null,
  currentSourceHash: string | null,
): boolean =>
  translatedSourceHash !== null &&
  currentSourceHash !== null &&
  translatedSourceHash !== currentSourceHash

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !isSerializedRichText(value)

/** Field name → value, with groups flattened to dotted names (`columnLabels.type`). */
export const flatten = (
  content: Record<string, unknown> | null,
  prefix = '',
): Map<string, unknown> => {
  const fields = new Map<string, unknown>()
  for (const [name, value] of Object.entries(content ?? {})) {
    if (isGroup(value))
      for (const [inner, innerValue] of flatten(value, `${prefix}${name}.`))
        fields.set(inner, innerValue)
    else fields.set(`${prefix}${name}`, value)
  }
  return fields
}

/** What changed in the source between the version a translation translates and the current one, word by word. */
export const diffSourceContent = (
  translated: Record<string, unknown> | null,
  current: Record<string, unknown> | null,
): FieldChange[] => {
  const before = flatten(translated)
  const after = flatten(current)
  const names = [...new Set([...after.keys(), ...before.keys()])]
  return names
    .map((name) => fieldChange(name, before.get(name), after.get(name), SOURCE_LOCALE))
    .filter((change): change is FieldChange => change !== null)
}

export type SourceConfirmationCheck =
  { ok: true } | { ok: false; status: 400 | 403 | 409; message: string }

/** A reviewer records that a source change does not affect a translation: a target locale, a reason, and a stale translation. */
export const checkSourceConfirmation = ({
  actor,
  locale,
  reason,
  stale,
}: {
  actor: Actor
  locale: string
  reason?: string
  stale: boolean
}): SourceConfirmationCheck => {
  if (locale === SOURCE_LOCALE)
    return {
      ok: false,
      status: 400,
      message: `"confirm-source" is for translations; ${SOURCE_LOCALE} is the source.`,
    }
  if (!reason?.trim())
    return {
      ok: false,
      status: 400,
      message:
        '"confirm-source" needs a reason: why the source change does not affect this translation.',
    }
  if (!reviewsLocale(actor))
    return {
      ok: false,
      status: 403,
      message:
        'Only legal reviewers and admins may confirm that a source change does not affect a translation.',
    }
  if (!stale)
    return {
      ok: false,
      status: 409,
      message: `The ${locale} translation is not stale: it already translates the current approved source.`,
    }
  return { ok: true }
}

export const STALE_APPROVAL_MESSAGE = (locale: string) =>
  `The ${SOURCE_LOCALE} source changed since this ${locale} translation was submitted: update and resubmit it, or have a reviewer confirm (with a reason) that the change does not affect it.`
