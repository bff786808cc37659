import { diffFields } from '../diff/fieldChange'
import type { FieldChange } from '../diff/types'
import { SOURCE_LOCALE } from '../config/locales'
import { english, localeName, type Say } from '../i18n/adminText'
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

/** What changed in the source between the version a translation translates and the current one, word by word. */
export const diffSourceContent = (
  translated: Record<string, unknown> | null,
  current: Record<string, unknown> | null,
): FieldChange[] => diffFields(translated, current, SOURCE_LOCALE)

export type SourceConfirmationCheck =
  { ok: true } | { ok: false; status: 400 | 403 | 409; message: string }

/** A reviewer records that a source change does not affect a translation: a target locale, a reason, and a stale translation. */
export const checkSourceConfirmation = ({
  actor,
  locale,
  reason,
  stale,
  say = english,
}: {
  actor: Actor
  locale: string
  reason?: string
  stale: boolean
  say?: Say
}): SourceConfirmationCheck => {
  const words = { locale, localeName: localeName(say, locale) }
  if (locale === SOURCE_LOCALE)
    return {
      ok: false,
      status: 400,
      message: say('kaijiAdmin:messages:workflow:confirmSourceIsSource', words),
    }
  if (!reason?.trim())
    return {
      ok: false,
      status: 400,
      message: say('kaijiAdmin:messages:workflow:confirmSourceNeedsReason'),
    }
  if (!reviewsLocale(actor))
    return {
      ok: false,
      status: 403,
      message: say('kaijiAdmin:messages:workflow:confirmSourceOnlyReviewers'),
    }
  if (!stale)
    return {
      ok: false,
      status: 409,
      message: say('kaijiAdmin:messages:workflow:confirmSourceNotStale', words),
    }
  return { ok: true }
}

export const STALE_APPROVAL_MESSAGE = (locale: string, say: Say = english) =>
  say('kaijiAdmin:messages:workflow:staleApproval', {
    locale,
    localeName: localeName(say, locale),
    source: SOURCE_LOCALE,
    sourceName: localeName(say, SOURCE_LOCALE),
  })
