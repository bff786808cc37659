import { fieldChange } from '../diff/fieldChange'
import type { FieldChange, ReleaseDiff, ReleasedCategory, ReleasedPage, Release } from './types'

const isPresent = <T>(value: T | null): value is T => value !== null

type FieldReader<T> = readonly [field: string, read: (value: T) => unknown]

const PAGE_FIELDS: ReadonlyArray<FieldReader<ReleasedPage>> = [
  ['title', (page) => page.title],
  ['intro', (page) => page.intro],
  ['notNamedNote', (page) => page.notNamedNote],
  ['columnLabels.type', (page) => page.columnLabels.type],
  ['columnLabels.description', (page) => page.columnLabels.description],
  ['columnLabels.dataUsageNote', (page) => page.columnLabels.dataUsageNote],
  ['authoritativeLanguageNote', (page) => page.authoritativeLanguageNote],
]

const CATEGORY_FIELDS: ReadonlyArray<FieldReader<ReleasedCategory>> = [
  ['name', (category) => category.name],
  ['description', (category) => category.description],
  ['dataUsageNote', (category) => category.dataUsageNote],
  ['icon', (category) => category.icon],
  ['order', (category) => category.order],
]

const diffFields = <T>(
  fields: ReadonlyArray<FieldReader<T>>,
  from: T,
  to: T,
  locale: string,
): FieldChange[] =>
  fields.map(([field, read]) => fieldChange(field, read(from), read(to), locale)).filter(isPresent)

const byKey = (categories: readonly ReleasedCategory[]): Map<string, ReleasedCategory> =>
  new Map(categories.map((category) => [category.key, category]))

const diffCategories = (
  from: readonly ReleasedCategory[],
  to: readonly ReleasedCategory[],
  locale: string,
): ReleaseDiff['categories'] => {
  const fromByKey = byKey(from)
  const toByKey = byKey(to)
  const changed = to
    .map((category) => {
      const previous = fromByKey.get(category.key)
      if (!previous) return null
      const fields = diffFields(CATEGORY_FIELDS, previous, category, locale)
      return fields.length > 0 ? { key: category.key, name: category.name, fields } : null
    })
    .filter(isPresent)
  return {
    added: to.filter((category) => !fromByKey.has(category.key)),
    removed: from.filter((category) => !toByKey.has(category.key)),
    changed,
  }
}

/** What changed for the reader between two releases of the same locale. */
export const diffReleases = (from: Release, to: Release): ReleaseDiff => {
  if (from.locale !== to.locale) {
    throw new Error(
      `Cannot diff releases of different locales: "${from.locale}" and "${to.locale}"`,
    )
  }
  const { locale } = to
  return {
    locale,
    from: from.number,
    to: to.number,
    page: diffFields(PAGE_FIELDS, from.content.page, to.content.page, locale),
    categories: diffCategories(from.content.categories, to.content.categories, locale),
  }
}
