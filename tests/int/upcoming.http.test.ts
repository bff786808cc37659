import { approveChange, publicGet, releaseAction } from '@support/contentChanges'
import type { ApiClient } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { xmllint } from '../helpers/xmllint'

// An announced release in public, through the real publish endpoint, on the main server and on the
// delivery-only public site: its page (full text and redline), the notice's link to it, its feed
// entry and the JSON links; gone from all of them when it is superseded, or when it takes effect.

const DAY = 86_400_000
const OLD_NAME = '地図'
const ANNOUNCED_NAME = '地図の提供'
const URGENT_NAME = '地図サービス'
/** Time for the checks made while release 3 is announced, before it takes effect (they take well under a second). */
const URGENT_NOTICE_MS = 20_000

type Links = { page: string; redline: string | null }
type AnnouncedEntry = { release: { number: number; effectiveAt: string }; links: Links }
type Upcoming = { current: { number: number } | null; upcoming: AnnouncedEntry[] }
type Delivered = {
  release: { number: number }
  upcoming: Array<{ number: number; effectiveAt: string; links: Links }>
}

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let main: ApiClient
let site: ApiClient
let announcedAt = ''
let urgentAt = ''

beforeAll(async () => {
  server = await startIsolatedServer('upcoming', { KAIJI_PUBLIC_PORT: '0' })
  if (!server.publicSite) throw new Error('the public site did not start')
  main = server.client
  site = server.publicSite
}, 180_000)
afterAll(async () => server?.stop())

/** The same answer from both processes (they share the delivery layer), byte for byte. */
const fromBoth = async (path: string, headers: Record<string, string> = {}) => {
  const [fromSite, fromMain] = await Promise.all([
    publicGet(site, path, headers),
    publicGet(main, path, headers),
  ])
  expect({ path, status: fromSite.status, text: fromSite.text }).toEqual({
    path,
    status: fromMain.status,
    text: fromMain.text,
  })
  expect(fromSite.headers.get('location')).toBe(fromMain.headers.get('location'))
  return fromSite
}

/** What a feed reader reads: an XPath over the feed, with Atom's and Kaiji's namespaces by local name. */
const feedXpath = async (expression: string): Promise<string> => {
  const feed = (await fromBoth('/partners/ja/feed.atom')).text
  expect(xmllint(['--noout'], feed).status).toBe(0)
  const result = xmllint(['--xpath', expression], feed)
  return result.stdout.trim()
}
const entryIds = async () =>
  (await feedXpath("//*[local-name()='entry']/*[local-name()='id']/text()")).split('\n')
const TAG = 'tag:kaiji,2026:partners/ja'

