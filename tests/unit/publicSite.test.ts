import { LOCALES } from '@/config/locales'
import { renderAtomFeed } from '@/delivery/render/feed'
import { renderPartnersPage } from '@/delivery/render/pages/current'
import { renderHistoryPage } from '@/delivery/render/pages/history'
import { alternateLinks, languageChoices, siteContext } from '@/delivery/render/site'
import { importedFromOf } from '@/releases/importedFrom'
import { checkLogo, MAX_LOGO_BYTES } from '@/site/logoImage'
import { siteLinkProblem } from '@/site/siteLink'
import { EMPTY_SITE_SETTINGS, siteSettingsFromStored, siteTextFor } from '@/site/siteSettings'
import { formatZonedDateTime } from '@/utilities/zonedDate'
import {
  enRelease,
  expectInertHtml,
  HOSTILE_STRINGS,
  makeRelease,
} from './fixtures/partnersRelease'

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const WEBP = new Uint8Array([...Buffer.from('RIFF'), 4, 0, 0, 0, ...Buffer.from('WEBPVP8 ')])
const SVG =
  '<?xml version="1.0"?>\n<!-- logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'

describe('dates in the reader’s terms', () => {
  it('shows date and time in the locale’s format and the given zone, naming the zone', () => {
    const instant = '2027-01-16T03:00:00.000Z'
    expect(formatZonedDateTime(instant, 'ja', 'Asia/Tokyo')).toBe('2027年1月16日 12:00 (JST)')
    expect(formatZonedDateTime(instant, 'en', 'Asia/Tokyo')).toBe(
      'January 16, 2027 at 12:00 PM (GMT+9)',
    )
    expect(formatZonedDateTime(instant, 'fr', 'Asia/Tokyo')).toBe('16 janvier 2027 à 12:00 (UTC+9)')
    expect(formatZonedDateTime(instant, 'en', 'UTC')).toBe('January 16, 2027 at 3:00 AM (UTC)')
  })

  it('names the offset in force at that instant (summer and winter time) and crosses the date line', () => {
    expect(formatZonedDateTime('2027-01-16T23:30:00Z', 'en', 'Europe/Paris')).toBe(
      'January 17, 2027 at 12:30 AM (GMT+1)',
    )
    expect(formatZonedDateTime('2027-07-16T23:30:00Z', 'en', 'Europe/Paris')).toBe(
      'July 17, 2027 at 1:30 AM (GMT+2)',
    )
    expect(formatZonedDateTime('2027-01-16T20:00:00Z', 'ja', 'Asia/Tokyo')).toBe(
      '2027年1月17日 5:00 (JST)',
    )
  })

  it('returns what is not a date as given', () => {
    expect(formatZonedDateTime('soon', 'ja', 'Asia/Tokyo')).toBe('soon')
  })

  it('pages put the instant in UTC in <time datetime> and the zoned text inside it', () => {
    const html = renderPartnersPage({
      release: makeRelease({ effectiveAt: '2026-05-01T00:00:00.000Z' }),
      upcoming: [],
      sourceNotice: null,
      site: siteContext({ locales: LOCALES, timeZone: 'Europe/Paris' }),
    })
    expect(html).toContain(
      '<time datetime="2026-05-01T00:00:00.000Z">2026年5月1日 2:00 (GMT+2)</time>',
    )
  })
})

describe('language availability', () => {
  const site = siteContext({ locales: LOCALES, available: ['ja', 'en'], timeZone: 'UTC' })

  it('links only to locales with a release in effect, the current one unlinked, the rest not yet available', () => {
    expect(
      languageChoices('en', site, 'page').map(({ locale, state, href }) => [locale, state, href]),
    ).toEqual([
      ['ja', 'available', '/partners/ja'],
      ['en', 'current', null],
      ['fr', 'unavailable', null],
      ['ru', 'unavailable', null],
    ])
  })

  it('leads from a history to the other history, and from numbered pages to the other page', () => {
    expect(languageChoices('ja', site, 'history')[1]?.href).toBe('/partners/en/history')
    expect(languageChoices('ja', site, 'release')[1]?.href).toBe('/partners/en')
    expect(languageChoices('ja', site, 'diff')[1]?.href).toBe('/partners/en')
  })

  it('gives hreflang alternates (absolute, x-default to ja) for the page and history only', () => {
    const absolute = { ...site, baseUrl: 'https://example.com/' }
    expect(alternateLinks('en', absolute, 'page')).toEqual([
      { hreflang: 'ja', href: 'https://example.com/partners/ja' },
      { hreflang: 'en', href: 'https://example.com/partners/en' },
      { hreflang: 'x-default', href: 'https://example.com/partners/ja' },
    ])
    expect(alternateLinks('ja', absolute, 'history').map((link) => link.href)).toEqual([
      'https://example.com/partners/ja/history',
      'https://example.com/partners/en/history',
      'https://example.com/partners/ja/history',
    ])
    expect(alternateLinks('ja', absolute, 'release')).toEqual([])
    expect(alternateLinks('ja', absolute, 'upcoming')).toEqual([])
    expect(alternateLinks('ja', site, 'page')).toEqual([])
  })

  it('writes the alternates into the head', () => {
    const html = renderPartnersPage({
      release: enRelease(),
      upcoming: [],
      sourceNotice: null,
      site: { ...site, baseUrl: 'https://example.com' },
    })
    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toContain(
      '<link rel="alternate" hreflang="ja" href="https://example.com/partners/ja">',
    )
    expect(head).toContain(
      '<link rel="alternate" hreflang="en" href="https://example.com/partners/en">',
    )
    expect(head).toContain(
      '<link rel="alternate" hreflang="x-default" href="https://example.com/partners/ja">',
    )
    expect(head).not.toContain('hreflang="fr"')
  })
})

