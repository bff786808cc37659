import fc from 'fast-check'

import { changedTables, databaseSnapshotter } from '../helpers/databaseSnapshot'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { sendRaw } from '../helpers/rawRequest'
import { TEST_PASSWORD } from '@support/testUsers.mjs'

/**
 * Property-based fuzz run over every write endpoint of the real server (issue 6.3): bodies that are
 * malformed text, arbitrary JSON, the endpoint's own fields with wrong, huge or odd values, fuzzed
 * Lexical trees, odd locales, invalid dates, NUL bytes and prototype-pollution keys, sent as the role
 * that may write and sometimes anonymously; some of them chunked (no Content-Length), past the 2 MB
 * limit, nested past 128 levels (as JSON and as text/plain) or as multipart with a `_payload` part
 * (issue 14.6). And every query route (issue 14.6): `where` trees of operator × value kind (scalars,
 * numbers, dates, lists, objects, GeoJSON, long LIKE patterns, many words) over real and unknown paths,
 * nested in and/or, with or without a locale, sort, page and limit; the same as a POST with Payload's
 * GET method override (form or JSON, a JSON locale carrying parameters); GraphQL where, sort, Access and
 * docAccess; versions routes of collections that keep none; distinct; server actions without a
 * session. Fixed seed, so every run sends the same requests.
 *
 * For every request: no 5xx (nor a GraphQL error with statusCode ≥ 500), /healthz still 200; a 4xx names
 * its problem and leaves every table of the database byte-identical; a 2xx is wholly visible on read.
 */

const SEED = 20_260_606
const own = useIsolatedServer('fuzz')

type Problem = {
  errors?: Array<{ message?: unknown; extensions?: { statusCode?: number } }>
  data?: Record<string, unknown> | null
}
type Who = TestUserName | 'fuzzUser' | null

// ---------------------------------------------------------------- the database, read directly

let database: ReturnType<typeof databaseSnapshotter>
const snapshot = () => database.snapshot()

// ---------------------------------------------------------------- generators

const hugeString = fc
  .constantFrom(299, 301, 2_001, 10_001, 100_000)
  .chain((length) => fc.constantFrom('x', '長', '💥', '\u0000').map((unit) => unit.repeat(length)))
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202e',
    '<script>alert(1)</script>',
    "'; DROP TABLE users; --",
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '%00',
    '${7*7}',
    'NaN',
    'null',
    'ja',
    'all',
  ),
  hugeString,
)
const oddDate = fc.oneof(
  fc.constantFrom(
    '2026-02-30T00:00:00Z',
    '2026-13-01',
    'not a date',
    '',
    '0000-00-00T00:00:00Z',
    '+275760-09-13T00:00:00.001Z',
    '1970-01-01',
    '2026-01-01T25:61:61Z',
    'Invalid Date',
    '9'.repeat(40),
  ),
  fc
    .date({ noInvalidDate: false })
    .map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())),
)
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, -0),
)
const oddScalar = fc.oneof(oddString, oddNumber, fc.boolean(), fc.constant(null), oddDate)
const oddUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example',
    'http://user:pw@x.example',
    '',
    'ftp://x',
  ),
  oddString,
)

/** Lexical-like trees: real node types and bogus ones, with odd versions, formats, texts and links. */
const lexicalNode: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        type: fc.constantFrom(
          'text',
          'linebreak',
          'tab',
          'horizontalrule',
          'upload',
          'relationship',
          'block',
          '',
          'TEXT',
        ),
        version: fc.oneof(fc.constant(1), oddScalar),
        text: oddString,
        format: fc.oneof(fc.integer(), fc.constantFrom('', 'left', 'center', 'bold'), oddScalar),
        style: fc.oneof(fc.constant(''), oddScalar),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constantFrom(
          'paragraph',
          'heading',
          'quote',
          'list',
          'listitem',
          'link',
          'autolink',
          'table',
          'root',
        ),
        version: fc.oneof(fc.constant(1), oddScalar),
        tag: fc.constantFrom('h1', 'h7', 'ul', 'ol', 'script', 1),
        listType: fc.constantFrom('bullet', 'number', 'check', 'zigzag'),
        direction: fc.constantFrom('ltr', 'rtl', null, 'up'),
        format: fc.oneof(fc.constantFrom('', 'left', 'justify', 'diagonal'), fc.integer()),
        fields: fc.record({
          url: oddUrl,
          linkType: fc.constantFrom('custom', 'internal', 'x'),
          newTab: fc.boolean(),
        }),
        children: fc.oneof(fc.array(tie('node'), { maxLength: 3 }), oddScalar),
      },
      { requiredKeys: ['type'] },
    ),
    oddScalar,
  ),
})).node
const lexicalTree = fc.oneof(
  fc.record({
    root: fc.record({
      type: fc.constantFrom('root', 'paragraph'),
      version: fc.constant(1),
      direction: fc.constant(null),
      format: fc.constant(''),
      indent: fc.constant(0),
      children: fc.array(lexicalNode, { maxLength: 4 }),
    }),
  }),
  fc.record({ root: lexicalNode }),
  oddScalar,
)
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddScalar },
  { weight: 1, arbitrary: lexicalTree },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(oddScalar, { maxLength: 4 }) },
)

/** An object with the endpoint's real field names (and some plausible values), wrong-typed or odd. */
const shaped = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(
    Object.fromEntries(
      Object.entries(fields).map(([name, plausible]) => [
        name,
        fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: oddValue }),
      ]),
    ),
    { requiredKeys: [] },
  )

