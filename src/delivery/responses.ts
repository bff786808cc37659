import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'

import { SOURCE_LOCALE } from '../config/locales'
import type { ReleaseSummary } from '../releases/types'
import { incomingRequestId } from '../http/requestId'
import { negotiateEncoding, type CompressedEncoding } from './contentEncoding'
import type { Format } from './publicRoutes'
import { renderErrorPage } from './render/pages/error'

/** What a public route answers, before encoding: a body and the releases it shows, a redirect, or an error. */
export type Answer =
  | {
      status: 200
      format: Format
      text: string
      /** The releases the body shows: the first one's content hash starts the ETag; Last-Modified is when the last became visible. */
      basedOn: readonly ReleaseSummary[]
      disposition: string | null
    }
  | {
      status: 301
      /** A path on this site: where what the requested URL showed lives now. */
      location: string
    }
  | {
      status: 400 | 404
      format: Format
      message: string
      locale: string | null
      extra?: Record<string, unknown>
    }

/** One encoding of a response: its bytes and the headers that go with them. */
export type Representation = {
  /** Flat [name, value, name, value…]: writeHead takes it as is, with no header map to build per request. */
  headers: string[]
  notModifiedHeaders: string[] | null
  body: Buffer
  etag: string | null
}

/**
 * A response ready to write: computed once, then served from memory until a publish or an effective
 * date. A 200 is also kept compressed with brotli and gzip; the request's Accept-Encoding picks one.
 */
export type Prepared = {
  status: number
  representations: { identity: Representation } & Partial<
    Record<CompressedEncoding, Representation>
  >
}

const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
}

/** Public pages run no script at all and load nothing from elsewhere. */
const PUBLIC_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

const flatHeaders = (headers: Record<string, string>): string[] => Object.entries(headers).flat()

const etagFor = (body: Buffer, contentHash: string | null): string => {
  const bodyHash = createHash('sha256').update(body).digest('base64url').slice(0, 22)
  return `"${contentHash ? `${contentHash.slice(0, 16)}-` : ''}${bodyHash}"`
}

