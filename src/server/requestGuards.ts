import { getPayload, type SanitizedConfig } from 'payload'

import { problem } from '../endpoints/http'
import { jsonKind } from '../utilities/jsonKind'

/**
 * Checks on API requests that Payload would otherwise answer with a 500: a body it cannot parse in
 * a form it does not catch, or a path it does not handle. Each answers 400/404 naming the problem,
 * before Payload sees the request; everything else passes through untouched.
 */

type RouteHandler<TContext> = (request: Request, context: TContext) => Promise<Response>

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT'])
/** SQLite ids are numbers, MongoDB's are 24 hex digits; anything else names no document. */
const DOCUMENT_ID = /^(\d{1,15}|[0-9a-f]{24})$/i

const contentTypeOf = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

/** A multipart body must be readable as a form; a JSON write body must be an object. */
const bodyProblem = async (request: Request, { graphql }: { graphql: boolean }): Promise<Response | null> => {
  if (!WRITE_METHODS.has(request.method)) return null
  const type = contentTypeOf(request)
  if (type === 'multipart/form-data') {
    try {
      await request.clone().formData()
    } catch {
      return problem(400, 'The multipart/form-data body could not be read (a missing or wrong boundary, or a truncated part).')
    }
    return null
  }
  if (!graphql && type !== 'application/json') return null
  const text = await request.clone().text()
  if (graphql && text.trim() === '') return problem(400, 'The GraphQL request needs a JSON body: {"query": "…", "variables": {…}}.')
  if (!graphql && text.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return problem(400, graphql ? 'The GraphQL request body is not valid JSON.' : 'Invalid JSON in the request body: it must be a JSON object.')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return problem(400, `The body must be a JSON object${graphql ? ' ({"query": "…"})' : ' of fields'}, not ${jsonKind(parsed)}.`)
  }
  return null
}

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Operators whose values are compared as the field's type (the database adapter fails on a NaN or an invalid date). */
const TYPED_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])

export type FieldKinds = ReadonlyMap<string, 'id' | 'date' | 'number'>

/** `where[a][b.c][op]`, `where[or][0][and][1][a][op][0]` → the field path and operator. */
const whereTerm = (key: string): { path: string; operator: string } | null => {
  if (!key.startsWith('where[')) return null
  const segments = [...key.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '')
  const meaningful = segments.filter((segment) => segment !== 'and' && segment !== 'or' && !/^\d+$/.test(segment))
  const [path, operator] = meaningful
  return path && operator ? { path, operator } : null
}

const valueFits = (kind: 'id' | 'date' | 'number', value: string): boolean => {
  if (value === '' || value === 'null') return true
  if (kind === 'id') return DOCUMENT_ID.test(value)
  if (kind === 'number') return Number.isFinite(Number(value))
  return !Number.isNaN(Date.parse(value))
}

/** A `where` filter whose value cannot be compared with its field: 400 naming it, instead of the adapter's 500. */
export const whereProblem = (searchParams: URLSearchParams, kinds: FieldKinds): Response | null => {
  for (const [key, raw] of searchParams) {
    const term = whereTerm(key)
    if (!term || !TYPED_OPERATORS.has(term.operator)) continue
    const kind = kinds.get(term.path) ?? (term.path.endsWith('.value') ? kinds.get(term.path.slice(0, -'.value'.length)) : undefined)
    if (!kind) continue
    const values = LIST_OPERATORS.has(term.operator) ? raw.split(',') : [raw]
    const bad = values.find((value) => !valueFits(kind, value.trim()))
    if (bad !== undefined) {
      const expected = kind === 'id' ? 'a document id' : kind === 'date' ? 'a date (ISO 8601)' : 'a number'
      return problem(400, `where[${term.path}][${term.operator}]: ${JSON.stringify(bad)} is not ${expected}.`)
    }
  }
  return null
}

/** REST paths Payload routes but cannot serve here. */
const pathProblem = (request: Request, collectionSlugs: ReadonlySet<string>): Response | null => {
  const segments = new URL(request.url).pathname.replace(/^\/api\/?/, '').split('/').filter(Boolean)
  const [slug, second] = segments
  if (!slug || !collectionSlugs.has(slug)) return null
  if (slug === 'users' && second === 'verify') return problem(404, 'Email verification is not enabled: accounts are created by an administrator.')
  if (request.method === 'DELETE' && segments.length === 2 && second !== undefined && !DOCUMENT_ID.test(decoded(second))) {
    return problem(404, `No ${slug} document has the id ${JSON.stringify(decoded(second))}.`)
  }
  return null
}

export type CollectionShape = { slug: string; addressedById: boolean; fieldKinds: FieldKinds }

/** Wraps one of Payload's REST route handlers. */
export const guardRestRoute = <TContext>(handler: RouteHandler<TContext>, collections: Promise<readonly CollectionShape[]>): RouteHandler<TContext> => {
  const bySlug = collections.then((list) => new Map(list.map((collection) => [collection.slug, collection])))
  const idAddressed = collections.then((list) => new Set(list.filter((collection) => collection.addressedById).map((collection) => collection.slug)))
  return async (request, context) => {
    const url = new URL(request.url)
    const slug = url.pathname.replace(/^\/api\/?/, '').split('/')[0] ?? ''
    const collection = (await bySlug).get(slug)
    return (
      pathProblem(request, await idAddressed) ??
      (collection ? whereProblem(url.searchParams, collection.fieldKinds) : null) ??
      (await bodyProblem(request, { graphql: false })) ??
      handler(request, context)
    )
  }
}

/** Wraps Payload's GraphQL route: its body is parsed outside GraphQL's own error handling. */
export const guardGraphqlRoute =
  <TContext>(handler: RouteHandler<TContext>): RouteHandler<TContext> =>
  async (request, context) =>
    (await bodyProblem(request, { graphql: true })) ?? handler(request, context)

/** What the guards need to know of each collection, from the sanitized config. */
export const collectionShapes = (config: SanitizedConfig): CollectionShape[] =>
  config.collections.map((collection) => {
    const kinds = new Map<string, 'id' | 'date' | 'number'>([['id', 'id']])
    for (const field of collection.flattenedFields) {
      if (field.type === 'relationship' || field.type === 'upload') kinds.set(field.name, 'id')
      else if (field.type === 'date') kinds.set(field.name, 'date')
      else if (field.type === 'number') kinds.set(field.name, 'number')
    }
    // Preferences are addressed by key, not id.
    return { slug: collection.slug, addressedById: collection.slug !== PREFERENCES, fieldKinds: kinds }
  })

const PREFERENCES = 'payload-preferences'

/**
 * DELETE /api/payload-preferences/:key for a key the caller has no preference under: Payload's
 * SQLite adapter fails on deleting nothing (a 500); answer 404 instead.
 */
export const guardPreferenceDelete =
  <TContext>(handler: RouteHandler<TContext>, config: Promise<SanitizedConfig>): RouteHandler<TContext> =>
  async (request, context) => {
    const [slug, key, ...rest] = new URL(request.url).pathname.replace(/^\/api\/?/, '').split('/')
    if (slug !== PREFERENCES || !key || rest.length > 0) return handler(request, context)
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: request.headers })
    if (!user) return handler(request, context)
    const { totalDocs } = await payload.count({
      collection: PREFERENCES,
      where: { and: [{ key: { equals: decoded(key) } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] },
      overrideAccess: true,
    })
    return totalDocs === 0 ? problem(404, `You have no preference named ${JSON.stringify(decoded(key))}.`) : handler(request, context)
  }