const MALFORMED = [
  '{',
  '{"name": "x"',
  '[',
  '{"a":1}}',
  "{'a':1}",
  'undefined',
  'NaN',
  '{"a":1,}',
  '\uFEFF{"name":"x"}',
  '{"name":"\\ud800"}',
  '{"name":"\u0000"}',
  '',
  ' ',
  'null',
  'true',
  '0',
  '"x"',
  `{"name":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  '{"__proto__":{"role":"admin","isAdmin":true},"name":"p"}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"name":"a","name":5}',
]
const malformed = fc.oneof(
  fc.constantFrom(...MALFORMED),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
)
/** Prototype-pollution keys put into the JSON text itself (JSON.stringify would drop a real __proto__). */
const withPollution = (body: fc.Arbitrary<unknown>) =>
  fc
    .tuple(body, fc.constantFrom('__proto__', 'constructor', 'prototype'), oddValue)
    .map(([value, key, extra]) => {
      const text = JSON.stringify(value) ?? 'null'
      return text.startsWith('{')
        ? `{${JSON.stringify(key)}:${JSON.stringify(extra) ?? 'null'}${text === '{}' ? '' : ','}${text.slice(1)}`
        : text
    })

/**
 * A request body and how it travels: `headers` (a method override, a server action), `chunked` (no
 * Content-Length), `oversize` (that many bytes, streamed chunked: past the 2 MB limit).
 */
type Body = {
  text: string | undefined
  json: unknown
  contentType: string | undefined
  headers?: Record<string, string>
  chunked?: boolean
  oversize?: number
}
const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'APPLICATION/JSON',
]

/** A value nested `depth` deep, as text (JSON.stringify of it would overflow the stack). */
const nestedText = (depth: number, open: '[' | '{') =>
  open === '['
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
/** The endpoint's body with one key (a real one, often) holding a value nested past the limit, as JSON or as text/plain. */
const deeplyNested = (shape: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc
    .tuple(
      shape,
      fc.constantFrom(
        'locale',
        'action',
        'name',
        'summary',
        'toRelease',
        'value',
        'where',
        'data',
        'query',
        'variables',
      ),
      fc.constantFrom(129, 1_000, 200_000),
      fc.constantFrom<'[' | '{'>('[', '{'),
      fc.constantFrom('application/json', 'text/plain'),
    )
    .map(([json, key, depth, open, contentType]) => {
      const base = JSON.stringify(json) ?? 'null'
      const nested = nestedText(depth, open)
      return {
        text: base.startsWith('{')
          ? `{${JSON.stringify(key)}:${nested}${base === '{}' ? '' : ','}${base.slice(1)}`
          : nested,
        json: undefined,
        contentType,
      }
    })

/** multipart/form-data with a `_payload` part (the endpoint's shape, malformed, a list, nested too deep), well formed or broken. */
const multipartBodies = (shape: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc
    .tuple(
      fc.oneof(
        {
          weight: 3,
          arbitrary: shape.map((json) => ({ payload: JSON.stringify(json) ?? 'null', json })),
        },
        {
          weight: 2,
          arbitrary: malformed.map((payload) => ({ payload, json: undefined as unknown })),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(129, 5_000).map((depth) => ({
            payload: `{"name":${nestedText(depth, '[')}}`,
            json: undefined as unknown,
          })),
        },
      ),
      fc.constantFrom(
        'ok',
        'ok',
        'file',
        'no payload',
        'truncated',
        'no boundary',
        'other boundary',
      ),
      fc.nat(),
    )
    .map(([{ payload, json }, form, cut]): Body => {
      const part = (name: string, value: string, filename?: string) =>
        `--B\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${value}\r\n`
      const whole = `${form === 'no payload' ? part('name', 'x') : part('_payload', payload)}${form === 'file' ? part('file', 'hello', 'a.txt') : ''}--B--\r\n`
      const text = form === 'truncated' ? whole.slice(0, cut % whole.length) : whole
      const contentType =
        form === 'no boundary'
          ? 'multipart/form-data'
          : form === 'other boundary'
            ? 'multipart/form-data; boundary=C'
            : 'multipart/form-data; boundary=B'
      return { text, json: form === 'ok' ? json : undefined, contentType }
    })

/** Mostly JSON (of the endpoint's shape, or any JSON), sometimes malformed text, an odd content type or no body; chunked, oversized, nested too deep or multipart now and then. */
const bodies = (shape: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: shape.map((json) => ({
        text: JSON.stringify(json),
        json,
        contentType: 'application/json',
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .jsonValue({ maxDepth: 3 })
        .map((json) => ({ text: JSON.stringify(json), json, contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: withPollution(shape).map((text) => ({
        text,
        json: undefined,
        contentType: 'application/json',
      })),
    },
    {
      weight: 2,
      arbitrary: malformed.map((text) => ({
        text,
        json: undefined,
        contentType: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(
            malformed,
            shape.map((json) => JSON.stringify(json)),
          ),
          fc.constantFrom(...CONTENT_TYPES),
        )
        .map(([text, contentType]) => ({ text, json: undefined, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ text: undefined, json: undefined, contentType: undefined }),
    },
    {
      weight: 2,
      arbitrary: shape.map((json) => ({
        text: JSON.stringify(json),
        json,
        contentType: 'application/json',
        chunked: true,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 2 * 1024 * 1024 + 1, max: 3 * 1024 * 1024 }).map((oversize) => ({
        text: undefined,
        json: undefined,
        contentType: 'application/json',
        oversize,
      })),
    },
    { weight: 2, arbitrary: deeplyNested(shape) },
    { weight: 1, arbitrary: multipartBodies(shape) },
  )

const LOCALES = ['ja', 'en', 'fr', 'ru']
const oddLocale = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LOCALES) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'xx',
        'all',
        'JA',
        'ja,en',
        '*',
        '',
        '__proto__',
        'ja\u0000',
        'en-US',
        '🦄',
        'constructor',
        'toString',
      )
      .map(encodeURIComponent),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'ja&locale=en',
      'ja&fallback-locale=xx',
      'en&draft=true',
      'ja&depth=999',
      'ja&where[id][equals]=1',
    ),
  },
)
const oddId = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '99999999',
  '9'.repeat(30),
  'abc',
  '%00',
  'null',
  '%F0%9F%A6%84',
  '1e3',
  '%20',
  'NaN',
  '__proto__',
)
/** Never a plain number: a where clause must not reach the test users or the seeded content. */
const encodable = (value: string) => {
  try {
    encodeURIComponent(value)
    return true
  } catch {
    return false
  }
}
const oddKey = oddString
  .map((value) => value.slice(0, 64))
  .filter((value) => encodable(value) && !/^\s*[-+]?\d/.test(value) && value.trim() !== '')

// ---------------------------------------------------------------- the write endpoints

const asText = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '')

const GRAPHQL_MUTATIONS: Record<string, string> = {
  createPartnerCategory:
    'mutation($data: mutationPartnerCategoryInput!, $locale: LocaleInputType) { createPartnerCategory(data: $data, locale: $locale) { id } }',
  updatePartnerCategory:
    'mutation($id: Int!, $data: mutationPartnerCategoryUpdateInput!, $locale: LocaleInputType) { updatePartnerCategory(id: $id, data: $data, locale: $locale) { id } }',
  deletePartnerCategory: 'mutation($id: Int!) { deletePartnerCategory(id: $id) { id } }',
  updatePartnersPage:
    'mutation($data: mutationPartnersPageInput!, $locale: LocaleInputType) { updatePartnersPage(data: $data, locale: $locale) { title } }',
  restoreVersionPartnerCategory:
    'mutation($id: Int!) { restoreVersionPartnerCategory(id: $id) { id } }',
  createUser: 'mutation($data: mutationUserInput!) { createUser(data: $data) { id } }',
  updateUser:
    'mutation($id: Int!, $data: mutationUserUpdateInput!) { updateUser(id: $id, data: $data) { id } }',
  createWebhookEndpoint:
    'mutation($data: mutationWebhookEndpointInput!) { createWebhookEndpoint(data: $data) { id } }',
  loginUser:
    'mutation($email: String!, $password: String) { loginUser(email: $email, password: $password) { token } }',
  forgotPasswordUser: 'mutation($email: String!) { forgotPasswordUser(email: $email) }',
  resetPasswordUser:
    'mutation($token: String, $password: String) { resetPasswordUser(token: $token, password: $password) { token } }',
  unlockUser: 'mutation($email: String!) { unlockUser(email: $email) }',
}

type Fixture = { categoryId: number; webhookId: number; fuzzUserId: number; xliff: string }
type Case = { path: string; body: Body; who: Who }
type Endpoint = {
  name: string
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The role that may write here (so validation, not access, is what answers); sometimes anonymous instead. */
  who: Who | readonly Who[]
  path: (fixture: Fixture) => fc.Arbitrary<string>
  body?: fc.Arbitrary<Body>
  runs?: number
  /** For an accepted write: that it is wholly visible. */
  accepted?: (
    fixture: Fixture,
    sent: Case,
    response: { status: number; body: unknown },
  ) => Promise<void>
}

const constant = (value: string) => () => fc.constant(value)
const withLocale = (base: (fixture: Fixture) => string) => (fixture: Fixture) =>
  oddLocale.map((locale) => `${base(fixture)}?locale=${locale}`)
const noBody = fc.constant<Body>({ text: undefined, json: undefined, contentType: undefined })

const plainText = fc.string({ minLength: 1, maxLength: 20 })
const categoryFields = {
  key: fc.constantFrom('fuzz-new', 'maps', 'Not A Key', ''),
  icon: fc.constantFrom('🗺️', ''),
  order: fc.integer({ min: 1, max: 100 }),
  retired: fc.boolean(),
  name: plainText,
  description: lexicalTree,
  dataUsageNote: lexicalTree,
  revision: fc.integer({ min: 0, max: 3 }),
  reviewState: fc.constant('approved'),
  imported: fc.record({ by: plainText, at: oddDate }),
  id: fc.integer(),
  createdAt: oddDate,
}
const pageFields = {
  title: plainText,
  intro: lexicalTree,
  notNamedNote: lexicalTree,
  columnLabels: fc.record(
    { type: plainText, description: plainText, dataUsageNote: plainText },
    { requiredKeys: [] },
  ),
  authoritativeLanguageNote: plainText,
  revision: fc.integer({ min: 0, max: 3 }),
  imported: fc.record({ by: plainText }),
}
const CONTENT_KEYS = [
  'key',
  'icon',
  'order',
  'retired',
  'name',
  'description',
  'dataUsageNote',
  'title',
  'intro',
  'notNamedNote',
  'authoritativeLanguageNote',
]

const requestedLocale = (path: string) => {
  const locale = new URL(path, 'http://x').searchParams.get('locale')
  return locale && LOCALES.includes(locale) ? locale : 'ja'
}

/** An accepted content write: every content field it sent is stored exactly as sent, in the locale it named. */
const contentIsVisible =
  (read: (fixture: Fixture, sent: Case, response: unknown) => string) =>
  async (fixture: Fixture, sent: Case, response: { body: unknown }) => {
    const sentObject = sent.body.json
    if (!sentObject || typeof sentObject !== 'object' || Array.isArray(sentObject)) return
    const stored = (
      await own.api.request<Record<string, unknown>>(
        `${read(fixture, sent, response.body)}?locale=${requestedLocale(sent.path)}&depth=0`,
        { token: await own.api.login('admin') },
      )
    ).body
    for (const [key, value] of Object.entries(sentObject)) {
      if (CONTENT_KEYS.includes(key) && value !== undefined)
        expect({ key, value: stored[key] }).toEqual({ key, value })
    }
  }
const docId = (body: unknown) => String((body as { doc?: { id?: number } }).doc?.id)

const restCollection = (
  slug: string,
  who: Who,
  fields: Record<string, fc.Arbitrary<unknown>>,
  target: (fixture: Fixture) => string,
  runs = 8,
): Endpoint[] => [
  {
    name: `POST /api/${slug}`,
    method: 'POST',
    who,
    path: withLocale(() => `/api/${slug}`),
    body: bodies(shaped(fields)),
    runs,
  },
  {
    name: `PATCH /api/${slug}/:id`,
    method: 'PATCH',
    who,
    path: (fixture) =>
      fc
        .tuple(fc.oneof(fc.constant(target(fixture)), oddId), oddLocale)
        .map(([id, locale]) => `/api/${slug}/${id}?locale=${locale}`),
    body: bodies(shaped(fields)),
    runs,
  },
  {
    name: `PATCH /api/${slug}?where=`,
    method: 'PATCH',
    who,
    path: () =>
      oddKey.map((value) => `/api/${slug}?where[id][equals]=${encodeURIComponent(value)}`),
    body: bodies(shaped(fields)),
    runs,
  },
  {
    name: `DELETE /api/${slug}/:id`,
    method: 'DELETE',
    who,
    path: () => oddId.map((id) => `/api/${slug}/${id}`),
    body: noBody,
    runs,
  },
  {
    name: `DELETE /api/${slug}?where=`,
    method: 'DELETE',
    who,
    path: () =>
      fc
        .tuple(
          fc.constantFrom('id', 'createdAt', 'nope', '__proto__'),
          fc.constantFrom('equals', 'in', 'bogus'),
          oddKey,
        )
        .map(
          ([field, op, value]) =>
            `/api/${slug}?where[${field}][${op}]=${encodeURIComponent(value)}`,
        ),
    body: noBody,
    runs,
  },
]

const ENDPOINTS: Endpoint[] = [
  // Content: the collection and the page, the review workflow, releases, translations.
  {
    name: 'POST /api/partner-categories',
    method: 'POST',
    who: 'editor',
    path: withLocale(() => '/api/partner-categories'),
    body: bodies(shaped(categoryFields)),
    runs: 40,
    accepted: contentIsVisible((_fixture, _sent, body) => `/api/partner-categories/${docId(body)}`),
  },
  {
    name: 'PATCH /api/partner-categories/:id',
    method: 'PATCH',
    who: ['editor', 'translatorEn'],
    path: withLocale((fixture) => `/api/partner-categories/${fixture.categoryId}`),
    body: bodies(shaped(categoryFields)),
    runs: 35,
    accepted: contentIsVisible((fixture) => `/api/partner-categories/${fixture.categoryId}`),
  },
  {
    name: 'PATCH /api/partner-categories?where=',
    method: 'PATCH',
    who: 'editor',
    path: (fixture) =>
      oddLocale.map(
        (locale) =>
          `/api/partner-categories?where[id][equals]=${fixture.categoryId}&locale=${locale}`,
      ),
    body: bodies(shaped(categoryFields)),
    runs: 25,
    accepted: contentIsVisible((fixture) => `/api/partner-categories/${fixture.categoryId}`),
  },
  {
    name: 'POST /api/partner-categories/:id/duplicate',
    method: 'POST',
    who: 'editor',
    path: withLocale((fixture) => `/api/partner-categories/${fixture.categoryId}/duplicate`),
    body: bodies(shaped(categoryFields)),
    runs: 15,
  },
  {
    name: 'POST /api/partner-categories/versions/:id (restore)',
    method: 'POST',
    who: 'editor',
    path: () => oddId.map((id) => `/api/partner-categories/versions/${id}`),
    body: bodies(shaped(categoryFields)),
    runs: 10,
  },
  {
    name: 'POST /api/partner-categories/access/:id',
    method: 'POST',
    who: 'editor',
    path: (fixture) =>
      fc
        .oneof(fc.constant(String(fixture.categoryId)), oddId)
        .map((id) => `/api/partner-categories/access/${id}`),
    body: bodies(shaped(categoryFields)),
    runs: 10,
  },
  {
    name: 'DELETE /api/partner-categories/:id',
    method: 'DELETE',
    who: 'admin',
    path: () => oddId.map((id) => `/api/partner-categories/${id}`),
    body: noBody,
    runs: 10,
  },
  {
    name: 'DELETE /api/partner-categories?where=',
    method: 'DELETE',
    who: 'admin',
    path: () =>
      oddKey.map(
        (value) => `/api/partner-categories?where[key][equals]=${encodeURIComponent(value)}`,
      ),
    body: noBody,
    runs: 10,
  },
  {
    name: 'POST /api/globals/partners-page',
    method: 'POST',
    who: ['editor', 'translatorEn'],
    path: withLocale(() => '/api/globals/partners-page'),
    body: bodies(shaped(pageFields)),
    runs: 35,
    accepted: contentIsVisible(() => '/api/globals/partners-page'),
  },
  {
    name: 'POST /api/globals/partners-page/versions/:id (restore)',
    method: 'POST',
    who: 'editor',
    path: () => oddId.map((id) => `/api/globals/partners-page/versions/${id}`),
    body: bodies(shaped(pageFields)),
    runs: 10,
  },
  ...(['/api/partner-categories/:id/workflow', '/api/globals/partners-page/workflow'] as const).map(
    (route): Endpoint => ({
      name: `POST ${route}`,
      method: 'POST',
      who: ['editor', 'reviewer'],
      path: (fixture) => fc.constant(route.replace(':id', String(fixture.categoryId))),
      body: bodies(
        shaped({
          action: fc.constantFrom(
            'submit',
            'approve',
            'request-changes',
            'confirm-source',
            'publish',
            'delete',
          ),
          locale: fc.constantFrom(...LOCALES),
          reason: plainText,
        }),
      ),
      runs: 30,
      accepted: async (_fixture, sent, response) => {
        const { state, locale } = response.body as { state: string; locale: string }
        const read = await own.api.request<{ state: string; history: Array<{ to: string }> }>(
          `${sent.path}?locale=${locale}`,
          { token: await own.api.login('admin') },
        )
        expect([read.body.state, read.body.history[0]?.to]).toEqual([state, state])
      },
    }),
  ),
  ...(['publish', 'rollback'] as const).map((action): Endpoint => ({
    name: `POST /api/releases/${action}`,
    method: 'POST',
    who: 'reviewer',
    path: constant(`/api/releases/${action}`),
    body: bodies(
      shaped({
        locale: fc.constantFrom(...LOCALES),
        summary: plainText,
        changeType: fc.constantFrom('editorial', 'material', 'x'),
        effectiveAt: oddDate,
        urgencyReason: plainText,
        toRelease: fc.integer({ min: 1, max: 3 }),
        reason: plainText,
      }),
    ),
    runs: 30,
    accepted: async (_fixture, _sent, response) => {
      const { release } = response.body as { release: { number: number; contentHash: string } }
      const read = await own.api.request<{ docs: Array<{ number: number; contentHash: string }> }>(
        '/api/releases?sort=-id&limit=1&depth=0',
        { token: await own.api.login('admin') },
      )
      expect(read.body.docs[0]).toMatchObject({
        number: release.number,
        contentHash: release.contentHash,
      })
    },
  })),
  {
    name: 'POST /api/translations/xliff',
    method: 'POST',
    who: ['translatorEn', 'editor'],
    path: constant('/api/translations/xliff'),
    // A real export, mutated: its targets replaced by odd text, its tags cut, its language swapped.
    body: (() => {
      const mutate = fc.tuple(
        fc.constantFrom('target', 'cut', 'lang', 'entity', 'junk'),
        oddString,
        fc.nat(),
      )
      return fc
        .tuple(
          mutate,
          fc.constantFrom(
            'application/xliff+xml',
            'application/xml',
            'text/plain',
            'application/json',
          ),
        )
        .map(([[how, text, at], contentType]) => ({ how, text, at, contentType }))
    })().map(({ how, text, at, contentType }): Body => ({
      text: `xliff:${how}:${at}:${text}`,
      json: undefined,
      contentType,
    })),
    runs: 25,
  },
  // Publishing config and the system collections nobody writes through the API.
  ...restCollection(
    'webhook-endpoints',
    'admin',
    {
      name: plainText,
      url: oddUrl,
      secret: oddString,
      events: fc.array(fc.constantFrom('release.published', 'release.effective', 'x')),
      forLocales: fc.array(fc.constantFrom('ja', 'xx')),
      active: fc.boolean(),
    },
    (fixture) => String(fixture.webhookId),
  ),
  ...restCollection(
    'users',
    'admin',
    {
      email: fc.oneof(fc.emailAddress(), oddString),
      password: oddString,
      name: plainText,
      role: fc.constantFrom('admin', 'translator', 'legal-editor', 'root'),
      assignedLocales: fc.array(fc.constantFrom('en', 'ja', 'xx')),
      loginAttempts: oddNumber,
      lockUntil: oddDate,
    },
    (fixture) => String(fixture.fuzzUserId),
  ),
  {
    name: 'PATCH /api/users/:id (self)',
    method: 'PATCH',
    who: 'fuzzUser',
    path: (fixture) => fc.constant(`/api/users/${fixture.fuzzUserId}`),
    body: bodies(
      shaped({
        name: plainText,
        role: fc.constantFrom('admin', 'translator'),
        assignedLocales: fc.array(fc.constantFrom('en', 'fr')),
        email: oddString,
      }),
    ),
    runs: 15,
  },
  ...restCollection(
    'releases',
    'admin',
    {
      title: plainText,
      locale: fc.constantFrom(...LOCALES),
      number: oddNumber,
      content: fc.jsonValue(),
      effectiveAt: oddDate,
    },
    () => '1',
    5,
  ),
  ...restCollection(
    'workflow-states',
    'admin',
    { key: plainText, state: fc.constantFrom('draft', 'approved'), approvedHash: plainText },
    () => '1',
    5,
  ),
  ...restCollection(
    'audit-events',
    'admin',
    { at: oddDate, action: plainText, hash: plainText, previousHash: plainText },
    () => '1',
    5,
  ),
  ...restCollection(
    'outbox-messages',
    'admin',
    { key: plainText, status: fc.constantFrom('delivered'), attempts: oddNumber },
    () => '1',
    5,
  ),
  ...restCollection(
    'payload-locked-documents',
    'editor',
    {
      globalSlug: plainText,
      document: fc.record({
        relationTo: fc.constantFrom('partner-categories', 'x'),
        value: oddNumber,
      }),
    },
    () => '1',
    5,
  ),
  ...restCollection(
    'payload-preferences',
    'editor',
    { key: plainText, value: fc.jsonValue() },
    () => '1',
    5,
  ),
  {
    name: 'POST /api/payload-preferences/:key',
    method: 'POST',
    who: 'editor',
    path: () => oddKey.map((key) => `/api/payload-preferences/${encodeURIComponent(key)}`),
    body: bodies(shaped({ value: fc.jsonValue() })),
    runs: 10,
  },
  {
    name: 'DELETE /api/payload-preferences/:key',
    method: 'DELETE',
    who: 'editor',
    path: () => oddKey.map((key) => `/api/payload-preferences/${encodeURIComponent(key)}`),
    body: noBody,
    runs: 5,
  },
  // Auth: logins name no real account but the fuzz's own (its lockout is its own business).
  ...(
    [
      [
        'login',
        null,
        {
          email: fc.oneof(fc.emailAddress(), fc.constant('fuzz-login@kaiji.test'), oddString),
          password: oddString,
        },
      ],
      ['forgot-password', null, { email: fc.oneof(fc.emailAddress(), oddString) }],
      ['reset-password', null, { token: oddString, password: oddString }],
      [
        'unlock',
        'admin',
        { email: fc.oneof(fc.emailAddress(), fc.constant('fuzz-login@kaiji.test'), oddString) },
      ],
      ['refresh-token', null, {}],
      ['logout', null, {}],
      [
        'first-register',
        null,
        { email: fc.emailAddress(), password: oddString, role: fc.constantFrom('admin') },
      ],
    ] as const
  ).map(([route, who, fields]): Endpoint => ({
    name: `POST /api/users/${route}`,
    method: 'POST',
    who,
    path: constant(`/api/users/${route}`),
    body: bodies(shaped(fields)),
    runs: 15,
  })),
  {
    name: 'POST /api/users/verify/:token',
    method: 'POST',
    who: null,
    path: () => oddKey.map((token) => `/api/users/verify/${encodeURIComponent(token)}`),
    body: noBody,
    runs: 5,
  },
  // GraphQL: each write mutation with fuzzed variables, plus malformed bodies.
  {
    name: 'POST /api/graphql (mutations)',
    method: 'POST',
    who: ['editor', 'admin'],
    path: constant('/api/graphql'),
    body: fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...Object.keys(GRAPHQL_MUTATIONS)),
            shaped({ ...categoryFields, ...pageFields }),
            fc.oneof(fc.constantFrom(...LOCALES), oddString),
          )
          .map(([name, data, locale]) => {
            const json = {
              query: GRAPHQL_MUTATIONS[name],
              variables: {
                data,
                id: /^(update|create)/.test(name)
                  ? name === 'updateUser'
                    ? fixture.fuzzUserId
                    : fixture.categoryId
                  : 999_999,
                locale,
                email: data.name ?? 'x@y.z',
                password: asText(data.title),
                token: asText(data.key),
              },
            }
            return { text: JSON.stringify(json), json, contentType: 'application/json' }
          }),
      },
      {
        weight: 2,
        arbitrary: bodies(
          shaped({
            query: fc.oneof(fc.constantFrom(...Object.values(GRAPHQL_MUTATIONS)), oddString),
            variables: oddValue,
            operationName: oddString,
          }),
        ),
      },
    ),
    runs: 40,
  },
]

// ---------------------------------------------------------------- queries: operator × value kind, as a GET, a method override, GraphQL

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
  'bogus',
  'Equals',
]
/** The paths each query target knows, and some it does not. */
const QUERY_FIELDS: Record<string, readonly string[]> = {
  'partner-categories': [
    'id',
    'key',
    'name',
    'order',
    'retired',
    'createdAt',
    'description',
    'imported.by',
    'imported.at',
    'name.ja',
    'name.xx',
    'revision',
  ],
  'partner-categories/versions': [
    'id',
    'parent',
    'latest',
    'autosave',
    'createdAt',
    'version.name',
    'version.key',
    'version.order',
    'version.retired',
  ],
  'globals/partners-page/versions': [
    'id',
    'parent',
    'latest',
    'createdAt',
    'version.title',
    'version.columnLabels.type',
    'version.intro',
  ],
  users: [
    'id',
    'email',
    'role',
    'name',
    'assignedLocales',
    'createdAt',
    'loginAttempts',
    'lockUntil',
  ],
  releases: ['id', 'locale', 'number', 'effectiveAt', 'content', 'summary', 'approvers'],
  'workflow-states': ['key', 'state', 'approvedContent', 'approvedAt', 'editedSinceApproval'],
  'audit-events': ['at', 'action', 'subject', 'locale', 'hash'],
  'outbox-messages': ['endpoint', 'releaseNumber', 'status', 'content', 'attempts'],
  'outbox-attempts': ['message', 'attempt', 'outcome', 'error', 'startedAt'],
  'webhook-endpoints': ['name', 'url', 'active', 'events', 'forLocales'],
  'payload-preferences': ['key', 'user', 'user.value', 'user.relationTo', 'value'],
  'payload-locked-documents': ['document', 'document.value', 'globalSlug', 'user', 'createdAt'],
}
const ODD_FIELDS = ['nope', '__proto__', 'or', 'AND', 'name.', '']

type Term = { prefix: string; field: string; operator: string; value: QueryValue }
/** One value kind: how it reads in a query string (after `where[…][op]`) and as JSON. */
type QueryValue = { query: (key: string) => string; json: unknown }
const scalar = (value: string): QueryValue => ({
  query: () => `=${encodeURIComponent(value)}`,
  json: value,
})
const queryValues: fc.Arbitrary<QueryValue> = fc.oneof(
  oddString.filter(encodable).map((value) => scalar(value.slice(0, 200))),
  fc
    .oneof(fc.integer(), fc.double())
    .map((value) => ({ query: () => `=${encodeURIComponent(String(value))}`, json: value })),
  oddDate.filter(encodable).map(scalar),
  fc
    .constantFrom(
      '',
      'null',
      'true',
      'false',
      '1,2',
      '1,abc',
      '1,2,3,4',
      ',,',
      '12',
      '65f0c0ffee0123456789abcd',
    )
    .map(scalar),
  fc.array(fc.oneof(fc.constantFrom('1', 'maps', ''), oddKey), { maxLength: 4 }).map((items) => ({
    query: (key: string) =>
      items.length
        ? items
            .map((item, index) => `${index ? `&${key}` : ''}[${index}]=${encodeURIComponent(item)}`)
            .join('')
        : '[]=',
    json: items,
  })),
  fc.constantFrom<QueryValue>(
    { query: () => '[a]=b', json: { a: 'b' } },
    { query: () => '[a][b][c]=d', json: { a: { b: { c: 'd' } } } },
    {
      query: (key) => `[type]=Point&${key}[coordinates][0]=1&${key}[coordinates][1]=2`,
      json: { type: 'Point', coordinates: [1, 2] },
    },
    { query: (key) => `[0][0]=1&${key}[0][1]=2`, json: [[1, 2]] },
  ),
  fc
    .constantFrom('a%_', 'a ', '%', '長')
    .chain((unit) => fc.constantFrom(30, 400, 1_200).map((count) => scalar(unit.repeat(count)))),
)
const terms = (target: string) =>
  fc.array(
    fc.record({
      prefix: fc.constantFrom(
        '',
        '',
        '[or][0]',
        '[and][1]',
        '[or][0][and][0]',
        '[OR][0]',
        '[or][a]',
      ),
      field: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(QUERY_FIELDS[target] ?? ['id'])) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_FIELDS) },
      ),
      operator: fc.constantFrom(...OPERATORS),
      value: queryValues,
    }),
    { minLength: 1, maxLength: 3 },
  )
const QUERY_EXTRAS = fc
  .tuple(
    fc.constantFrom('', '', '&locale=ja', '&locale=en', '&locale=all', '&locale=xx', '&locale='),
    fc.constantFrom(
      '',
      '',
      '&sort=name',
      '&sort=-createdAt',
      '&sort=version.name',
      '&sort=nope',
      '&sort[0]=name',
    ),
    fc.constantFrom(
      '',
      '',
      '&page=2',
      '&limit=0',
      '&page=1e308',
      '&limit=-1',
      '&page=abc',
      '&depth=5',
    ),
  )
  .map((parts) => parts.join(''))

const renderQuery = (list: readonly Term[]) =>
  list
    .map(({ prefix, field, operator, value }) => {
      const key = `where${prefix}[${field}][${operator}]`
      return `${key}${value.query(key)}`
    })
    .join('&')
/** The same terms as a where object, for JSON (method-override bodies, where=…, GraphQL). */
const whereObject = (list: readonly Term[], style: 'rest' | 'graphql') => {
  const where: Record<string, unknown> = {}
  for (const { prefix, field, operator, value } of list) {
    const path = style === 'graphql' ? field.replace(/\./g, '__') : field
    const condition = { [path]: { [operator]: value.json } }
    const group = /or/i.exec(prefix)?.[0]
    const key = group ? (style === 'graphql' ? group.toUpperCase() : group) : undefined
    if (key) where[key] = [...((where[key] as unknown[] | undefined) ?? []), condition]
    else Object.assign(where, condition)
  }
  return where
}
const queryString = (target: string) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(terms(target), QUERY_EXTRAS)
        .map(([list, extras]) => `${renderQuery(list)}${extras}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(terms(target), QUERY_EXTRAS)
        .map(
          ([list, extras]) =>
            `where=${encodeURIComponent(JSON.stringify(whereObject(list, 'rest')))}${extras}`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(malformed.filter(encodable), QUERY_EXTRAS)
        .map(
          ([text, extras]) =>
            `where=${encodeURIComponent(text)}&data=${encodeURIComponent(text)}${extras}`,
        ),
    },
  )

const OVERRIDE_HEADERS = ['X-HTTP-Method-Override', 'X-Payload-HTTP-Method-Override']
/** The query in the body of a POST that Payload answers as a GET: form-encoded, or JSON whose locale it splices into the URL. */
const overrideBodies = (target: string): fc.Arbitrary<Body> =>
  fc
    .tuple(
      fc.constantFrom(...OVERRIDE_HEADERS),
      fc.oneof(
        {
          weight: 3,
          arbitrary: queryString(target).map((text) => ({
            text,
            json: undefined,
            contentType: 'application/x-www-form-urlencoded',
          })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              terms(target),
              fc.oneof(
                fc.constantFrom(undefined, 'ja', 'en', 'all'),
                queryString(target).map((query) => `ja&${query}`),
              ),
            )
            .map(([list, locale]) => {
              const json = {
                where: whereObject(list, 'rest'),
                ...(locale === undefined ? {} : { locale }),
              }
              return { text: JSON.stringify(json), json, contentType: 'application/json' }
            }),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.oneof(malformed, fc.constant(nestedText(1_000, '{'))),
              fc.constantFrom(
                'application/json',
                'application/x-www-form-urlencoded',
                'text/plain',
              ),
            )
            .map(([text, contentType]) => ({ text, json: undefined, contentType })),
        },
      ),
    )
    .map(([header, body]) => ({ ...body, headers: { [header]: 'GET' } }))

const GRAPHQL_QUERIES = [
  'query($w: PartnerCategory_where, $l: LocaleInputType, $s: String) { PartnerCategories(where: $w, locale: $l, sort: $s) { docs { id } } }',
  'query($w: PartnerCategory_where, $l: LocaleInputType) { countPartnerCategories(where: $w, locale: $l) { totalDocs } }',
  'query($w: versionsPartnerCategory_where, $l: LocaleInputType) { versionsPartnerCategories(where: $w, locale: $l) { docs { id } } }',
  'query($w: versionsPartnersPage_where, $l: LocaleInputType) { versionsPartnersPage(where: $w, locale: $l) { docs { id } } }',
  'query($w: User_where) { Users(where: $w) { docs { id } } }',
]
const GRAPHQL_TARGETS = [
  'partner-categories',
  'partner-categories',
  'partner-categories/versions',
  'globals/partners-page/versions',
  'users',
]
const graphqlQueries: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.nat({ max: GRAPHQL_QUERIES.length - 1 }).chain((index) =>
      fc
        .tuple(
          terms(GRAPHQL_TARGETS[index] ?? 'users'),
          fc.constantFrom(undefined, 'ja', 'en', 'xx'),
          fc.constantFrom(undefined, 'name', '-createdAt', 'version.title'),
        )
        .map(([list, locale, sort]) => {
          const json = {
            query: GRAPHQL_QUERIES[index],
            variables: {
              w: whereObject(list, 'graphql'),
              ...(locale ? { l: locale } : {}),
              ...(sort ? { s: sort } : {}),
            },
          }
          return { text: JSON.stringify(json), json, contentType: 'application/json' }
        }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{ Access { canAccessAdmin partner_categories { fields { name { read { permission } update { permission } } } delete { permission } } users { fields { role { update { permission } } } } } }',
        '{ docAccessPartnerCategory(id: 1) { update { permission } fields { key { update { permission } } } } }',
        '{ docAccessPartnersPage { update { permission } fields { title { update { permission } } } } }',
        `{${'a{'.repeat(2_000)}${'}'.repeat(2_000)}}`,
      )
      .map((query) => ({
        text: JSON.stringify({ query }),
        json: { query },
        contentType: 'application/json',
      })),
  },
)