/** RFC 9110 If-None-Match: a list of entity tags (weak comparison) or `*`. */
export const etagMatches = (header: string, etag: string): boolean => {
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

/** An announced release is shown from its publication; one in effect from its effective date (or publication, if later). */
const visibleSince = (release: ReleaseSummary, now: number): number => {
  const published = Date.parse(release.publishedAt)
  const effective = Date.parse(release.effectiveAt)
  return effective > now ? published : Math.max(published, effective)
}

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

const COMPRESSORS: Readonly<Record<CompressedEncoding, (body: Buffer) => Promise<Buffer>>> = {
  // Highest levels: each body is compressed once and served many times.
  br: (body) =>
    brotli(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => gzipped(body, { level: zlib.Z_BEST_COMPRESSION }),
}

/**
 * Compressed bodies by the plain body's ETag: a publish elsewhere clears the prepared responses, but a
 * page whose bytes did not change is not compressed again. Small, as the bodies are.
 */
const MAX_COMPRESSED = 4_000
const compressed = new Map<string, Promise<Record<CompressedEncoding, Buffer>>>()

const compress = (body: Buffer, etag: string): Promise<Record<CompressedEncoding, Buffer>> => {
  const hit = compressed.get(etag)
  if (hit) {
    // Least recently used goes first: a page kept across many rewrites stays compressed.
    compressed.delete(etag)
    compressed.set(etag, hit)
    return hit
  }
  if (compressed.size >= MAX_COMPRESSED) compressed.delete(compressed.keys().next().value as string)
  const done = Promise.all([COMPRESSORS.br(body), COMPRESSORS.gzip(body)]).then(([br, gz]) => ({
    br,
    gzip: gz,
  }))
  done.catch(() => compressed.delete(etag))
  compressed.set(etag, done)
  return done
}

/** Each encoding is its own representation, so it has its own strong ETag (RFC 9110 §8.8.3). */
const etagOfEncoding = (etag: string, encoding: CompressedEncoding): string =>
  `${etag.slice(0, -1)}.${encoding}"`

const okResponse = async (
  { format, text, basedOn, disposition }: Extract<Answer, { status: 200 }>,
  cacheControl: string,
  now: number,
): Promise<Prepared> => {
  const body = Buffer.from(text, 'utf8')
  const etag = etagFor(body, basedOn[0]?.contentHash ?? null)
  const lastModified = basedOn.length
    ? new Date(Math.max(...basedOn.map((release) => visibleSince(release, now)))).toUTCString()
    : null
  const representation = (bytes: Buffer, encoding: CompressedEncoding | null): Representation => {
    const tag = encoding ? etagOfEncoding(etag, encoding) : etag
    const caching: Record<string, string> = {
      ETag: tag,
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
      ...(lastModified ? { 'Last-Modified': lastModified } : {}),
      ...(format === 'json' ? { 'Access-Control-Allow-Origin': '*' } : {}),
    }
    return {
      etag: tag,
      body: bytes,
      notModifiedHeaders: flatHeaders({ ...caching, ...PUBLIC_SECURITY_HEADERS }),
      headers: flatHeaders({
        'Content-Type': CONTENT_TYPES[format],
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        'Content-Length': String(bytes.length),
        ...caching,
        ...(disposition ? { 'Content-Disposition': disposition } : {}),
        ...PUBLIC_SECURITY_HEADERS,
      }),
    }
  }
  const { br, gzip: gz } = await compress(body, etag)
  return {
    status: 200,
    representations: {
      identity: representation(body, null),
      br: representation(br, 'br'),
      gzip: representation(gz, 'gzip'),
    },
  }
}

const plain = (status: number, identity: Representation): Prepared => ({
  status,
  representations: { identity },
})

const errorResponse = ({
  status,
  format,
  message,
  locale,
  extra = {},
}: Extract<Answer, { status: 400 | 404 }>): Prepared => {
  const text =
    format === 'json' || format === 'csv'
      ? JSON.stringify({ errors: [{ message }], ...extra })
      : renderErrorPage({ status, message, locale: locale ?? SOURCE_LOCALE })
  const body = Buffer.from(text, 'utf8')
  return plain(status, {
    etag: null,
    body,
    notModifiedHeaders: null,
    headers: flatHeaders({
      'Content-Type':
        format === 'json' || format === 'csv' ? CONTENT_TYPES.json : CONTENT_TYPES.html,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      ...(format === 'json' ? { 'Access-Control-Allow-Origin': '*' } : {}),
      ...PUBLIC_SECURITY_HEADERS,
    }),
  })
}

const redirectResponse = (
  { location }: Extract<Answer, { status: 301 }>,
  cacheControl: string,
): Prepared =>
  plain(301, {
    etag: null,
    body: Buffer.alloc(0),
    notModifiedHeaders: null,
    headers: flatHeaders({
      Location: location,
      'Content-Length': '0',
      'Cache-Control': cacheControl,
      ...PUBLIC_SECURITY_HEADERS,
    }),
  })

/** An answer as bytes and headers, at `now` (for Last-Modified); only a 200 carries validators, is compressed and may be cached. */
export const encodeAnswer = async (
  answer: Answer,
  cacheControl: string,
  now: number,
): Promise<Prepared> => {
  if (answer.status === 200) return okResponse(answer, cacheControl, now)
  if (answer.status === 301) return redirectResponse(answer, cacheControl)
  return errorResponse(answer)
}

/** The representation a request gets: the encoding its Accept-Encoding prefers, among those kept. */
export const representationFor = (
  prepared: Prepared,
  acceptEncoding: string | undefined,
): Representation => {
  const encoding = negotiateEncoding(acceptEncoding)
  return (
    (encoding === 'identity' ? undefined : prepared.representations[encoding]) ??
    prepared.representations.identity
  )
}

/** Writes a prepared response in the request's encoding: 304 when its If-None-Match matches, no body for HEAD. */
export const writePrepared = (
  req: IncomingMessage,
  res: ServerResponse,
  prepared: Prepared,
): void => {
  const chosen = representationFor(prepared, req.headers['accept-encoding'])
  // The hot path adds nothing per request, except echoing the id a proxy in front gave it.
  const requestId = incomingRequestId(req)
  const withId = (headers: string[]) =>
    requestId ? [...headers, 'X-Request-Id', requestId] : headers
  const ifNoneMatch = req.headers['if-none-match']
  if (
    chosen.etag &&
    chosen.notModifiedHeaders &&
    ifNoneMatch &&
    etagMatches(ifNoneMatch, chosen.etag)
  ) {
    res.writeHead(304, withId(chosen.notModifiedHeaders))
    res.end()
    return
  }
  res.writeHead(prepared.status, withId(chosen.headers))
  res.end(req.method === 'HEAD' ? undefined : chosen.body)
}

export const writeMethodNotAllowed = (req: IncomingMessage, res: ServerResponse): void => {
  res.writeHead(405, {
    Allow: 'GET, HEAD',
    'Content-Type': CONTENT_TYPES.json,
    ...PUBLIC_SECURITY_HEADERS,
  })
  res.end(
    JSON.stringify({
      errors: [{ message: `${req.method} is not allowed here; the public content is read-only.` }],
    }),
  )
}

/** When the releases could not be read: a 500 that is never cached, or a cut connection once headers went out. */
export const writeReadFailure = (res: ServerResponse): void => {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(500, {
    'Content-Type': CONTENT_TYPES.json,
    'Cache-Control': 'no-store',
    ...PUBLIC_SECURITY_HEADERS,
  })
  res.end(
    JSON.stringify({
      errors: [{ message: 'The content could not be read; try again shortly.' }],
    }),
  )
}
