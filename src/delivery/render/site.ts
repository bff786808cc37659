import { SOURCE_LOCALE } from '@/config/locales'
import { EMPTY_SITE_SETTINGS, type SiteSettings } from '@/site/siteSettings'
import { languageName, languageTag } from './i18n'
import { DEFAULT_BASE_PATH, partnerPaths } from './paths'

/**
 * What every public page needs besides its own release: the site's settings, which locales have a
 * release in effect, the time zone dates are shown in and where the site is. Worked out by the
 * delivery layer; the renderers read no environment and no database.
 */
export type SiteContext = {
  /** Every configured locale, in order. */
  locales: readonly string[]
  /** The locales with a release in effect: the only ones a language link leads to. */
  available: readonly string[]
  /** IANA zone every date is shown in (KAIJI_TIMEZONE). */
  timeZone: string
  settings: SiteSettings
  /** Absolute base of the public site (hreflang alternates must be absolute); '' leaves them out. */
  baseUrl: string
  basePath: string
}

export const siteContext = (
  parts: Pick<SiteContext, 'locales' | 'timeZone'> & Partial<SiteContext>,
): SiteContext => ({
  available: parts.locales,
  settings: EMPTY_SITE_SETTINGS,
  baseUrl: '',
  basePath: DEFAULT_BASE_PATH,
  ...parts,
})

/** Which page of a locale this is: the page and its history exist in every locale with a release; numbered pages are per locale. */
export type PageKind = 'page' | 'history' | 'release' | 'diff' | 'upcoming' | 'other'

/** One entry of the language list: the current language, a link to another one, or one not published yet. */
export type LanguageChoice = {
  locale: string
  tag: string
  name: string
  state: 'current' | 'available' | 'unavailable'
  /** Where the link leads (available only). */
  href: string | null
}

/** The same page in another locale when it has one (its history for a history), else its current page. */
const counterpartPath = (locale: string, kind: PageKind, basePath: string): string => {
  const paths = partnerPaths(locale, basePath)
  return kind === 'history' ? paths.history : paths.page
}

/** Every locale in order: links only to those with a release in effect, the others named as not yet available. */
export const languageChoices = (
  locale: string,
  site: SiteContext,
  kind: PageKind,
): LanguageChoice[] =>
  site.locales.map((other) => {
    const available = site.available.includes(other)
    const state = other === locale ? 'current' : available ? 'available' : 'unavailable'
    return {
      locale: other,
      tag: languageTag(other),
      name: languageName(other),
      state,
      href: state === 'available' ? counterpartPath(other, kind, site.basePath) : null,
    }
  })

export type Alternate = { hreflang: string; href: string }

/**
 * `<link rel="alternate" hreflang>` for the page and the history, which every locale with a release
 * in effect has (absolute URLs, this one included, and x-default for the source locale's); none for
 * numbered pages, whose numbers are per locale, nor without an absolute base URL.
 */
export const alternateLinks = (locale: string, site: SiteContext, kind: PageKind): Alternate[] => {
  if ((kind !== 'page' && kind !== 'history') || !site.baseUrl) return []
  if (!site.available.includes(locale)) return []
  const base = site.baseUrl.replace(/\/+$/, '')
  const href = (other: string) => `${base}${counterpartPath(other, kind, site.basePath)}`
  const each = site.locales
    .filter((other) => site.available.includes(other))
    .map((other) => ({ hreflang: languageTag(other), href: href(other) }))
  return site.available.includes(SOURCE_LOCALE)
    ? [...each, { hreflang: 'x-default', href: href(SOURCE_LOCALE) }]
    : each
}
