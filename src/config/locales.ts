/** The one place that names Kaiji's locales. `ja` is the source and the legally authoritative language. */
export const SOURCE_LOCALE = 'ja' as const

export const TARGET_LOCALES = ['en', 'fr', 'ru'] as const

export const LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const

export type LocaleCode = (typeof LOCALES)[number]
export type TargetLocaleCode = (typeof TARGET_LOCALES)[number]

export const LOCALE_LABELS: Record<LocaleCode, string> = {
  ja: '日本語 (source)',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
}

export const isLocaleCode = (value: unknown): value is LocaleCode =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

export const isTargetLocaleCode = (value: unknown): value is TargetLocaleCode =>
  typeof value === 'string' && (TARGET_LOCALES as readonly string[]).includes(value)

/** Parses a comma-separated list such as `en,fr`; throws naming the first unknown or source locale. */
export const parseTargetLocaleList = (list: string): TargetLocaleCode[] => {
  const codes = list
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean)
  for (const code of codes) {
    if (code === SOURCE_LOCALE) {
      throw new Error(
        `"${code}" is the source locale; translators can only be assigned ${TARGET_LOCALES.join(', ')}`,
      )
    }
    if (!isTargetLocaleCode(code)) {
      throw new Error(`unknown locale "${code}"; expected one of ${TARGET_LOCALES.join(', ')}`)
    }
  }
  return [...new Set(codes)] as TargetLocaleCode[]
}

/**
 * The locale a BCP 47 language tag names, as files from translation tools write it: `en`, `EN`,
 * `en-US`, `ja-JP` and `en_GB` are `en`/`ja` (Kaiji's locales are bare languages, so a region or
 * script subtag narrows nothing here). Null for a language Kaiji has not.
 */
export const localeOfLanguageTag = (tag: string | null | undefined): LocaleCode | null => {
  const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase()
  return isLocaleCode(language) ? language : null
}
