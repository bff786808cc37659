import type { FlattenedField } from 'payload'

import { queryFieldsOf, versionQueryFieldsOf, type QueryField } from '@/server/apiShape'
import {
  fallbackLocaleProblem,
  QUERY_LIMITS,
  repeatedParameterProblem,
  sortProblem,
  whereProblem,
  type QueryContext,
} from '@/server/queryShape'

const field = (kind: QueryField['kind'], localized = false): QueryField => ({ kind, localized })
const fields = new Map<string, QueryField>([
  ['id', field('id')],
  ['name', field('text', true)],
  ['key', field('text')],
  ['order', field('number')],
  ['retired', field('checkbox')],
  ['createdAt', field('date')],
  ['description', field('json', true)],
  ['where', field('point')],
  ['document', field('polymorphic')],
])
const context: QueryContext = {
  fields,
  locales: ['ja', 'en'],
  localeNamed: true,
  localeHint: '?locale=ja',
}
const problemOf = (where: unknown, overrides: Partial<QueryContext> = {}) =>
  whereProblem(where, { ...context, ...overrides })

describe('whereProblem: operator × value kind', () => {
  const list = ['a', 'b']
  const object = { a: 'b' }
  it.each<[string, unknown, RegExp | null]>([
    // What Payload can run passes.
    ['name equals text', { name: { equals: 'x' } }, null],
    ['key in a comma list', { key: { in: 'a,b' } }, null],
    ['key in a list', { key: { in: list } }, null],
    ['id in ids', { id: { in: ['1', 2, '65f0c0ffee0123456789abcd'] } }, null],
    ['order greater_than a number', { order: { greater_than: '3' } }, null],
    ['createdAt less_than a date', { createdAt: { less_than: '2026-01-01T00:00:00Z' } }, null],
    ['retired equals true', { retired: { equals: 'true' } }, null],
    ['name exists', { name: { exists: 'false' } }, null],
    ['name like words', { name: { like: 'cloud platform' } }, null],
    ['description contains', { description: { contains: 'map' } }, null],
    ['an empty value is "is empty"', { key: { equals: '' }, order: { equals: 'null' } }, null],
    ['and/or lists', { or: [{ key: { equals: 'a' } }, { and: [{ order: { equals: 1 } }] }] }, null],
    ['a point near', { where: { near: '1,2,100' } }, null],
    ['an unknown path is left to Payload', { nope: { equals: 'x' } }, null],
    // Operators on fields that cannot take them.
    [
      'near on text',
      { name: { near: '1,2' } },
      /where\[name\]\[near\]: near works on point \(geographic\) fields only, and name is not one/,
    ],
    ['within on a date', { createdAt: { within: object } }, /within works on point/],
    ['intersects on an id', { id: { intersects: list } }, /intersects works on point/],
    ['near with junk on a point', { where: { near: 'x' } }, /near takes "longitude,latitude/],
    [
      'all (unsupported on SQLite)',
      { key: { all: list } },
      /the all operator is not supported here/,
    ],
    ['an unknown operator', { key: { resembles: 'x' } }, /unknown operator "resembles"/],
    [
      'like on a date',
      { createdAt: { like: '2026' } },
      /like matches text, and createdAt is a date/,
    ],
    [
      'contains on a checkbox',
      { retired: { contains: 'true' } },
      /contains matches text, and retired is true or false/,
    ],
    // Values of the wrong shape.
    ['like with a list', { name: { like: list } }, /like takes one piece of text, not a list/],
    [
      'contains with an object',
      { name: { contains: object } },
      /contains takes one piece of text, not an object/,
    ],
    [
      'not_like with null',
      { name: { not_like: null } },
      /not_like takes one piece of text, not null/,
    ],
    [
      'equals with a list',
      { key: { equals: list } },
      /equals takes one value, not a list \(use in for several\)/,
    ],
    [
      'greater_than with an object',
      { order: { greater_than: object } },
      /greater_than takes one value, not an object/,
    ],
    ['in with an object', { key: { in: object } }, /in takes a list of values/],
    ['not_in with a nested list', { key: { not_in: [['a']] } }, /the list holds a list/],
    ['all with an object', { key: { all: object } }, /all operator is not supported/],
    ['exists with junk', { name: { exists: 'maybe' } }, /exists takes true or false, not "maybe"/],
    ['in with nothing, on ids', { id: { in: '' } }, /in needs at least one value/],
    ['in with an empty list', { key: { in: [] } }, /in needs at least one value/],
    [
      'a path with no operator',
      { key: 'x' },
      /where\[key\] needs an operator, as in where\[key\]\[equals\]=value/,
    ],
    [
      'or that is not a list',
      { or: { 0: { key: { equals: 'x' } } } },
      /where\[or\] must be a list of conditions/,
    ],
    [
      'a condition that is not an object',
      { and: ['x'] },
      /where\[and\]\[0\] must be an object of conditions/,
    ],
    ['a where that is not an object', 'x', /where must be an object of conditions/],
    // Values that cannot be compared with the field.
    [
      'an id that is not one',
      { id: { equals: 'abc' } },
      /where\[id\]\[equals\]: "abc" is not a document id/,
    ],
    ['an id list with a bad one', { id: { in: '1,abc' } }, /"abc" is not a document id/],
    ['"null" inside an id list', { id: { in: '1,null' } }, /"null" is not a document id/],
    [
      'a date that is not one',
      { or: [{ createdAt: { equals: 'yesterday' } }] },
      /where\[or\]\[0\]\[createdAt\]\[equals\]: "yesterday" is not a date/,
    ],
    ['a number that is not one', { order: { less_than: 'ten' } }, /"ten" is not a number/],
    ['like on a number that is not one', { order: { like: 'x' } }, /"x" is not a number/],
    ['a checkbox that is not one', { retired: { equals: 'yes' } }, /"yes" is not true or false/],
  ])('%s', (_label, where, expected) => {
    const found = problemOf(where)
    if (expected === null) expect(found).toBeNull()
    else expect(found).toMatch(expected)
  })
})

describe('whereProblem: a relationship to several collections', () => {
  it.each(['equals', 'like', 'in', 'exists', 'not_equals'])(
    'the bare path with %s is refused, naming .value and .relationTo (the SQL adapter would answer 500)',
    (operator) => {
      expect(problemOf({ document: { [operator]: operator === 'exists' ? 'true' : '5' } })).toBe(
        'where[document][' +
          operator +
          ']: document links to documents of several collections; filter by document.value (a document id) and document.relationTo (a collection).',
      )
    },
  )
})

describe('whereProblem: locales', () => {
  it('a localized field needs a locale, named in the request or the path', () => {
    expect(problemOf({ name: { equals: 'x' } }, { localeNamed: false })).toMatch(
      /where\[name\]\[equals\]: name differs by language; name the locale to filter by it \(\?locale=ja\)/,
    )
    expect(problemOf({ 'name.ja': { equals: 'x' } }, { localeNamed: false })).toBeNull()
    expect(problemOf({ key: { equals: 'x' } }, { localeNamed: false })).toBeNull()
  })
})

describe("whereProblem: SQLite's limits", () => {
  it('bounds nesting, conditions, list sizes, values and LIKE patterns', () => {
    let deep: unknown = { key: { equals: 'x' } }
    for (let level = 0; level <= QUERY_LIMITS.depth; level++) deep = { or: [deep] }
    expect(problemOf(deep)).toMatch(/conditions nest more than 8 levels deep/)
    expect(
      problemOf({
        or: Array.from({ length: QUERY_LIMITS.terms + 1 }, (_, index) => ({
          key: { equals: `k${index}` },
        })),
      }),
    ).toMatch(/more than 100 conditions/)
    expect(
      problemOf({
        or: Array.from({ length: QUERY_LIMITS.terms }, (_, index) => ({
          key: { equals: `k${index}` },
        })),
      }),
    ).toBeNull()
    expect(
      problemOf({ key: { in: Array.from({ length: 40_000 }, (_, index) => `k${index}`) } }),
    ).toMatch(/40000 values; at most 1000 in one list/)
    const lists = Array.from({ length: 6 }, () => ({
      key: { in: Array.from({ length: 1000 }, (_, index) => `k${index}`) },
    }))
    expect(problemOf({ and: lists })).toMatch(/more than 5000 values in all/)
    expect(problemOf({ name: { contains: 'a'.repeat(100_000) } })).toMatch(
      /the pattern has 100000 characters; at most 1000/,
    )
    expect(problemOf({ name: { like: 'a '.repeat(30).trim() } })).toMatch(
      /30 words; like takes at most 20/,
    )
    expect(problemOf({ name: { like: 'a%_'.repeat(300) } })).toBeNull()
  })
})

describe('whereProblem in GraphQL spelling', () => {
  it('reads AND/OR and __ paths', () => {
    const graphql = {
      ...context,
      style: 'graphql' as const,
      localeNamed: false,
      localeHint: 'pass locale: ja',
    }
    expect(whereProblem({ OR: [{ key: { all: ['x'] } }] }, graphql)).toMatch(
      /where\[OR\]\[0\]\[key\]\[all\]/,
    )
    const versions = {
      ...graphql,
      fields: versionQueryFieldsOf([
        { name: 'title', type: 'text', localized: true },
      ] as unknown as FlattenedField[]),
    }
    expect(whereProblem({ version__title: { like: 'a' } }, versions)).toMatch(
      /version\.title differs by language; name the locale to filter by it \(pass locale: ja\)/,
    )
    expect(whereProblem({ parent: { equals: 'abc' } }, versions)).toMatch(
      /"abc" is not a document id/,
    )
  })
})

describe('sortProblem', () => {
  it('refuses a sort by a localized field without a locale, and nothing else', () => {
    expect(sortProblem('-name,key', { ...context, localeNamed: false })).toMatch(
      /sort: name differs by language; name the locale to sort by it/,
    )
    expect(sortProblem(['key', '-createdAt'], { ...context, localeNamed: false })).toBeNull()
    expect(sortProblem('name', context)).toBeNull()
    expect(sortProblem({ a: 'b' }, { ...context, localeNamed: false })).toBeNull()
  })
})

describe('queryFieldsOf', () => {
  it('maps every queryable path of a field list to its kind, localized below a localized parent', () => {
    const map = queryFieldsOf([
      { name: 'title', type: 'text', localized: true },
      { name: 'count', type: 'number' },
      {
        name: 'labels',
        type: 'group',
        localized: true,
        flattenedFields: [{ name: 'type', type: 'text' }],
      },
      { name: 'owner', type: 'relationship', relationTo: 'users' },
      { name: 'user', type: 'relationship', relationTo: ['users'] },
      { name: 'body', type: 'richText' },
      { name: 'at', type: 'date' },
    ] as unknown as FlattenedField[])
    expect(Object.fromEntries(map)).toEqual({
      title: field('text', true),
      count: field('number'),
      labels: field('any', true),
      'labels.type': field('text', true),
      owner: field('id'),
      user: field('polymorphic'),
      'user.value': field('id'),
      'user.relationTo': field('text'),
      body: field('json'),
      at: field('date'),
      id: field('id'),
    })
  })
})

describe('fallbackLocaleProblem', () => {
  it('lets through what Payload reads as no fallback', () => {
    for (const value of [undefined, null, false, '', 'none', 'false', 'null'])
      expect(fallbackLocaleProblem('fallback-locale', value)).toBeNull()
  })

  it('refuses a locale, a list or anything else, naming the parameter and the value', () => {
    expect(fallbackLocaleProblem('fallback-locale', 'ja')).toMatch(
      /^fallback-locale "ja" is not supported: a field not translated in a locale stays empty/,
    )
    expect(fallbackLocaleProblem('fallbackLocale', ['ja', 'en'])).toMatch(
      /fallbackLocale \["ja","en"\]/,
    )
    expect(fallbackLocaleProblem('fallbackLocale', 'xx')).not.toBeNull()
  })
})

describe('repeatedParameterProblem', () => {
  const problemOf = (query: string) => repeatedParameterProblem(new URLSearchParams(query))

  it('lets through parameters given once, and bracketed ones Payload reads as a structure', () => {
    expect(problemOf('locale=en&dryRun=true')).toBeNull()
    expect(problemOf('where[or][0][key][equals]=a&where[or][1][key][equals]=b')).toBeNull()
    expect(problemOf('select[name]=true&select[key]=true')).toBeNull()
    expect(problemOf('')).toBeNull()
  })

  it('refuses a plain parameter given twice, naming each and how often', () => {
    expect(problemOf('dryRun=false&dryRun=true')).toBe(
      'dryRun is given 2 times: give each parameter once.',
    )
    expect(problemOf('locale=en&locale=fr&locale=ru&depth=0&depth=1')).toBe(
      'locale is given 3 times; depth is given 2 times: give each parameter once.',
    )
  })
})