const READ_ONLY_COLLECTIONS = [
  'workflow-states',
  'audit-events',
  'releases',
  'outbox-messages',
  'outbox-attempts',
  'webhook-endpoints',
  'users',
  'payload-preferences',
  'payload-locked-documents',
]

/** Queries are reads (nothing may be written either), by every kind of caller. */
const QUERY_CALLERS: readonly Who[] = ['admin', 'editor', 'translatorEn', 'reviewer']
const QUERY_ENDPOINTS: Endpoint[] = [
  ...Object.keys(QUERY_FIELDS).map((target): Endpoint => ({
    name: `GET /api/${target}?where= (operator × value)`,
    method: 'GET',
    who: QUERY_CALLERS,
    path: () => queryString(target).map((query) => `/api/${target}?${query}`),
    runs: target === 'partner-categories' ? 60 : 12,
  })),
  {
    name: 'GET /api/partner-categories/count?where=',
    method: 'GET',
    who: QUERY_CALLERS,
    path: () =>
      queryString('partner-categories').map((query) => `/api/partner-categories/count?${query}`),
    runs: 15,
  },
  ...[
    'partner-categories',
    'partner-categories/versions',
    'globals/partners-page/versions',
    'users',
    'releases',
  ].map((target): Endpoint => ({
    name: `POST /api/${target} as a GET (method override)`,
    method: 'POST',
    who: QUERY_CALLERS,
    path: constant(`/api/${target}`),
    body: overrideBodies(target),
    runs: target === 'partner-categories' ? 40 : 15,
  })),
  {
    name: 'POST /api/graphql (where × operator × value, Access)',
    method: 'POST',
    who: QUERY_CALLERS,
    path: constant('/api/graphql'),
    body: graphqlQueries,
    runs: 50,
  },
  {
    name: 'POST /api/<read-only>/versions/:id',
    method: 'POST',
    who: [null, 'editor', 'admin'],
    path: () =>
      fc
        .tuple(fc.constantFrom(...READ_ONLY_COLLECTIONS), fc.oneof(fc.constant('1'), oddId))
        .map(([slug, id]) => `/api/${slug}/versions/${id}`),
    body: bodies(fc.jsonValue({ maxDepth: 2 })),
    runs: 20,
  },
  {
    name: 'GET /api/<collection>/distinct',
    method: 'GET',
    who: QUERY_CALLERS,
    path: () =>
      fc
        .tuple(fc.constantFrom('partner-categories', ...READ_ONLY_COLLECTIONS), oddKey)
        .map(([slug, field]) => `/api/${slug}/distinct?field=${encodeURIComponent(field)}`),
    runs: 10,
  },
  {
    name: 'POST /admin (server actions, no session)',
    method: 'POST',
    who: null,
    path: () =>
      fc.constantFrom(
        '/admin',
        '/admin/collections/partner-categories',
        '/admin/globals/partners-page',
        '/admin/account',
      ),
    body: fc
      .tuple(
        fc.oneof(
          malformed,
          fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)),
        ),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 42 }),
        fc.constantFrom('text/plain;charset=UTF-8', 'multipart/form-data; boundary=B'),
      )
      .map(([text, action, contentType]) => ({
        text,
        json: undefined,
        contentType,
        headers: { 'Next-Action': action },
      })),
    runs: 15,
  },
]

