import { formatZonedDateTime } from '@/utilities/zonedDate'
import { escapeHtml } from './escape'

/** A well-formed BCP 47 tag for lang attributes and Intl; 'en' when the input is not one. */
export const languageTag = (locale: string): string => {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en'
  } catch {
    return 'en'
  }
}

export const primaryLanguage = (locale: string): string => languageTag(locale).split('-')[0] ?? 'en'

const PLACEHOLDER = /\{(\w+)\}/g

const valueOf = <T>(values: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.hasOwn(values, name) ? values[name] : undefined

/** Fills a template's {placeholders} with plain text. */
export const fillText = (
  template: string,
  values: Readonly<Record<string, string | number>>,
): string =>
  template.replace(PLACEHOLDER, (whole, name: string) => String(valueOf(values, name) ?? whole))

/** Escapes a template's own text and drops ready-made HTML fragments into its {placeholders}. */
export const fillHtml = (template: string, fragments: Readonly<Record<string, string>>): string => {
  let html = ''
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const fragment = valueOf(fragments, match[1] ?? '')
    html += escapeHtml(template.slice(last, match.index)) + (fragment ?? escapeHtml(match[0]))
    last = match.index + match[0].length
  }
  return html + escapeHtml(template.slice(last))
}

/** Intl objects are slow to build and pages are rendered per request; the bound keeps odd locales from growing it. */
const MAX_CACHED = 32
const displayNames = new Map<string, Intl.DisplayNames>()

const cached = <T>(cache: Map<string, T>, key: string, build: () => T): T => {
  const hit = cache.get(key)
  if (hit) return hit
  if (cache.size >= MAX_CACHED) cache.clear()
  const value = build()
  cache.set(key, value)
  return value
}

/** The locale's own name for itself, e.g. 'Français'; the code when Intl does not know it. */
export const languageName = (locale: string): string => {
  const tag = languageTag(locale)
  try {
    const name =
      cached(displayNames, tag, () => new Intl.DisplayNames([tag], { type: 'language' })).of(tag) ??
      tag
    // Autonyms start a list item: "Français", not "français".
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1)
  } catch {
    return tag
  }
}

const parseDate = (iso: string): Date | null => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** RFC 3339 in UTC, or null when the input is not a date. */
export const isoInstant = (iso: string): string | null => parseDate(iso)?.toISOString() ?? null

/**
 * Date and time in the locale's format and the site's time zone (KAIJI_TIMEZONE, passed in: the
 * renderers read no environment), naming the zone: "2027年1月16日 12:00 (JST)"; the input itself
 * when it is not a date.
 */
export const formatDate = (iso: string, locale: string, timeZone: string): string =>
  formatZonedDateTime(iso, languageTag(locale), timeZone)

/** The formatted date in a <time> whose datetime is the exact instant, in UTC. */
export const timeHtml = (iso: string, locale: string, timeZone: string): string => {
  const instant = isoInstant(iso)
  const text = escapeHtml(formatDate(iso, locale, timeZone))
  return instant ? `<time datetime="${instant}">${text}</time>` : text
}
