import { getPayload, type SanitizedConfig } from 'payload'
import { parse as parseQuery } from 'qs-esm'

import { problem } from '../http/endpointHelpers'
import {
  jsonTextDepth,
  MAX_JSON_DEPTH,
  parseBoundedJson,
  tooDeepMessage,
} from '../utilities/boundedJson'
import { jsonKind } from '../utilities/jsonKind'
import { methodsForPath, type ApiShape, type EntityShape, type QueryFields } from './apiShape'
import {
  DOCUMENT_ID,
  fallbackLocaleProblem,
  repeatedParameterProblem,
  sortProblem,
  whereProblem,
} from './queryShape'

export { apiShape } from './apiShape'

/**
 * Checks on API requests that Payload would otherwise answer with a 500: a body it cannot parse in
 * a form it does not catch, a path it does not handle, a query it cannot run. Each answers 400/404
 * naming the problem, before Payload sees the request; everything else passes through untouched.
 * A POST that Payload treats as a GET (its method-override header) is checked as that GET.
 */

type RouteHandler<TContext> = (request: Request, context: TContext) => Promise<Response>

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT'])

const contentTypeOf = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const kindOf = (value: unknown) => (jsonKind(value) === 'object' ? 'an object' : jsonKind(value))

/** A JSON text that must be an object: null when it is one (within the nesting limit), else what is wrong. */
const jsonObjectProblem = (text: string, what: string): string | null => {
  const read = parseBoundedJson(text)
  if (!read.ok)
    return read.problem === 'too-deep' ? tooDeepMessage(what) : `${what} is not valid JSON.`
  return isObject(read.value) ? null : `${what} must be a JSON object, not ${kindOf(read.value)}.`
}

/** A multipart body must be readable as a form, its `_payload` a JSON object; a JSON write body must be an object. */
const bodyProblem = async (
  request: Request,
  { graphql }: { graphql: boolean },
): Promise<Response | null> => {
  if (!WRITE_METHODS.has(request.method)) return null
  const type = contentTypeOf(request)
  if (type === 'multipart/form-data') {
    let form: FormData
    try {
      form = await request.clone().formData()
    } catch {
      return problem(
        400,
        'The multipart/form-data body could not be read (a missing or wrong boundary, or a truncated part).',
      )
    }
    const fields = form.get('_payload')
    const payloadProblem =
      typeof fields === 'string' ? jsonObjectProblem(fields, 'The multipart field _payload') : null
    return payloadProblem ? problem(400, payloadProblem) : null
  }
  if (graphql) {
    // What the GraphQL handler (graphql-http) takes; anything else it answers with a bare 415.
    const [media = '', charset = 'charset=utf-8'] = (request.headers.get('content-type') ?? '')
      .replace(/\s/g, '')
      .toLowerCase()
      .split(';')
    if (media !== 'application/json' || charset !== 'charset=utf-8') {
      return problem(
        415,
        `The GraphQL endpoint takes a JSON body (Content-Type: application/json; charset=utf-8), not ${JSON.stringify(request.headers.get('content-type') ?? 'no Content-Type')}.`,
      )
    }
  } else if (type !== 'application/json') return null
  const text = await request.clone().text()
  if (graphql && text.trim() === '')
    return problem(400, 'The GraphQL request needs a JSON body: {"query": "…", "variables": {…}}.')
  if (!graphql && text.trim() === '') return null
  const read = parseBoundedJson(text)
  if (!read.ok && read.problem === 'too-deep') return problem(400, tooDeepMessage())
  if (!read.ok)
    return problem(
      400,
      graphql
        ? 'The GraphQL request body is not valid JSON.'
        : 'Invalid JSON in the request body: it must be a JSON object.',
    )
  if (!isObject(read.value))
    return problem(
      400,
      `The body must be a JSON object${graphql ? ' ({"query": "…"})' : ' of fields'}, not ${jsonKind(read.value)}.`,
    )
  // GraphQL's parser recurses into every selection set: bound the document's nesting as a body's.
  if (
    graphql &&
    typeof read.value.query === 'string' &&
    jsonTextDepth(read.value.query) > MAX_JSON_DEPTH
  )
    return problem(400, tooDeepMessage('The GraphQL query'))
  return null
}

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

// ---------------------------------------------------------------- what Payload will do with the request

const OVERRIDE_HEADERS = ['X-Payload-HTTP-Method-Override', 'X-HTTP-Method-Override']

type Effective = { method: string; url: URL; bodyWhere: unknown }

/**
 * The request as Payload will run it. A POST whose override header says GET becomes a GET: a
 * form-encoded body is appended to the URL as its query, a JSON body's `locale` is appended as is
 * (so it can carry more parameters), exactly as Payload's handleEndpoints does it.
 */
