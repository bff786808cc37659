import { LOCALES, SOURCE_LOCALE } from '../config/locales'

/** The slug of the site-settings global: the public site's name, logo, privacy link and footer line. */
export const SITE_SETTINGS_SLUG = 'site-settings'

/** A localized value by locale code; a locale with nothing there is absent or empty. */
export type ByLocale = Readonly<Partial<Record<string, string | null>>>

/** The global as every process reads it (all locales at once), with when it last changed. */
export type SiteSettings = {
  siteName: ByLocale
  privacyPolicyUrl: ByLocale
  footerNote: ByLocale
  /** A checked `data:image/…;base64,…` URI (see logoImage), or null. */
  logo: string | null
  /** ISO instant of the last save, or null before the first. */
  updatedAt: string | null
}

export const EMPTY_SITE_SETTINGS: SiteSettings = {
  siteName: {},
  privacyPolicyUrl: {},
  footerNote: {},
  logo: null,
  updatedAt: null,
}

/** What one locale's pages show: its own value, else the source locale's (site chrome is not disclosure text). */
export type SiteChromeText = {
  siteName: string | null
  privacyPolicyUrl: string | null
  footerNote: string | null
  logo: string | null
}

const present = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

const inLocale = (values: ByLocale, locale: string): string | null =>
  present(values[locale]) ?? present(values[SOURCE_LOCALE])

export const siteTextFor = (settings: SiteSettings, locale: string): SiteChromeText => ({
  siteName: inLocale(settings.siteName, locale),
  privacyPolicyUrl: inLocale(settings.privacyPolicyUrl, locale),
  footerNote: inLocale(settings.footerNote, locale),
  logo: settings.logo,
})

const byLocale = (value: unknown): ByLocale => {
  if (!value || typeof value !== 'object') return {}
  const record = value as Record<string, unknown>
  return Object.fromEntries(
    LOCALES.flatMap((locale) =>
      typeof record[locale] === 'string' ? [[locale, record[locale] as string]] : [],
    ),
  )
}

/** The global as Payload returns it with `locale: 'all'` (localized fields as { ja, en, … }). */
export const siteSettingsFromStored = (doc: Record<string, unknown> | null): SiteSettings => {
  if (!doc) return EMPTY_SITE_SETTINGS
  const updatedAt = doc.updatedAt
  return {
    siteName: byLocale(doc.siteName),
    privacyPolicyUrl: byLocale(doc.privacyPolicyUrl),
    footerNote: byLocale(doc.footerNote),
    logo: typeof doc.logo === 'string' && doc.logo !== '' ? doc.logo : null,
    updatedAt:
      typeof updatedAt === 'string'
        ? updatedAt
        : updatedAt instanceof Date
          ? updatedAt.toISOString()
          : null,
  }
}
