/** Every public URL the delivery layer answers, parsed without Express (the hot path cannot afford it). */
export type PublicRoute =
  | { kind: 'api-current'; locale: string }
  | { kind: 'api-releases'; locale: string }
  | { kind: 'api-release'; locale: string; number: number }
  | { kind: 'api-diff'; locale: string; from: number; to: number }
  | { kind: 'api-upcoming'; locale: string }
  | { kind: 'page-current'; locale: string }
  | { kind: 'page-history'; locale: string }
  | { kind: 'page-release'; locale: string; number: number }
  | { kind: 'page-upcoming'; locale: string; number: number }
  | { kind: 'page-diff'; locale: string; from: number; to: number }
  | { kind: 'feed'; locale: string }
  | { kind: 'export-json'; locale: string }
  | { kind: 'export-csv'; locale: string }
  | { kind: 'bad-number'; locale: string; value: string; api: boolean }

/** The representation a route answers with; the path alone decides it (no content negotiation). */
export type Format = 'json' | 'html' | 'atom' | 'csv'

const isApi = (route: PublicRoute): boolean =>
  route.kind.startsWith('api-') || (route.kind === 'bad-number' && route.api)

export const formatOf = (route: PublicRoute): Format => {
  if (isApi(route) || route.kind === 'export-json') return 'json'
  if (route.kind === 'feed') return 'atom'
  if (route.kind === 'export-csv') return 'csv'
  return 'html'
}

export const API_PREFIX = '/content/v1/partners/'
export const PAGE_PREFIX = '/partners/'

/** True for paths the delivery layer owns; everything else goes to the app (admin, REST, GraphQL). */
export const isPublicPath = (url: string): boolean =>
  url.startsWith(API_PREFIX) || url.startsWith(PAGE_PREFIX)

const NUMBER = /^[1-9][0-9]{0,8}$/

const numbered = (
  locale: string,
  api: boolean,
  values: Array<string | undefined>,
  build: (numbers: number[]) => PublicRoute,
): PublicRoute => {
  const bad = values.find((value) => !NUMBER.test(value ?? ''))
  return bad === undefined && !values.includes(undefined)
    ? build(values.map(Number))
    : { kind: 'bad-number', locale, value: bad ?? '', api }
}

const apiRoute = (segments: string[]): PublicRoute | null => {
  const [locale, ...rest] = segments
  if (!locale) return null
  const path = rest.join('/')
  if (path === '') return { kind: 'api-current', locale }
  if (path === 'releases') return { kind: 'api-releases', locale }
  if (path === 'upcoming') return { kind: 'api-upcoming', locale }
  if (rest[0] === 'releases' && rest.length === 2) {
    return numbered(locale, true, [rest[1]], ([number = 0]) => ({
      kind: 'api-release',
      locale,
      number,
    }))
  }
  if (rest[0] === 'releases' && rest[2] === 'diff' && rest.length === 4) {
    return numbered(locale, true, [rest[1], rest[3]], ([from = 0, to = 0]) => ({
      kind: 'api-diff',
      locale,
      from,
      to,
    }))
  }
  return null
}

const pageRoute = (segments: string[]): PublicRoute | null => {
  const [first, ...rest] = segments
  if (!first) return null
  if (rest.length === 0) {
    if (first.endsWith('.json'))
      return { kind: 'export-json', locale: first.slice(0, -'.json'.length) }
    if (first.endsWith('.csv'))
      return { kind: 'export-csv', locale: first.slice(0, -'.csv'.length) }
    return { kind: 'page-current', locale: first }
  }
  const locale = first
  const path = rest.join('/')
  if (path === 'history') return { kind: 'page-history', locale }
  if (path === 'feed.atom') return { kind: 'feed', locale }
  if (rest[0] === 'releases' && rest.length === 2) {
    return numbered(locale, false, [rest[1]], ([number = 0]) => ({
      kind: 'page-release',
      locale,
      number,
    }))
  }
  if (rest[0] === 'upcoming' && rest.length === 2) {
    return numbered(locale, false, [rest[1]], ([number = 0]) => ({
      kind: 'page-upcoming',
      locale,
      number,
    }))
  }
  if (rest[0] === 'diff' && rest.length === 3) {
    return numbered(locale, false, [rest[1], rest[2]], ([from = 0, to = 0]) => ({
      kind: 'page-diff',
      locale,
      from,
      to,
    }))
  }
  return null
}

/** Parses the path part of a request URL (the query is ignored); null when no public route matches. */
export const matchPublicRoute = (url: string): PublicRoute | null => {
  const path = (url.split('?')[0] ?? '').replace(/\/+$/, '')
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return null
  }
  if (decoded.startsWith(API_PREFIX)) return apiRoute(decoded.slice(API_PREFIX.length).split('/'))
  if (decoded.startsWith(PAGE_PREFIX))
    return pageRoute(decoded.slice(PAGE_PREFIX.length).split('/'))
  return null
}