const effectiveRequest = async (request: Request): Promise<Effective | Response> => {
  const overridden =
    request.method === 'POST' &&
    OVERRIDE_HEADERS.some((name) => request.headers.get(name) === 'GET')
  if (!overridden)
    return { method: request.method, url: new URL(request.url), bodyWhere: undefined }
  const type = request.headers.get('content-type')
  if (type === 'application/x-www-form-urlencoded')
    return {
      method: 'GET',
      url: new URL(`${request.url}?${await request.clone().text()}`),
      bodyWhere: undefined,
    }
  if (type !== 'application/json')
    return { method: 'GET', url: new URL(request.url), bodyWhere: undefined }
  const read = parseBoundedJson(await request.clone().text())
  if (!read.ok)
    return problem(
      400,
      read.problem === 'too-deep'
        ? tooDeepMessage()
        : 'The body of a POST sent as a GET (X-HTTP-Method-Override) is not valid JSON.',
    )
  const data = isObject(read.value) ? read.value : {}
  let url = request.url
  if (data.locale) url += `?locale=${String(data.locale)}`
  if (data.fallbackLocale) url += `&fallbackLocale=${String(data.depth)}`
  return { method: 'GET', url: new URL(url), bodyWhere: data.where }
}

// ---------------------------------------------------------------- paths

type Target = { entity: EntityShape; versions: boolean }

const notAnId = (what: string, value: string) =>
  problem(404, `No ${what} has the id ${JSON.stringify(value)}.`)

/** REST paths Payload routes but cannot serve here, and which fields a query on the path names. */
const resolvePath = (
  method: string,
  url: URL,
  shape: ApiShape,
): { problem: Response | null; target: Target | null } => {
  const segments = url.pathname
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decoded)
  const none = { problem: null, target: null }
  if (segments[0] === 'globals') {
    const global = segments[1] ? shape.globals.get(segments[1]) : undefined
    if (!global) return none
    if (segments[2] !== 'versions')
      return { problem: null, target: { entity: global, versions: false } }
    if (!global.versionFields)
      return {
        problem: problem(404, `The ${global.slug} global keeps no version history.`),
        target: null,
      }
    if (segments[3] !== undefined && !DOCUMENT_ID.test(segments[3]))
      return { problem: notAnId(`${global.slug} version`, segments[3]), target: null }
    return { problem: null, target: { entity: global, versions: true } }
  }
  const collection = segments[0] ? shape.collections.get(segments[0]) : undefined
  if (!collection) return none
  const { slug } = collection
  const [, second, third] = segments
  if (slug === 'users' && second === 'verify')
    return {
      problem: problem(
        404,
        'Email verification is not enabled: accounts are created by an administrator.',
      ),
      target: null,
    }
  if (second === 'versions') {
    if (!collection.versionFields)
      return {
        problem: problem(
          404,
          `${slug} keeps no version history: there are no versions to list, read or restore.`,
        ),
        target: null,
      }
    if (third !== undefined && !DOCUMENT_ID.test(third))
      return { problem: notAnId(`${slug} version`, third), target: null }
    return { problem: null, target: { entity: collection, versions: true } }
  }
  const target = { entity: collection, versions: false }
  if (second === 'access' && third !== undefined && !DOCUMENT_ID.test(third))
    return { problem: notAnId(`${slug} document`, third), target }
  if (
    second === undefined ||
    collection.routes.has(second) ||
    !collection.addressedById ||
    DOCUMENT_ID.test(second)
  )
    return { problem: null, target }
  if (second === 'distinct' && method === 'GET') {
    return {
      problem: problem(
        404,
        `There is no distinct-values endpoint (GET /api/${slug}/distinct): list ${slug} with ?select[field]=true instead.`,
      ),
      target,
    }
  }
  return { problem: notAnId(`${slug} document`, second), target }
}

// ---------------------------------------------------------------- queries

/** How Payload parses a query string (createPayloadRequest). */
const QUERY_OPTIONS = {
  allowEmptyArrays: true,
  arrayLimit: 1000,
  depth: 10,
  ignoreQueryPrefix: true,
} as const
const MAX_PAGING = 1_000_000_000

/** A query Payload cannot run (where, sort, page, limit, or the JSON it parses from where= and data=): 400 naming it. */
/** `where=` and `data=` given as text: Payload JSON.parses them before anything else, for anyone. */
const jsonParameterProblem = (query: Record<string, unknown>): string | null => {
  for (const name of ['where', 'data']) {
    const value = query[name]
    if (typeof value !== 'string' || value.length === 0) continue
    const read = parseBoundedJson(value)
    if (!read.ok)
      return read.problem === 'too-deep'
        ? tooDeepMessage(name)
        : `${name} is not valid JSON; give it as ${name}[field][operator]=value or as a JSON object.`
    query[name] = read.value
  }
  return null
}