/** Waits until `probe` answers a value, polling; the effective date passes on the real clock. */
const waitFor = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('a material change announced 31 days ahead', () => {
  beforeAll(async () => {
    await approveChange(main, { subject: 'maps', locale: 'ja', data: { name: ANNOUNCED_NAME } })
    announcedAt = new Date(Date.now() + 31 * DAY).toISOString()
    const published = await releaseAction(main, 'publish', {
      locale: 'ja',
      summary: '地図の名称を変更',
      changeType: 'material',
      effectiveAt: announcedAt,
    })
    expect(published.status).toBe(201)
    expect(published.body.release).toMatchObject({ number: 2, effectiveAt: announcedAt })
  }, 60_000)

  it('has a page: announced, its date as a <time>, change type and summary, its full text and its redline', async () => {
    const page = await fromBoth('/partners/ja/upcoming/2')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.text).toMatch(
      new RegExp(
        `<h1>予告:リリース 2 は<time datetime="${announcedAt.replace(/\./g, '\\.')}">[^<]+</time>に発効します</h1>`,
      ),
    )
    expect(page.text).toContain('<p>重要な変更:地図の名称を変更</p>')
    expect(page.text).toContain('<p>それまではリリース 1 が引き続き有効です。</p>')
    // The full text: every category, with the new name.
    const fullText = page.text.slice(
      page.text.indexOf('<section aria-labelledby="announced-text">'),
      page.text.indexOf('<section id="changes"'),
    )
    expect(fullText).toContain('<h2 id="announced-text">リリース 2 の全文</h2>')
    expect(fullText.match(/<th scope="row">/g)).toHaveLength(8)
    expect(fullText).toContain(`${ANNOUNCED_NAME}</th>`)
    // The redline against release 1, in effect: the name, word by word.
    const redline = page.text.slice(page.text.indexOf('<section id="changes"'))
    expect(redline).toContain('<h2 id="changes-heading">リリース 1 から 2 への変更点</h2>')
    expect(redline).toContain(`<h5>名前</h5>\n<p>${OLD_NAME}<ins>の提供</ins></p>`)
    expect(page.text).toContain('<a href="#changes">リリース 1 から 2 への変更点</a>')
    // Validators and HEAD, as on every public page.
    const etag = page.headers.get('etag') ?? ''
    expect(etag).not.toBe('')
    expect(
      (await publicGet(site, '/partners/ja/upcoming/2', { 'If-None-Match': etag })).status,
    ).toBe(304)
    const lastModified = Date.parse(page.headers.get('last-modified') ?? '')
    expect(lastModified).toBeLessThanOrEqual(Date.now())
    const head = await main.request('/partners/ja/upcoming/2', { method: 'HEAD' })
    expect([head.status, head.text]).toEqual([200, ''])
    expect((await site.request('/partners/ja/upcoming/2', { method: 'POST' })).status).toBe(405)
  })

  it('is linked from the notice on the current page, which keeps its JSON link', async () => {
    const current = await fromBoth('/partners/ja')
    expect(current.text).toContain('<a href="/partners/ja/upcoming/2">リリース 2</a>')
    expect(current.text).toContain('<a href="/content/v1/partners/ja/upcoming">')
    expect(current.text).toContain(`${OLD_NAME}</th>`)
    expect(current.text).not.toContain(`${ANNOUNCED_NAME}</th>`)
  })

  it('has an entry in the feed, marked as announced, with its effective date, linking to its page', async () => {
    expect(await entryIds()).toEqual([`${TAG}/upcoming/2`, `${TAG}/releases/1`])
    const entry = "//*[local-name()='entry'][1]"
    expect(await feedXpath(`string(${entry}/*[local-name()='title'])`)).toMatch(
      /^予告:リリース 2\(.+発効\)— 地図の名称を変更$/,
    )
    expect(await feedXpath(`string(${entry}/*[local-name()='category']/@term)`)).toBe('announced')
    expect(
      await feedXpath(
        `string(${entry}/*[local-name()='effective' and namespace-uri()='urn:kaiji:atom:1'])`,
      ),
    ).toBe(announcedAt)
    expect(await feedXpath(`string(${entry}/*[local-name()='link']/@href)`)).toBe(
      `${site.baseURL}/partners/ja/upcoming/2`,
    )
  })

  it('is linked from the JSON, which changes in nothing else', async () => {
    const links = { page: '/partners/ja/upcoming/2', redline: '/partners/ja/upcoming/2#changes' }
    const upcoming = (await fromBoth('/content/v1/partners/ja/upcoming')).body as Upcoming
    expect(upcoming.upcoming.map((entry) => [entry.release.number, entry.links])).toEqual([
      [2, links],
    ])
    expect(Object.keys(upcoming.upcoming[0] ?? {})).toEqual([
      'locale',
      'release',
      'page',
      'categories',
      'translation',
      'changesFromCurrent',
      'links',
    ])
    const delivered = (await fromBoth('/content/v1/partners/ja')).body as Delivered
    expect(delivered.release.number).toBe(1)
    expect(delivered.upcoming).toEqual([
      {
        number: 2,
        summary: '地図の名称を変更',
        changeType: 'material',
        effectiveAt: announcedAt,
        publishedAt: expect.any(String),
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        rollbackOf: null,
        status: 'upcoming',
        links,
      },
    ])
    expect(((await fromBoth('/partners/ja.json')).body as Delivered).upcoming[0]?.links).toEqual(
      links,
    )
  })

  it('is the only announced page: 404 for a release in effect, an unknown one, another locale; 400 for a malformed number', async () => {
    for (const path of [
      '/partners/ja/upcoming/1',
      '/partners/ja/upcoming/3',
      '/partners/en/upcoming/1',
      '/partners/xx/upcoming/2',
    ]) {
      const answer = await fromBoth(path)
      expect({ path, status: answer.status }).toEqual({ path, status: 404 })
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    }
    expect((await fromBoth('/partners/ja/upcoming/1')).text).toContain(
      '<p>There is no announced ja release 1.</p>',
    )
    for (const path of ['/partners/ja/upcoming/x', '/partners/ja/upcoming/0'])
      expect({ path, status: (await fromBoth(path)).status }).toEqual({ path, status: 400 })
    // Its archive page and its diffs still open only on its date.
    for (const path of ['/partners/ja/releases/2', '/partners/ja/diff/1/2'])
      expect({ path, status: (await fromBoth(path)).status }).toEqual({ path, status: 404 })
  })
})