// ---------------------------------------------------------------- sending

let fixture: Fixture
let fuzzUserToken = ''

const xliffBody = (spec: string): string => {
  const [, how, at, ...rest] = spec.split(':')
  const text = rest.join(':')
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const xml = fixture.xliff
  switch (how) {
    case 'target':
      return xml.replace(/<target>[^<]*<\/target>/, `<target>${escaped}</target>`)
    case 'cut':
      return xml.slice(0, Number(at) % xml.length)
    case 'lang':
      return xml.replace(/trgLang="[^"]*"/, `trgLang="${escaped.replace(/"/g, '&quot;')}"`)
    case 'entity':
      return xml
        .replace(
          '<xliff',
          '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><xliff',
        )
        .replace(/<target>[^<]*<\/target>/, '<target>&b;&b;</target>')
    default:
      return text
  }
}

const tokenOf = async (who: Who) =>
  who === null ? undefined : who === 'fuzzUser' ? fuzzUserToken : own.api.login(who)

const send = async (endpoint: Endpoint, sent: Case, token: string | undefined) => {
  const text =
    sent.path === '/api/translations/xliff' && sent.body.text?.startsWith('xliff:')
      ? xliffBody(sent.body.text)
      : sent.body.text
  const headers = {
    ...(sent.body.contentType ? { 'Content-Type': sent.body.contentType } : {}),
    ...sent.body.headers,
  }
  if (!sent.body.chunked && sent.body.oversize === undefined)
    return own.api.request<Problem>(sent.path, {
      method: endpoint.method,
      token,
      body: text,
      headers,
    })
  // No Content-Length: the server counts the body as it arrives.
  const answer = await sendRaw(own.api.baseURL, {
    method: endpoint.method,
    path: sent.path,
    headers: { ...headers, ...(token ? { Authorization: `JWT ${token}` } : {}) },
    ...(sent.body.oversize === undefined
      ? { body: text ?? '' }
      : { size: sent.body.oversize, prefix: '{"name":"', suffix: '"}' }),
  })
  if (answer.status === undefined)
    throw new Error(`no answer (${answer.error}) to a chunked ${endpoint.method} ${sent.path}`)
  let body: unknown = answer.text
  try {
    body = JSON.parse(answer.text ?? '')
  } catch {
    // not JSON: keep the text
  }
  return {
    status: answer.status,
    headers: new Headers(),
    body: body as Problem,
    text: answer.text ?? '',
  }
}

const whoArbitrary = (who: Endpoint['who']): fc.Arbitrary<Who> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<Who>(...(Array.isArray(who) ? who : [who as Who])) },
    { weight: 1, arbitrary: fc.constant<Who>(null) },
  )

const messagesOf = (body: unknown): string[] =>
  Array.isArray((body as Problem | null)?.errors)
    ? ((body as Problem).errors ?? []).map((error) =>
        typeof error?.message === 'string' ? error.message : '',
      )
    : []

/** One request, then every property: no 5xx, still up, a 4xx names its problem and wrote nothing, a 2xx is visible. */
const checkOne = async (endpoint: Endpoint, sent: Case) => {
  const token = await tokenOf(sent.who)
  const before = await snapshot()
  const response = await send(endpoint, sent, token)
  const report = `${endpoint.method} ${sent.path} as ${sent.who ?? 'anonymous'} [${sent.body.contentType}] ${JSON.stringify(sent.body.text?.slice(0, 300))} → ${response.status} ${response.text.slice(0, 300)}`
  const graphqlStatuses =
    sent.path === '/api/graphql'
      ? ((response.body as Problem | null)?.errors ?? []).map(
          (error) => error.extensions?.statusCode ?? 400,
        )
      : []
  if (response.status >= 500 || graphqlStatuses.some((status) => status >= 500))
    throw new Error(`5xx: ${report}`)
  const health = await own.api.request('/healthz')
  if (health.status !== 200) throw new Error(`server down after: ${report}`)
  const after = await snapshot()
  // A GraphQL answer with errors and no data wrote nothing, whatever its HTTP status.
  const graphqlRefused =
    sent.path === '/api/graphql' &&
    graphqlStatuses.length > 0 &&
    Object.values((response.body as Problem).data ?? {}).every((value) => value === null)
  if (response.status >= 400 || graphqlRefused) {
    if (!messagesOf(response.body).some((message) => message.trim().length > 0))
      throw new Error(`a ${response.status} naming no problem: ${report}`)
    const changed = changedTables(before, after)
    if (changed.length > 0) throw new Error(`refused but wrote to ${changed.join(', ')}: ${report}`)
  } else if (endpoint.accepted) {
    try {
      await endpoint.accepted(fixture, sent, response)
    } catch (error) {
      throw new Error(`accepted but not wholly visible: ${report}\n${(error as Error).message}`, {
        cause: error,
      })
    }
  }
}

beforeAll(async () => {
  database = databaseSnapshotter(own.dataDir)
  const admin = await own.api.login('admin')
  const category = await own.api.request<{ doc: { id: number } }>(
    '/api/partner-categories?locale=ja',
    {
      method: 'POST',
      token: admin,
      json: { key: 'fuzz-target', order: 99, name: 'ファズ' },
    },
  )
  const webhook = await own.api.request<{ doc: { id: number } }>('/api/webhook-endpoints', {
    method: 'POST',
    token: admin,
    json: { name: 'fuzz', url: 'http://192.0.2.1:9/hook', active: false },
  })
  const fuzzUser = await own.api.request<{ doc: { id: number } }>('/api/users', {
    method: 'POST',
    token: admin,
    json: { email: 'fuzz-user@kaiji.test', password: TEST_PASSWORD, role: 'legal-editor' },
  })
  const lockable = await own.api.request('/api/users', {
    method: 'POST',
    token: admin,
    json: { email: 'fuzz-login@kaiji.test', password: TEST_PASSWORD, role: 'legal-editor' },
  })
  for (const created of [category, webhook, fuzzUser, lockable])
    if (created.status !== 201) throw new Error(`fixture: ${created.text}`)
  fuzzUserToken = (
    await own.api.request<{ token: string }>('/api/users/login', {
      method: 'POST',
      json: { email: 'fuzz-user@kaiji.test', password: TEST_PASSWORD },
    })
  ).body.token
  const xliff = await own.api.request('/api/translations/xliff?locale=en', {
    token: await own.api.login('translatorEn'),
  })
  fixture = {
    categoryId: category.body.doc.id,
    webhookId: webhook.body.doc.id,
    fuzzUserId: fuzzUser.body.doc.id,
    xliff: xliff.text,
  }
}, 60_000)

afterAll(() => {
  database?.close()
})

describe(`fuzz: every write endpoint and query, fixed seed ${SEED}: no 5xx, server up, a refusal names its problem and writes nothing`, () => {
  it.each(
    [...ENDPOINTS, ...QUERY_ENDPOINTS].map(
      (endpoint, index) => [endpoint.name, endpoint, index] as const,
    ),
  )(
    '%s',
    async (_name, endpoint, index) => {
      const arbitrary = fc.record({
        path: endpoint.path(fixture),
        body: endpoint.body ?? noBody,
        who: whoArbitrary(endpoint.who),
      })
      await fc.assert(
        fc.asyncProperty(arbitrary, (sent) => checkOne(endpoint, sent)),
        { seed: SEED + index, numRuns: endpoint.runs ?? 20, endOnFailure: true },
      )
    },
    180_000,
  )
})