describe('the site settings', () => {
  const settings = siteSettingsFromStored({
    siteName: { ja: 'ゼンリー', en: 'Zenly', fr: '  ' },
    privacyPolicyUrl: { ja: '/privacy' },
    footerNote: { en: '© Zenly' },
    logo: `data:image/png;base64,${base64(PNG)}`,
    updatedAt: '2026-05-01T00:00:00.000Z',
  })

  it('gives each locale its own text, else the Japanese (blank counts as empty)', () => {
    expect(siteTextFor(settings, 'en')).toEqual({
      siteName: 'Zenly',
      privacyPolicyUrl: '/privacy',
      footerNote: '© Zenly',
      logo: `data:image/png;base64,${base64(PNG)}`,
    })
    expect(siteTextFor(settings, 'fr')).toMatchObject({ siteName: 'ゼンリー', footerNote: null })
    expect(siteTextFor(EMPTY_SITE_SETTINGS, 'ja')).toEqual({
      siteName: null,
      privacyPolicyUrl: null,
      footerNote: null,
      logo: null,
    })
  })

  it('puts name, logo and privacy link in the header and the footer line in the footer', () => {
    const html = renderPartnersPage({
      release: enRelease(),
      upcoming: [],
      sourceNotice: null,
      site: siteContext({ locales: LOCALES, timeZone: 'UTC', settings }),
    })
    expect(html).toContain(
      `<a class="site-brand" href="/partners/en"><img class="site-logo" src="data:image/png;base64,${base64(PNG)}" alt=""><span>Zenly</span></a>`,
    )
    expect(html).toContain('<a class="privacy-link" href="/privacy">Privacy policy</a>')
    expect(html).toMatch(
      /<footer class="site-footer">\n<p><a [^\n]*>Release 2<\/a>, effective [^\n]*<\/p>\n<p>© Zenly<\/p>\n<\/footer>/,
    )
  })

  it('names the site with the interface’s default, and links no privacy policy, when nothing is set', () => {
    const html = renderPartnersPage({
      release: makeRelease(),
      upcoming: [],
      sourceNotice: null,
      site: siteContext({ locales: LOCALES, timeZone: 'UTC' }),
    })
    expect(html).toContain('<a class="site-brand" href="/partners/ja"><span>情報開示</span></a>')
    expect(html).not.toContain('class="privacy-link"')
    expect(html).not.toContain('<img')
  })

  it('escapes hostile text in every setting', () => {
    for (const hostile of HOSTILE_STRINGS) {
      const html = renderPartnersPage({
        release: makeRelease(),
        upcoming: [],
        sourceNotice: null,
        site: siteContext({
          locales: LOCALES,
          timeZone: 'UTC',
          settings: siteSettingsFromStored({
            siteName: { ja: hostile },
            footerNote: { ja: hostile },
            privacyPolicyUrl: { ja: '/privacy?x="><script>alert(1)</script>' },
          }),
        }),
      })
      expectInertHtml(html)
    }
  })
})

describe('the privacy-policy link', () => {
  it.each(['https://example.com/privacy', '/privacy', '/ja/privacy#cookies', '', null])(
    'accepts %j',
    (value) => expect(siteLinkProblem(value)).toBeNull(),
  )

  it.each([
    ['http://example.com/privacy', /is a http: link/],
    ['javascript:alert(1)', /is a javascript: link/],
    ['data:text/html,x', /is a data: link/],
    ['//evil.example/privacy', /another host/],
    ['privacy', /neither an address nor a path/],
    ['/privacy page', /spaces/],
    ['https://user:pw@example.com/', /user name or password/],
  ])('refuses %j, saying what is accepted', (value, problem) => {
    const said = siteLinkProblem(value)
    expect(said).toMatch(problem)
    expect(said).toContain('https://')
  })

  it('refuses a link over 2000 characters', () => {
    expect(siteLinkProblem(`/${'x'.repeat(2000)}`)).toBe(
      'The link has 2001 characters; at most 2000.',
    )
  })
})

