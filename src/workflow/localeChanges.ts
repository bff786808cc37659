import type { Field } from 'payload'

import { stableStringify } from '../utilities/stableStringify'
import { contentFieldsOf } from './contentFields'
import { localeContent } from './contentHash'

type Doc = Record<string, unknown>

const isRecord = (value: unknown): value is Doc =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** An unset checkbox reads as null or false depending on the row's age: both mean "not set". */
const leafValue = (field: Field, value: unknown): unknown =>
  field.type === 'checkbox' ? Boolean(value) : (value ?? null)

/**
 * One locale's view of a document read with `locale: 'all'`, where each localized field is an object
 * keyed by locale: the document as a read in that locale would show it.
 */
export const localeView = (doc: Doc, fields: readonly Field[], locale: string): Doc => {
  const view: Doc = {}
  for (const field of fields) {
    if (!('name' in field) || !field.name) continue
    const value = doc[field.name]
    if ('localized' in field && field.localized) {
      view[field.name] = leafValue(field, isRecord(value) ? value[locale] : null)
    } else if (field.type === 'group') {
      view[field.name] = localeView(isRecord(value) ? value : {}, field.fields, locale)
    } else {
      view[field.name] = leafValue(field, value)
    }
  }
  return view
}

export type LocaleChange = { locale: string; fields: string[] }

/**
 * Which locales' reviewable content differs between two reads of a document in every locale, and in
 * which fields. The fields every locale shares (key, icon, order, retired) belong to the source
 * locale's content, so a change to one of them is a change of the source, whatever locale a request
 * named. `before` is null for a new document: every locale with content has changed.
 */
export const changedLocales = (
  before: Doc | null,
  after: Doc,
  fields: readonly Field[],
  locales: readonly string[],
): LocaleChange[] => {
  const contentFields = contentFieldsOf(fields)
  const empty = localeView({}, fields, locales[0] ?? '')
  return locales.flatMap((locale) => {
    const old = localeContent(
      before ? localeView(before, fields, locale) : empty,
      contentFields,
      locale,
    )
    const current = localeContent(localeView(after, fields, locale), contentFields, locale)
    const changed = Object.keys(current).filter(
      (name) => stableStringify(old[name]) !== stableStringify(current[name]),
    )
    return changed.length > 0 ? [{ locale, fields: changed }] : []
  })
}
