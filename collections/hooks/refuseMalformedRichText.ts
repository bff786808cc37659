import { APIError, type CollectionBeforeOperationHook, type Field, type GlobalBeforeOperationHook } from 'payload'

import { richTextProblems } from '../../src/utilities/lexicalValidation'

/** Every rich text field's path (groups included), from the config. */
const richTextPaths = (fields: readonly Field[], prefix = ''): string[] =>
  fields.flatMap((field) => {
    if (!('name' in field)) return []
    if (field.type === 'richText') return [`${prefix}${field.name}`]
    if (field.type === 'group') return richTextPaths(field.fields, `${prefix}${field.name}.`)
    return []
  })

const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data)

/** Refuses the whole write with 400 naming each malformed rich text field, before Payload's own hooks walk it. */
const refuse = (fields: readonly Field[], data: unknown): void => {
  const problems = richTextPaths(fields).flatMap((path) => richTextProblems(valueAt(data, path)).map((problem) => `${path}: ${problem}`))
  if (problems.length > 0) throw new APIError(`Invalid rich text — ${problems.join('; ')}.`, 400, null, true)
}

export const refuseMalformedRichText: CollectionBeforeOperationHook<'partner-categories'> = ({ args, collection, operation }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') refuse(collection.fields, (args as { data?: unknown }).data)
  return args
}

export const refuseMalformedGlobalRichText: GlobalBeforeOperationHook = ({ args, global, operation }) => {
  if (operation === 'update') refuse(global.fields, (args as { data?: unknown }).data)
  return args
}
