import { isPublicPath, matchPublicRoute } from '@/delivery/publicRoutes'
import { etagMatches } from '@/delivery/responses'
import { signBody, verifySignature } from '@/webhooks/signature'

describe('public routes', () => {
  it.each([
    ['/content/v1/partners/ja', { kind: 'api-current', locale: 'ja' }],
    ['/content/v1/partners/ja/', { kind: 'api-current', locale: 'ja' }],
    ['/content/v1/partners/en?x=1', { kind: 'api-current', locale: 'en' }],
    ['/content/v1/partners/ja/releases', { kind: 'api-releases', locale: 'ja' }],
    ['/content/v1/partners/ja/releases/12', { kind: 'api-release', locale: 'ja', number: 12 }],
    [
      '/content/v1/partners/ja/releases/3/diff/1',
      { kind: 'api-diff', locale: 'ja', from: 3, to: 1 },
    ],
    ['/content/v1/partners/ja/upcoming', { kind: 'api-upcoming', locale: 'ja' }],
    ['/partners/fr', { kind: 'page-current', locale: 'fr' }],
    ['/partners/fr/history', { kind: 'page-history', locale: 'fr' }],
    ['/partners/fr/releases/2', { kind: 'page-release', locale: 'fr', number: 2 }],
    ['/partners/fr/upcoming/4', { kind: 'page-upcoming', locale: 'fr', number: 4 }],
    ['/partners/fr/upcoming/4/', { kind: 'page-upcoming', locale: 'fr', number: 4 }],
    ['/partners/fr/diff/1/2', { kind: 'page-diff', locale: 'fr', from: 1, to: 2 }],
    ['/partners/fr/feed.atom', { kind: 'feed', locale: 'fr' }],
    ['/partners/ru.json', { kind: 'export-json', locale: 'ru' }],
    ['/partners/ru.csv', { kind: 'export-csv', locale: 'ru' }],
    [
      '/content/v1/partners/ja/releases/0',
      { kind: 'bad-number', locale: 'ja', value: '0', api: true },
    ],
    ['/partners/ja/diff/1/x', { kind: 'bad-number', locale: 'ja', value: 'x', api: false }],
    ['/partners/ja/upcoming/next', { kind: 'bad-number', locale: 'ja', value: 'next', api: false }],
    [
      '/content/v1/partners/ja/releases/1e3',
      { kind: 'bad-number', locale: 'ja', value: '1e3', api: true },
    ],
  ])('%s', (url, route) => {
    expect(isPublicPath(url)).toBe(true)
    expect(matchPublicRoute(url)).toEqual(route)
  })

  it.each([
    '/content/v1/partners/',
    '/content/v1/partners/ja/other',
    '/partners/ja/releases',
    '/partners/ja/upcoming',
    '/partners/ja/upcoming/1/2',
    '/partners/%E0%A4%A',
    '/partners/ja/diff/1',
  ])('%s matches nothing', (url) => expect(matchPublicRoute(url)).toBeNull())

  it('leaves the admin, REST and GraphQL to the app', () => {
    for (const url of [
      '/admin',
      '/api/releases',
      '/api/graphql',
      '/partners',
      '/healthz',
      '/content/v2/partners/ja',
    ]) {
      expect(isPublicPath(url)).toBe(false)
    }
  })
})

describe('If-None-Match', () => {
  const etag = '"abc-123"'
  it.each([
    ['"abc-123"', true],
    ['W/"abc-123"', true],
    ['"x", "abc-123"', true],
    ['*', true],
    ['"abc-12"', false],
    ['abc-123', false],
  ])('%s → %s', (header, matches) => expect(etagMatches(header, etag)).toBe(matches))
})

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'release.published', locale: 'ja', release: { number: 2 } })
  it('are HMAC-SHA256 over the exact body, verified in constant time', () => {
    const signature = signBody('s'.repeat(32), body)
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(verifySignature('s'.repeat(32), body, signature)).toBe(true)
    expect(verifySignature('t'.repeat(32), body, signature)).toBe(false)
    expect(verifySignature('s'.repeat(32), `${body} `, signature)).toBe(false)
    expect(verifySignature('s'.repeat(32), body, null)).toBe(false)
    expect(verifySignature('s'.repeat(32), body, 'sha256=00')).toBe(false)
  })
})
