import { jsonKind } from '../utilities/jsonKind'
import type { FieldKind, QueryField, QueryFields } from './apiShape'

/**
 * What a query (`where`, `sort`) may ask of a collection, checked before Payload runs it: Payload and
 * its SQLite adapter answer 500 to operators a field cannot take (near on text, like on a list, all on
 * SQLite), to values of the wrong shape, to a localized field named without a locale, and to queries
 * past SQLite's limits (LIKE pattern length, expression depth, bound variables). Pure: the field map
 * (apiShape.ts) is built from the config, the query comes from the URL, a method-override body or GraphQL.
 */

/** Far beyond what the admin or a client builds; well inside SQLite's limits (expression depth 1000, 32766 variables, 50 KB LIKE patterns). */
export const QUERY_LIMITS = {
  depth: 8,
  terms: 100,
  listValues: 1000,
  values: 5000,
  patternLength: 1000,
  likeWords: 20,
} as const

/** SQLite ids are numbers, MongoDB's are 24 hex digits; anything else names no document. */
export const DOCUMENT_ID = /^(\d{1,15}|[0-9a-f]{24})$/i

const SCALAR_OPERATORS = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const LIST_OPERATORS = new Set(['in', 'not_in'])
const PATTERN_OPERATORS = new Set(['like', 'not_like', 'contains'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const OPERATOR_LIST =
  'equals, not_equals, in, not_in, exists, greater_than, greater_than_equal, less_than, less_than_equal, like, not_like, contains'

// ---------------------------------------------------------------- fallback locales

/** The values by which Payload reads "no fallback". */
const NO_FALLBACK = new Set(['none', 'false', 'null', ''])

/**
 * Localization has no fallback (an untranslated field stays empty, never the Japanese text), but
 * Payload honours a caller's `fallback-locale` (REST) or `fallbackLocale` (GraphQL) anyway: refuse one
 * that names a locale.
 */
export const fallbackLocaleProblem = (name: string, value: unknown): string | null =>
  value === undefined ||
  value === null ||
  value === false ||
  (typeof value === 'string' && NO_FALLBACK.has(value))
    ? null
    : `${name} ${show(value)} is not supported: a field not translated in a locale stays empty, never another locale's text.`

/**
 * A plain parameter (no brackets) given more than once: Payload and Kaiji's endpoints would read one
 * of the values, or a list, so `?dryRun=false&dryRun=true` could write for real. Refused, named.
 */
export const repeatedParameterProblem = (params: URLSearchParams): string | null => {
  const seen = new Map<string, number>()
  for (const name of params.keys())
    if (!name.includes('[')) seen.set(name, (seen.get(name) ?? 0) + 1)
  const repeated = [...seen].filter(([, count]) => count > 1)
  return repeated.length === 0
    ? null
    : `${repeated.map(([name, count]) => `${name} is given ${count} times`).join('; ')}: give each parameter once.`
}

// ---------------------------------------------------------------- checking a query

export type QueryContext = {
  fields: QueryFields
  /** The locale codes a path may end with (`name.ja`). */
  locales: readonly string[]
  /** Whether the request names a locale; a localized field cannot be filtered or sorted by without one. */
  localeNamed: boolean
  /** How to name a locale in this API, for the message: "?locale=ja" or "locale: ja". */
  localeHint: string
  /** GraphQL spells `and`/`or` as `AND`/`OR` and paths with `__`. */
  style?: 'rest' | 'graphql'
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)
const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

const EXPECTED: Record<
  Exclude<FieldKind, 'any' | 'json' | 'text' | 'point' | 'polymorphic'>,
  string
> = {
  id: 'a document id',
  number: 'a number',
  date: 'a date (ISO 8601)',
  checkbox: 'true or false',
}

/** Whether one value can be compared with a field of this kind without the adapter failing. */
const valueFits = (kind: FieldKind, value: unknown, { inList }: { inList: boolean }): boolean => {
  if (!isScalar(value)) return false
  // No value (null, "null" or "") compares as "is empty"; inside a list the adapter turns it into NaN or nothing.
  if (value === null || value === 'null' || value === '')
    return !inList && !(kind === 'checkbox' && value === '')
  switch (kind) {
    case 'id':
      return (
        (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
        (typeof value === 'string' && DOCUMENT_ID.test(value))
      )
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      )
    case 'date':
      return (
        (typeof value === 'number' &&
          Number.isFinite(value) &&
          !Number.isNaN(new Date(value).getTime())) ||
        (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      )
    case 'checkbox':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
    default:
      return true
  }
}

type Tally = { terms: number; values: number }

/** What is wrong with one `path[operator] = value`, or null. */
const operatorProblem = (
  place: string,
  path: string,
  field: QueryField,
  operator: string,
  value: unknown,
  tally: Tally,
): string | null => {
  const { kind } = field
  // The SQL adapter has no column for the bare path (Payload answers 500 "Not supported").
  if (kind === 'polymorphic')
    return `${place}: ${path} links to documents of several collections; filter by ${path}.value (a document id) and ${path}.relationTo (a collection).`
  if (GEO_OPERATORS.has(operator)) {
    if (kind !== 'point')
      return `${place}: ${operator} works on point (geographic) fields only, and ${path} is not one.`
    if (operator === 'near') {
      const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : []
      return parts.length >= 2 &&
        parts.length <= 4 &&
        parts.every((part) => isScalar(part) && part !== '' && Number.isFinite(Number(part)))
        ? null
        : `${place}: near takes "longitude,latitude[,maxDistance[,minDistance]]", not ${show(value)}.`
    }
    return isObject(value) && typeof value.type === 'string' && Array.isArray(value.coordinates)
      ? null
      : `${place}: ${operator} takes a GeoJSON geometry ({"type", "coordinates"}), not ${show(value)}.`
  }
  if (operator === 'all')
    return `${place}: the all operator is not supported here; use in (any of the values) or several equals joined with and.`
  if (operator === 'exists') {
    return value === true || value === false || value === 'true' || value === 'false'
      ? null
      : `${place}: exists takes true or false, not ${show(value)}.`
  }
  if (LIST_OPERATORS.has(operator)) {
    if (!isScalar(value) && !Array.isArray(value))
      return `${place}: ${operator} takes a list of values ("a,b", or [0]=a&[1]=b), not ${jsonKind(value) === 'object' ? 'an object' : jsonKind(value)}.`
    const list: unknown[] =
      typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value]
    if (
      list.length === 0 ||
      (kind !== 'text' && kind !== 'any' && kind !== 'json' && list.every((item) => item === ''))
    )
      return `${place}: ${operator} needs at least one value.`
    if (list.length > QUERY_LIMITS.listValues)
      return `${place}: ${list.length} values; at most ${QUERY_LIMITS.listValues} in one list.`
    tally.values += list.length
    const nested = list.find((item) => !isScalar(item))
    if (nested !== undefined)
      return `${place}: the list holds ${jsonKind(nested) === 'object' ? 'an object' : jsonKind(nested)}; only plain values can be compared.`
    if (kind in EXPECTED) {
      const bad = list.find(
        (item) => !valueFits(kind, typeof item === 'string' ? item.trim() : item, { inList: true }),
      )
      if (bad !== undefined)
        return `${place}: ${show(bad)} is not ${EXPECTED[kind as keyof typeof EXPECTED]}.`
    }
    return null
  }
  if (PATTERN_OPERATORS.has(operator)) {
    if (kind === 'date' || kind === 'checkbox')
      return `${place}: ${operator} matches text, and ${path} is ${kind === 'date' ? 'a date (use equals, greater_than or less_than)' : 'true or false (use equals)'}.`
    if (typeof value !== 'string' && typeof value !== 'number')
      return `${place}: ${operator} takes one piece of text, not ${value === null ? 'null' : jsonKind(value) === 'object' ? 'an object' : jsonKind(value)}.`
    const text = String(value)
    if (text.length > QUERY_LIMITS.patternLength)
      return `${place}: the pattern has ${text.length} characters; at most ${QUERY_LIMITS.patternLength}.`
    if ((kind === 'id' || kind === 'number') && !valueFits(kind, text, { inList: false }))
      return `${place}: ${show(value)} is not ${EXPECTED[kind]}.`
    if (operator === 'like') {
      // Each word becomes a LIKE of its own, all of them joined with AND.
      const words = text.split(' ').length
      if (words > QUERY_LIMITS.likeWords)
        return `${place}: ${words} words; like takes at most ${QUERY_LIMITS.likeWords}.`
      tally.terms += words - 1
    }
    tally.values += 1
    return null
  }
  if (SCALAR_OPERATORS.has(operator)) {
    if (!isScalar(value))
      return `${place}: ${operator} takes one value, not ${jsonKind(value) === 'object' ? 'an object' : jsonKind(value)}${Array.isArray(value) ? ' (use in for several)' : ''}.`
    if (
      kind in EXPECTED &&
      !valueFits(kind, typeof value === 'string' ? value.trim() : value, { inList: false })
    )
      return `${place}: ${show(value)} is not ${EXPECTED[kind as keyof typeof EXPECTED]}.`
    tally.values += 1
    return null
  }
  return `${place}: unknown operator ${show(operator)}; use one of ${OPERATOR_LIST}.`
}

/** The field a path names, and whether the path itself names the locale (`name.ja`). */
const resolvePath = (
  rawPath: string,
  context: QueryContext,
): { path: string; field: QueryField; localeInPath: boolean } => {
  const path = context.style === 'graphql' ? rawPath.replace(/__/g, '.') : rawPath
  const direct = context.fields.get(path)
  if (direct) return { path, field: direct, localeInPath: false }
  const cut = path.lastIndexOf('.')
  const base = cut > 0 ? context.fields.get(path.slice(0, cut)) : undefined
  if (base?.localized && context.locales.includes(path.slice(cut + 1)))
    return { path, field: base, localeInPath: true }
  // Unknown paths are Payload's to refuse (400, "cannot be queried"); only the value's shape is checked here.
  return { path, field: { kind: 'any', localized: false }, localeInPath: false }
}

const localeProblem = (place: string, path: string, context: QueryContext) =>
  `${place}: ${path} differs by language; name the locale to ${place.startsWith('sort') ? 'sort' : 'filter'} by it (${context.localeHint}).`

/** The first problem of a `where` tree, or null when Payload can run it. */
export const whereProblem = (
  where: unknown,
  context: QueryContext,
  root = 'where',
): string | null => {
  const tally: Tally = { terms: 0, values: 0 }
  const walk = (node: unknown, at: string, level: number): string | null => {
    if (!isObject(node))
      return `${at} must be an object of conditions (${at}[field][operator]=value), not ${jsonKind(node)}.`
    for (const [key, value] of Object.entries(node)) {
      if (/^(and|or)$/i.test(key)) {
        if (level >= QUERY_LIMITS.depth)
          return `${at}[${key}]: conditions nest more than ${QUERY_LIMITS.depth} levels deep.`
        if (!Array.isArray(value))
          return `${at}[${key}] must be a list of conditions (${at}[${key}][0][field][operator]=value), not ${jsonKind(value) === 'object' ? 'an object' : jsonKind(value)}.`
        for (const [index, item] of value.entries()) {
          const problem = walk(item, `${at}[${key}][${index}]`, level + 1)
          if (problem) return problem
        }
        continue
      }
      const place = `${at}[${key}]`
      if (!isObject(value)) return `${place} needs an operator, as in ${place}[equals]=value.`
      const { path, field, localeInPath } = resolvePath(key, context)
      for (const [operator, operand] of Object.entries(value)) {
        tally.terms += 1
        const problem = operatorProblem(
          `${place}[${operator}]`,
          path,
          field,
          operator,
          operand,
          tally,
        )
        if (problem) return problem
        if (field.localized && !localeInPath && !context.localeNamed)
          return localeProblem(`${place}[${operator}]`, path, context)
        if (tally.terms > QUERY_LIMITS.terms)
          return `${root}: more than ${QUERY_LIMITS.terms} conditions; narrow the query.`
        if (tally.values > QUERY_LIMITS.values)
          return `${root}: more than ${QUERY_LIMITS.values} values in all; narrow the query.`
      }
    }
    return null
  }
  return walk(where, root, 0)
}

/** A `sort` by a localized field without a locale: Payload fails on it. Sorts that are not text Payload ignores. */
export const sortProblem = (sort: unknown, context: QueryContext): string | null => {
  const entries =
    typeof sort === 'string'
      ? sort.split(',')
      : Array.isArray(sort) && sort.every((entry) => typeof entry === 'string')
        ? (sort as string[])
        : []
  for (const entry of entries) {
    const { path, field, localeInPath } = resolvePath(entry.trim().replace(/^-/, ''), context)
    if (field.localized && !localeInPath && !context.localeNamed)
      return localeProblem('sort', path, context)
  }
  return null
}