export const queryProblem = (
  url: URL,
  bodyWhere: unknown,
  fields: QueryFields,
  locales: readonly string[],
): string | null => {
  const query: Record<string, unknown> = parseQuery(url.search, QUERY_OPTIONS)
  const jsonProblem = jsonParameterProblem(query)
  if (jsonProblem) return jsonProblem
  for (const name of ['page', 'limit']) {
    const value = query[name]
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue
    const number = Number(value)
    if (typeof value !== 'string' || !Number.isInteger(number) || number < 0 || number > MAX_PAGING)
      return `${name} must be a whole number from 0 to ${MAX_PAGING}, not ${JSON.stringify(value)}.`
  }
  const context = {
    fields,
    locales,
    localeNamed: Boolean(url.searchParams.get('locale')),
    localeHint: `add ?locale= one of ${locales.join(', ')}, or name it in the path, as name.${locales[0] ?? 'ja'}`,
  }
  if (query.where !== undefined && query.where !== '') {
    const found = whereProblem(query.where, context)
    if (found) return found
  }
  if (bodyWhere !== undefined) {
    const found = whereProblem(bodyWhere, context)
    if (found) return found
  }
  return sortProblem(query.sort, context)
}

/** A session cookie or an Authorization header, valid or not: the caller may get as far as a query. */
const carriesCredentials = (request: Request, cookiePrefix: string): boolean =>
  request.headers.has('authorization') ||
  (request.headers.get('cookie') ?? '')
    .split(';')
    .some((cookie) => cookie.trim().startsWith(`${cookiePrefix}-token=`))

/** A parameter given twice, or a fallback locale: 400 for either, naming it. */
const parametersProblem = (params: URLSearchParams): string | null => {
  const repeated = repeatedParameterProblem(params)
  if (repeated) return repeated
  for (const name of ['fallback-locale', 'fallbackLocale'])
    for (const value of params.getAll(name)) {
      const refused = fallbackLocaleProblem(name, value)
      if (refused) return refused
    }
  return null
}

/** Wraps one of Payload's REST route handlers. */
export const guardRestRoute = <TContext>(
  handler: RouteHandler<TContext>,
  shape: Promise<ApiShape>,
): RouteHandler<TContext> => {
  return async (request, context) => {
    const effective = await effectiveRequest(request)
    if (effective instanceof Response) return effective
    const api = await shape
    const notThisMethod = wrongMethod(effective, api)
    if (notThisMethod) return notThisMethod
    // Payload refuses anonymous callers before it reads their input: they hear 401/403, not about it.
    const signedIn = carriesCredentials(request, api.cookiePrefix)
    const parameterProblem = signedIn ? parametersProblem(effective.url.searchParams) : null
    if (parameterProblem) return problem(400, parameterProblem)
    const { problem: pathRefusal, target } = resolvePath(effective.method, effective.url, api)
    if (pathRefusal) return pathRefusal
    if (target) {
      // Payload parses where= and data= text before anything, for anyone.
      const found = signedIn
        ? queryProblem(
            effective.url,
            effective.bodyWhere,
            target.versions
              ? (target.entity.versionFields ?? target.entity.fields)
              : target.entity.fields,
            api.locales,
          )
        : jsonParameterProblem(parseQuery(effective.url.search, QUERY_OPTIONS))
      if (found) return problem(400, found)
    }
    return (await bodyProblem(request, { graphql: false })) ?? handler(request, context)
  }
}

const ANSWERED_METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'])

/**
 * A route Payload has under other methods only. Payload answers 404, or reads a named route as an
 * id (GET /api/releases/publish was a 500); 405 naming the methods it takes is the truth.
 */
const wrongMethod = (effective: Effective, api: ApiShape): Response | null => {
  if (!ANSWERED_METHODS.has(effective.method)) return null
  const segments = effective.url.pathname
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
  const allowed = methodsForPath(api.endpoints, segments)
  if (allowed.length === 0 || allowed.includes(effective.method)) return null
  return problem(
    405,
    `${effective.method} is not allowed on ${effective.url.pathname}; use ${allowed.join(' or ')}.`,
    undefined,
    undefined,
    { Allow: allowed.join(', ') },
  )
}

/** Wraps Payload's GraphQL route: its body is parsed outside GraphQL's own error handling. */
export const guardGraphqlRoute =
  <TContext>(handler: RouteHandler<TContext>): RouteHandler<TContext> =>
  async (request, context) =>
    (await bodyProblem(request, { graphql: true })) ?? handler(request, context)

const PREFERENCES = 'payload-preferences'

/**
 * DELETE /api/payload-preferences/:key for a key the caller has no preference under: Payload's
 * SQLite adapter fails on deleting nothing (a 500); answer 404 instead.
 */
export const guardPreferenceDelete =
  <TContext>(
    handler: RouteHandler<TContext>,
    config: Promise<SanitizedConfig>,
  ): RouteHandler<TContext> =>
  async (request, context) => {
    const [slug, key, ...rest] = new URL(request.url).pathname.replace(/^\/api\/?/, '').split('/')
    if (slug !== PREFERENCES || !key || rest.length > 0) return handler(request, context)
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: request.headers })
    if (!user) return handler(request, context)
    const { totalDocs } = await payload.count({
      collection: PREFERENCES,
      where: {
        and: [
          { key: { equals: decoded(key) } },
          { 'user.value': { equals: user.id } },
          { 'user.relationTo': { equals: user.collection } },
        ],
      },
      overrideAccess: true,
    })
    return totalDocs === 0
      ? problem(404, `You have no preference named ${JSON.stringify(decoded(key))}.`)
      : handler(request, context)
  }
