import type { Field, Payload } from 'payload'

/** One localized text field of a document, a group's fields as dotted paths (`columnLabels.type`). */
export type TranslatableField = { path: string; kind: 'text' | 'richText' }

/** The localized text fields of a document, groups flattened to dotted paths, in the config's order. */
export const translatableFields = (fields: readonly Field[], prefix = ''): TranslatableField[] =>
  fields.flatMap((field): TranslatableField[] => {
    if (!('name' in field) || ('virtual' in field && field.virtual)) return []
    const path = `${prefix}${field.name}`
    if (field.type === 'group') return translatableFields(field.fields, `${path}.`)
    if (!('localized' in field) || field.localized !== true) return []
    if (field.type === 'richText') return [{ path, kind: 'richText' }]
    if (field.type === 'text' || field.type === 'textarea') return [{ path, kind: 'text' }]
    return []
  })

/** What a translator translates: the page's and a category's translatable fields. */
export const documentFields = (
  payload: Payload,
): { page: TranslatableField[]; category: TranslatableField[] } => ({
  page: translatableFields(
    payload.config.globals.find((global) => global.slug === 'partners-page')?.fields ?? [],
  ),
  category: translatableFields(payload.collections['partner-categories'].config.fields),
})

/** The value at a dotted path (`columnLabels.type`), or undefined. */
export const valueAt = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (current, key) =>
        current && typeof current === 'object' && Object.hasOwn(current, key)
          ? (current as Record<string, unknown>)[key]
          : undefined,
      value,
    )
