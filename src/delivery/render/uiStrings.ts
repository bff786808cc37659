import type { LocaleCode } from '@/config/locales'
import type { ReleaseSummary } from '@/releases/types'
import { languageTag, primaryLanguage } from './i18n'
import { en, enColumnLabels } from './strings/en'
import { fr } from './strings/fr'
import { ja, jaColumnLabels } from './strings/ja'
import { ru } from './strings/ru'
import type { ColumnLabels, UiStrings } from './strings/shape'

/** Typed by locale code: a locale added to the config without its strings fails to compile. */
const BY_LOCALE: Readonly<Record<LocaleCode, UiStrings>> = { en, ja, fr, ru }
const STRINGS: Readonly<Record<string, UiStrings>> = BY_LOCALE

export const uiStrings = (locale: string): UiStrings =>
  STRINGS[languageTag(locale)] ?? STRINGS[primaryLanguage(locale)] ?? en

/** Structural column labels when the release has none: the source's own for ja, neutral English elsewhere. */
export const fallbackColumnLabels = (locale: string): Readonly<ColumnLabels> =>
  primaryLanguage(locale) === 'ja' ? jaColumnLabels : enColumnLabels

/** A release's summary as readers are shown it: the import's in words of their language, any other as written. */
export const summaryText = (
  release: Pick<ReleaseSummary, 'summary' | 'importedFrom'>,
  ui: UiStrings,
): string => (release.importedFrom ? ui.importedSummary : release.summary)