describe('the logo', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['WebP', WEBP, 'image/webp'],
    ['SVG', Buffer.from(SVG), 'image/svg+xml'],
  ])('accepts a %s by its bytes, whatever type the data: URI claims', (_kind, bytes, type) => {
    const check = checkLogo(`data:image/gif;base64,${base64(bytes)}`)
    expect(check).toEqual({ ok: true, type, dataUri: `data:${type};base64,${base64(bytes)}` })
  })

  it('clears with empty or null', () => {
    expect(checkLogo('')).toBeNull()
    expect(checkLogo(null)).toBeNull()
  })

  it.each([
    ['a URL', 'https://example.com/logo.png', /data: URI/],
    ['not base64', `data:image/svg+xml,${encodeURIComponent(SVG)}`, /base64/],
    ['malformed base64', 'data:image/png;base64,@@@@', /malformed/],
    [
      'a GIF',
      `data:image/gif;base64,${base64('GIF89a\x01\x00\x01\x00')}`,
      /not a PNG, WebP or SVG/,
    ],
    [
      'an HTML page',
      `data:image/svg+xml;base64,${base64('<html><body>x</body></html>')}`,
      /root element is <html>/,
    ],
    [
      'an SVG with a script',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')}`,
      /script/,
    ],
    [
      'an SVG with a DOCTYPE',
      `data:image/svg+xml;base64,${base64('<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>')}`,
      /DOCTYPE/,
    ],
    [
      'an SVG without its namespace',
      `data:image/svg+xml;base64,${base64('<svg viewBox="0 0 1 1"/>')}`,
      /xmlns/,
    ],
    [
      'an SVG with an event handler',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" xmlns:s="http://www.w3.org/2000/svg"onload="alert(1)"/>')}`,
      /event handler \(onload\)/,
    ],
    [
      'an SVG with a prefixed script',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>')}`,
      /contains <s:script>/,
    ],
    [
      'an SVG with foreign content',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" xmlns:s="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>')}`,
      /contains <foreignObject>/,
    ],
    [
      'an SVG linking to javascript:',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" xmlns:s="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>')}`,
      /refers to "javascript:alert\(1\)"/,
    ],
    [
      'an SVG with an image from elsewhere',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" xmlns:s="http://www.w3.org/2000/svg"><image x:href="https://evil.example/x.png"/></svg>')}`,
      /refers to "https:\/\/evil/,
    ],
    [
      'an SVG with a style sheet from elsewhere',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" xmlns:s="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>')}`,
      /style sheet that loads/,
    ],
    [
      'an SVG with a style sheet instruction',
      `data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg"><?xml-stylesheet href="https://evil.example/x.css"?></svg>')}`,
      /processing instruction <\?xml-stylesheet\?>/,
    ],
    [
      'an image over 32 KB',
      `data:image/png;base64,${base64(new Uint8Array([...PNG, ...new Uint8Array(MAX_LOGO_BYTES)]))}`,
      /at most 32 KB/,
    ],
  ])('refuses %s, saying why', (_kind, value, problem) => {
    const check = checkLogo(value)
    expect(check?.ok).toBe(false)
    expect(check && !check.ok ? check.problem : '').toMatch(problem)
  })
})

describe('the import release', () => {
  const imported = { file: 'zenly-partners.ja.txt', sha256: 'ab'.repeat(32) }

  it('is recognised by the field releases record, or for older databases by ja release 1’s importer summary', () => {
    expect(
      importedFromOf({ locale: 'ja', number: 4, summary: 'x', importedFrom: imported }),
    ).toEqual(imported)
    const legacy = `Imported from zenly-partners.ja.txt (sha256 ${'ab'.repeat(32)}).`
    expect(importedFromOf({ locale: 'ja', number: 1, summary: legacy })).toEqual(imported)
    expect(importedFromOf({ locale: 'ja', number: 2, summary: legacy })).toBeNull()
    expect(importedFromOf({ locale: 'en', number: 1, summary: legacy })).toBeNull()
    expect(importedFromOf({ locale: 'ja', number: 1, summary: 'Imported from a file.' })).toBeNull()
    expect(
      importedFromOf({
        locale: 'ja',
        number: 1,
        summary: 'x',
        importedFrom: { file: null, sha256: null },
      }),
    ).toBeNull()
  })

  it('reads as a sentence in each locale on the pages and in the feed; other summaries as written', () => {
    const first = makeRelease({
      number: 1,
      summary: `Imported from zenly-partners.ja.txt (sha256 ${'ab'.repeat(32)}).`,
      importedFrom: imported,
    })
    const second = makeRelease({ number: 2, summary: '地図を追加' })
    const site = siteContext({ locales: LOCALES, timeZone: 'UTC' })
    const history = renderHistoryPage({
      locale: 'ja',
      releases: [
        { release: second, status: 'current' },
        { release: first, status: 'past' },
      ],
      site,
    })
    expect(history).toContain(
      '<span class="cell-label">概要</span>元の日本語ページから取り込んだ最初の版</td>',
    )
    expect(history).toContain('<span class="cell-label">概要</span>地図を追加</td>')
    expect(history).not.toContain('sha256')
    const feed = renderAtomFeed({
      locale: 'ja',
      releases: [second, first],
      baseUrl: 'https://example.com',
      title: null,
      timeZone: 'Asia/Tokyo',
    })
    expect(feed).toContain('<title>リリース 1: 元の日本語ページから取り込んだ最初の版</title>')
    expect(feed).not.toContain('sha256')
  })
})
