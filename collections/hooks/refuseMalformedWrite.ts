import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type Field,
  type GlobalBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { isLocaleCode, LOCALES } from '@/config/locales'
import { MAX_JSON_DEPTH, tooDeepMessage, valueDepth } from '@/utilities/boundedJson'
import { jsonKind } from '@/utilities/jsonKind'
import { richTextProblems } from '@/utilities/lexicalValidation'

const DEFAULT_MAX_TEXT = 10_000
/** One rich text field's JSON: a few pages of legal text with formatting fit many times over. */
const MAX_RICH_TEXT_BYTES = 256 * 1024

/** What is wrong with one field's value, by its config. */
const fieldProblems = (field: Field, value: unknown, path: string): string[] => {
  if (value === undefined || !('name' in field)) return []
  // Null clears a field, but a group is an object of fields: Payload fails on a null one with a 500.
  if (value === null) return field.type === 'group' ? [`${path} must be an object, not null`] : []
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email': {
      if (typeof value !== 'string') return [`${path} must be text, not ${jsonKind(value)}`]
      const max = ('maxLength' in field && field.maxLength) || DEFAULT_MAX_TEXT
      return value.length > max ? [`${path} has ${value.length} characters; at most ${max}`] : []
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? []
        : [`${path} must be a number, not ${jsonKind(value)}`]
    case 'checkbox':
      return typeof value === 'boolean'
        ? []
        : [`${path} must be true or false, not ${jsonKind(value)}`]
    case 'richText': {
      const size = Buffer.byteLength(JSON.stringify(value))
      if (size > MAX_RICH_TEXT_BYTES)
        return [
          `${path} is ${Math.round(size / 1024)} KB of rich text; at most ${MAX_RICH_TEXT_BYTES / 1024} KB`,
        ]
      return richTextProblems(value).map((problem) => `${path}: ${problem}`)
    }
    case 'group':
      if (typeof value !== 'object' || Array.isArray(value))
        return [`${path} must be an object, not ${jsonKind(value)}`]
      return field.fields.flatMap((inner) =>
        'name' in inner
          ? fieldProblems(
              inner,
              (value as Record<string, unknown>)[inner.name],
              `${path}.${inner.name}`,
            )
          : [],
      )
    default:
      return []
  }
}

/**
 * Refuses a write whose body no client of ours would send, before Payload coerces or walks it: not an
 * object, an unknown or "all" locale, absurd nesting, a value of the wrong type, text over its length,
 * rich text the editor could not have produced. 400, naming each problem; nothing is written.
 */
const refuse = (fields: readonly Field[], data: unknown, req: PayloadRequest): void => {
  // Payload runs this before its access check: an anonymous caller must hear 401/403, not about their input.
  if (!req.user && req.payloadAPI !== 'local') return
  // No body, or one Payload could not read (not JSON): Payload itself would fail on it with a 500.
  if (data === undefined && req.payloadAPI !== 'local')
    throw new APIError(
      'The body must be a JSON object of fields (Content-Type: application/json).',
      400,
      null,
      true,
    )
  if (data === undefined) return
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new APIError(
      `The body must be a JSON object of fields, not ${jsonKind(data)}.`,
      400,
      null,
      true,
    )
  // No locale means the default one; a named locale must be one of ours, and only one.
  if (req.payloadAPI !== 'local' && req.locale != null && !isLocaleCode(req.locale)) {
    throw new APIError(
      `Unknown locale ${JSON.stringify(req.locale)} for a write; use one of ${LOCALES.join(', ')} (one locale at a time).`,
      400,
      null,
      true,
    )
  }
  if (valueDepth(data) > MAX_JSON_DEPTH) throw new APIError(tooDeepMessage(), 400, null, true)
  const problems = fields.flatMap((field) =>
    'name' in field
      ? fieldProblems(field, (data as Record<string, unknown>)[field.name], field.name)
      : [],
  )
  if (problems.length > 0)
    throw new APIError(`Invalid input — ${problems.slice(0, 8).join('; ')}.`, 400, null, true)
}

/** For any collection whose REST/GraphQL writes must be JSON objects of its fields. */
export const refuseMalformedWrite =
  <TSlug extends CollectionSlug>(): CollectionBeforeOperationHook<TSlug> =>
  ({ args, collection, operation, req }) => {
    if (operation === 'create' || operation === 'update' || operation === 'updateByID')
      refuse(collection.fields, (args as { data?: unknown }).data, req)
    return args
  }

export const refuseMalformedGlobalWrite: GlobalBeforeOperationHook = ({
  args,
  global,
  operation,
  req,
}) => {
  if (operation === 'update') refuse(global.fields, (args as { data?: unknown }).data, req)
  return args
}
