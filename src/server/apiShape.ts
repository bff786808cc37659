import type { FlattenedField, SanitizedConfig } from 'payload'

/**
 * What the API's collections and globals hold, read once from the sanitized config: the paths a
 * query may name in each (with their kind and whether they differ by locale), the routes Payload
 * handles itself, and whether they keep versions. queryShape checks queries against it.
 */

/** `polymorphic`: a relationship to several collections, queried only through `.value` and `.relationTo`. */
export type FieldKind =
  'id' | 'number' | 'date' | 'checkbox' | 'text' | 'json' | 'point' | 'polymorphic' | 'any'
export type QueryField = { kind: FieldKind; localized: boolean }
export type QueryFields = ReadonlyMap<string, QueryField>

// ---------------------------------------------------------------- the fields a query may name

const kindOfField = (field: FlattenedField): FieldKind => {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'select':
    case 'radio':
      return 'text'
    case 'number':
      return 'number'
    case 'date':
      return 'date'
    case 'checkbox':
      return 'checkbox'
    case 'point':
      return 'point'
    case 'json':
    case 'richText':
      return 'json'
    case 'relationship':
    case 'upload':
      return Array.isArray(field.relationTo) ? 'polymorphic' : 'id'
    default:
      return 'any'
  }
}

/** Every queryable path of a field list (`name`, `imported.by`, `user.value`) with its kind and whether it is localized. */
export const queryFieldsOf = (
  fields: readonly FlattenedField[],
  prefix = '',
  parentLocalized = false,
): Map<string, QueryField> => {
  const map = new Map<string, QueryField>()
  const add = (path: string, field: QueryField) => {
    const existing = map.get(path)
    map.set(
      path,
      existing && existing.kind !== field.kind
        ? { kind: 'any', localized: existing.localized || field.localized }
        : field,
    )
  }
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    const localized = parentLocalized || ('localized' in field && field.localized === true)
    add(path, { kind: kindOfField(field), localized })
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      Array.isArray(field.relationTo)
    ) {
      add(`${path}.value`, { kind: 'id', localized })
      add(`${path}.relationTo`, { kind: 'text', localized })
    }
    const nested: FlattenedField[][] =
      field.type === 'group' || field.type === 'tab' || field.type === 'array'
        ? [field.flattenedFields]
        : field.type === 'blocks'
          ? (field.blocks ?? []).flatMap((block) =>
              typeof block === 'string' ? [] : [block.flattenedFields],
            )
          : []
    for (const inner of nested)
      for (const [innerPath, innerField] of queryFieldsOf(inner, `${path}.`, localized))
        add(innerPath, innerField)
    if (field.type === 'blocks') add(`${path}.blockType`, { kind: 'text', localized })
  }
  if (!prefix) add('id', { kind: 'id', localized: false })
  return map
}

/** The paths of a version document: its own fields, and the document's under `version.`. */
export const versionQueryFieldsOf = (
  fields: readonly FlattenedField[],
): Map<string, QueryField> => {
  const map = new Map<string, QueryField>([
    ['id', { kind: 'id', localized: false }],
    ['parent', { kind: 'id', localized: false }],
    ['createdAt', { kind: 'date', localized: false }],
    ['updatedAt', { kind: 'date', localized: false }],
    ['latest', { kind: 'checkbox', localized: false }],
    ['autosave', { kind: 'checkbox', localized: false }],
    ['snapshot', { kind: 'checkbox', localized: false }],
    ['publishedLocale', { kind: 'text', localized: false }],
  ])
  for (const [path, field] of queryFieldsOf(fields, 'version.')) map.set(path, field)
  return map
}

// ---------------------------------------------------------------- the API's collections and globals

export type EntityShape = {
  slug: string
  /** Documents are addressed by id in the path (everything but preferences, which go by key). */
  addressedById: boolean
  /** First path segments Payload routes itself (count, versions, login…), so not ids. */
  routes: ReadonlySet<string>
  fields: QueryFields
  /** The fields of its versions; null when it keeps none. */
  versionFields: QueryFields | null
}

/** One route Payload serves under /api: its path segments (`:name` matches any one) and method. */
export type EndpointRoute = { segments: readonly string[]; method: string }

export type ApiShape = {
  collections: ReadonlyMap<string, EntityShape>
  globals: ReadonlyMap<string, EntityShape>
  /** Every endpoint, Payload's and Kaiji's, of the root, the collections and the globals. */
  endpoints: readonly EndpointRoute[]
  locales: readonly string[]
  cookiePrefix: string
}

type Endpoints = ReadonlyArray<{ path: string; method: string }> | false | undefined

const routesUnder = (prefix: readonly string[], endpoints: Endpoints): EndpointRoute[] =>
  (endpoints || []).map((endpoint) => ({
    segments: [...prefix, ...endpoint.path.split('/').filter(Boolean)],
    method: endpoint.method.toUpperCase(),
  }))

/**
 * The methods the routes matching `segments` (the path under /api) accept, sorted; empty when no
 * route has that path. Lets a wrong method be told apart from a path that does not exist. Only
 * the most specific routes count: `releases/publish` is not also `releases/:id`.
 */
export const methodsForPath = (
  endpoints: readonly EndpointRoute[],
  segments: readonly string[],
): string[] => {
  const matches = (route: EndpointRoute) =>
    route.segments.length === segments.length &&
    route.segments.every((part, index) => part.startsWith(':') || part === segments[index])
  const fixedParts = (route: EndpointRoute) =>
    route.segments.filter((part) => !part.startsWith(':')).length
  const matching = endpoints.filter(matches)
  const mostSpecific = Math.max(0, ...matching.map(fixedParts))
  return [
    ...new Set(
      matching.filter((route) => fixedParts(route) === mostSpecific).map((route) => route.method),
    ),
  ].sort()
}

const PREFERENCES = 'payload-preferences'

/** What the guards need to know of each collection and global, from the sanitized config. */
export const apiShape = (config: SanitizedConfig): ApiShape => {
  const routesOf = (endpoints: SanitizedConfig['collections'][number]['endpoints']) =>
    new Set(
      (endpoints || [])
        .map((endpoint) => endpoint.path.split('/')[1] ?? '')
        .filter((segment) => segment && !segment.startsWith(':')),
    )
  return {
    collections: new Map(
      config.collections.map((collection) => [
        collection.slug,
        {
          slug: collection.slug,
          // Preferences are addressed by key, not id.
          addressedById: collection.slug !== PREFERENCES,
          routes: routesOf(collection.endpoints),
          fields: queryFieldsOf(collection.flattenedFields),
          versionFields: collection.versions
            ? versionQueryFieldsOf(collection.flattenedFields)
            : null,
        },
      ]),
    ),
    globals: new Map(
      config.globals.map((global) => [
        global.slug,
        {
          slug: global.slug,
          addressedById: false,
          routes: new Set<string>(),
          fields: queryFieldsOf(global.flattenedFields),
          versionFields: global.versions ? versionQueryFieldsOf(global.flattenedFields) : null,
        },
      ]),
    ),
    endpoints: [
      ...routesUnder([], config.endpoints),
      ...config.collections.flatMap((collection) =>
        routesUnder([collection.slug], collection.endpoints),
      ),
      ...config.globals.flatMap((global) =>
        routesUnder(['globals', global.slug], global.endpoints),
      ),
    ],
    locales: config.localization ? config.localization.localeCodes : [],
    cookiePrefix: config.cookiePrefix || 'payload',
  }
}