describe('superseded, then in effect', () => {
  beforeAll(async () => {
    // An urgent change taking effect before release 2 supersedes it: release 2 will never take effect.
    await approveChange(main, { subject: 'maps', locale: 'ja', data: { name: URGENT_NAME } })
    urgentAt = new Date(Date.now() + URGENT_NOTICE_MS).toISOString()
    const published = await releaseAction(main, 'publish', {
      locale: 'ja',
      summary: '地図の名称を至急変更',
      changeType: 'material',
      effectiveAt: urgentAt,
      urgencyReason: '提供会社の変更',
    })
    expect(published.status).toBe(201)
    expect(published.body.release).toMatchObject({ number: 3, effectiveAt: urgentAt })
  }, 60_000)

  it('a superseded release has no page, no link and no entry; the one that supersedes it has them', async () => {
    expect((await fromBoth('/partners/ja/upcoming/2')).status).toBe(404)
    const page = await fromBoth('/partners/ja/upcoming/3')
    expect(page.status).toBe(200)
    expect(page.text).toContain(`<h5>名前</h5>\n<p>${OLD_NAME}<ins>サービス</ins></p>`)
    const current = (await fromBoth('/partners/ja')).text
    expect(current).toContain('<a href="/partners/ja/upcoming/3">リリース 3</a>')
    expect(current).not.toContain('/partners/ja/upcoming/2')
    expect(await entryIds()).toEqual([`${TAG}/upcoming/3`, `${TAG}/releases/1`])
    const upcoming = (await fromBoth('/content/v1/partners/ja/upcoming')).body as Upcoming
    expect(upcoming.upcoming.map((entry) => entry.release.number)).toEqual([3])
    // The checks above ran while release 3 was still announced.
    expect(Date.now()).toBeLessThan(Date.parse(urgentAt))
  })

  it(
    'at its date, its page redirects to its archive page and the feed has it among the releases in effect',
    async () => {
      const moved = await waitFor(
        'release 3 in effect on the public site',
        async () => {
          const answer = await publicGet(site, '/partners/ja/upcoming/3')
          return answer.status === 301 ? answer : null
        },
        URGENT_NOTICE_MS + 10_000,
      )
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(urgentAt))
      expect(moved.headers.get('location')).toBe('/partners/ja/releases/3')
      await waitFor(
        'release 3 in effect on the main server',
        async () =>
          (await publicGet(main, '/partners/ja/upcoming/3')).status === 301 ? true : null,
        5_000,
      )
      const redirected = await fromBoth('/partners/ja/upcoming/3')
      expect([redirected.status, redirected.text]).toEqual([301, ''])
      const archived = await fromBoth('/partners/ja/releases/3')
      expect(archived.status).toBe(200)
      expect(archived.text).toContain(`${URGENT_NAME}</th>`)

      expect(await entryIds()).toEqual([`${TAG}/releases/3`, `${TAG}/releases/1`])
      expect(await feedXpath("count(//*[local-name()='category'])")).toBe('0')
      const current = await fromBoth('/partners/ja')
      expect(current.text).not.toContain('upcoming-heading')
      expect(current.text).toContain(`${URGENT_NAME}</th>`)
      expect(((await fromBoth('/content/v1/partners/ja')).body as Delivered).upcoming).toEqual([])
      // Release 2 never takes effect: still no page, and no redirect either.
      expect((await fromBoth('/partners/ja/upcoming/2')).status).toBe(404)
      // Release 1 took effect at once, never announced: nothing to redirect from.
      expect((await fromBoth('/partners/ja/upcoming/1')).status).toBe(404)
    },
    URGENT_NOTICE_MS + 30_000,
  )
})
