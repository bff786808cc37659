import { KNOWN_CATEGORY_KEYS } from '@seed/categoryKeys'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { paragraphsToRichText } from '@/utilities/lexical'
import { approveChange, publicGet, releaseAction } from '@support/contentChanges'
import { runScript } from '@support/server.mjs'
import { startIsolatedServer } from '@support/testServer'
import type { ApiClient, TestUserName } from '../helpers/http'

/**
 * The site-settings global: admins only (REST and GraphQL), checked input, every change audited and
 * versioned, and applied to the public pages at once, in every process.
 */

type Settings = {
  siteName?: string | null
  privacyPolicyUrl?: string | null
  footerNote?: string | null
  logo?: string | null
}
type AuditEvent = {
  action: string
  subject: string
  locale: string
  actorLabel: string
  reason: string | null
  contentHash: string | null
}
type Delivered = {
  availableLocales: string[]
  release: { number: number; summary: string }
}

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>'
const svgBase64 = Buffer.from(SVG).toString('base64')

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient
let site: ApiClient
let another: ApiClient
/** KAIJI_STATIC_EXPORT_DIR: the static copy the main server keeps. */
let kept: string

beforeAll(async () => {
  kept = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-settings-export-')), 'kept')
  server = await startIsolatedServer('site-settings', {
    KAIJI_PUBLIC_PORT: '0',
    KAIJI_STATIC_EXPORT_DIR: kept,
  })
  if (!server.publicSite) throw new Error('the public site did not start')
  api = server.client
  site = server.publicSite
  another = await server.startAnother({ KAIJI_PUBLIC_PORT: 'off' })
}, 240_000)
afterAll(async () => {
  await server?.stop()
  if (kept) fs.rmSync(path.dirname(kept), { recursive: true, force: true })
})

const token = async (who: TestUserName | null) => (who ? api.login(who) : undefined)
const save = async (who: TestUserName | null, locale: string, json: unknown) =>
  api.request<{
    errors?: Array<{ message: string; data?: { errors?: Array<{ message: string }> } }>
  }>(`/api/globals/site-settings?locale=${locale}`, {
    method: 'POST',
    token: await token(who),
    json,
  })
const read = async (locale = 'ja') =>
  (
    await api.request<Settings>(`/api/globals/site-settings?locale=${locale}`, {
      token: await api.login('admin'),
    })
  ).body
const settingsEvents = async () =>
  (
    await api.request<{ docs: AuditEvent[] }>(
      '/api/audit-events?where[subject][equals]=site-settings&sort=-id&limit=50',
      { token: await api.login('admin') },
    )
  ).body.docs
const versionCount = async () =>
  (
    await api.request<{ totalDocs: number }>('/api/globals/site-settings/versions?limit=1', {
      token: await api.login('admin'),
    })
  ).body.totalDocs
/** Everything a refusal must leave as it was: the settings in every locale, the trail, the versions. */
const snapshot = async () => [
  await read('ja'),
  await read('en'),
  (await settingsEvents()).length,
  await versionCount(),
]

/** Polls a public page until it contains `text`; fails after 5 s. */
const eventually = async (client: ApiClient, path: string, text: string): Promise<string> => {
  const until = Date.now() + 5_000
  for (;;) {
    const page = await publicGet(client, path)
    if (page.text.includes(text)) return page.text
    if (Date.now() > until) throw new Error(`${client.baseURL}${path} never showed ${text}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('who may read and change the site settings', () => {
  it.each<TestUserName | null>([null, 'translatorEn', 'editor', 'reviewer'])(
    '%s cannot change them (REST and GraphQL); nothing changes',
    async (who) => {
      const before = await snapshot()
      const rest = await save(who, 'ja', { siteName: 'Taken over' })
      expect([401, 403]).toContain(rest.status)
      const graph = await api.graphql(
        'mutation { updateSiteSetting(locale: ja, data: { siteName: "Taken over" }) { siteName } }',
        await token(who),
      )
      expect(graph.body.errors?.length).toBeGreaterThan(0)
      expect(graph.body.errors?.[0]?.message).toMatch(/not allowed|Forbidden|permission/i)
      expect(await snapshot()).toEqual(before)
      expect(await publicGet(api, '/partners/ja').then((page) => page.text)).not.toContain(
        'Taken over',
      )
    },
  )

  it('the public cannot read them through the API; everyone signed in can (REST and GraphQL)', async () => {
    expect([401, 403]).toContain((await api.request('/api/globals/site-settings')).status)
    const anonymous = await api.graphql<{ SiteSetting: unknown }>('{ SiteSetting { siteName } }')
    expect(anonymous.body.data?.SiteSetting ?? null).toBeNull()
    expect(anonymous.body.errors?.[0]?.message).toMatch(/not allowed/i)
    for (const who of ['translatorEn', 'editor', 'reviewer', 'admin'] as const) {
      const rest = await api.request('/api/globals/site-settings', { token: await token(who) })
      expect({ who, status: rest.status }).toEqual({ who, status: 200 })
      const graph = await api.graphql<{ SiteSetting: unknown }>(
        '{ SiteSetting(locale: ja) { siteName } }',
        await token(who),
      )
      expect(graph.body.errors).toBeUndefined()
    }
  })
})

describe('bad input is refused, naming the problem, and changes nothing', () => {
  it.each([
    ['a javascript: privacy link', { privacyPolicyUrl: 'javascript:alert(1)' }, /javascript: link/],
    ['an http: privacy link', { privacyPolicyUrl: 'http://example.com/privacy' }, /http: link/],
    ['a protocol-relative link', { privacyPolicyUrl: '//evil.example/p' }, /another host/],
    [
      'a GIF logo',
      { logo: `data:image/gif;base64,${Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64')}` },
      /not a PNG, WebP or SVG/,
    ],
    [
      'an SVG logo with a script',
      {
        logo: `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64')}`,
      },
      /script/,
    ],
    ['a logo that is a URL', { logo: 'https://example.com/logo.png' }, /data: URI/],
    [
      'a logo over 32 KB',
      { logo: `data:image/png;base64,${'A'.repeat(60_000)}` },
      /logo has 60022 characters; at most/,
    ],
    ['a site name of the wrong type', { siteName: 42 }, /siteName must be text, not number/],
    ['a site name over 100 characters', { siteName: 'x'.repeat(101) }, /at most 100/],
  ])('%s', async (_what, body, problem) => {
    const before = await snapshot()
    const refused = await save('admin', 'ja', body)
    expect(refused.status).toBe(400)
    const said = [
      refused.body.errors?.[0]?.message ?? '',
      ...(refused.body.errors?.[0]?.data?.errors?.map((error) => error.message) ?? []),
    ].join(' ')
    expect(said).toMatch(problem)
    expect(await snapshot()).toEqual(before)
  })

  it('an unknown locale', async () => {
    const before = await snapshot()
    const refused = await save('admin', 'de', { siteName: 'X' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.message).toMatch(/Unknown locale "de"/)
    expect(await snapshot()).toEqual(before)
  })
})

describe('an administrator’s change applies at once, audited and versioned', () => {
  it('shows on the public pages of every process: the next request here, the others within their poll', async () => {
    const versions = await versionCount()
    const saved = await save('admin', 'ja', {
      siteName: 'ゼンリー',
      privacyPolicyUrl: '/privacy',
      footerNote: '© Zenly Japan',
      // Claimed as PNG; its bytes are SVG, and it is kept as what it is.
      logo: `data:image/png;base64,${svgBase64}`,
    })
    expect(saved.status).toBe(200)
    const page = (await publicGet(api, '/partners/ja')).text
    expect(page).toContain(
      `<a class="site-brand" href="/partners/ja"><img class="site-logo" src="data:image/svg+xml;base64,${svgBase64}" alt=""><span>ゼンリー</span></a>`,
    )
    expect(page).toContain('<a class="privacy-link" href="/privacy">プライバシーポリシー</a>')
    expect(page).toContain('<p>© Zenly Japan</p>')
    await eventually(site, '/partners/ja', '<span>ゼンリー</span>')
    await eventually(another, '/partners/ja/history', '<span>ゼンリー</span>')
    // The static export is rewritten as after a publish.
    const exported = path.join(kept, 'partners/ja/index.html')
    const until = Date.now() + 30_000
    while (!(
      fs.existsSync(exported) && fs.readFileSync(exported, 'utf8').includes('<span>ゼンリー</span>')
    )) {
      if (Date.now() > until) throw new Error('the static export never showed the new site name')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect((await read('ja')).logo).toBe(`data:image/svg+xml;base64,${svgBase64}`)
    expect(await versionCount()).toBe(versions + 1)

    const [event] = await settingsEvents()
    expect(event).toMatchObject({
      action: 'site-settings-change',
      subject: 'site-settings',
      locale: 'ja',
      reason: 'changed: siteName, logo, privacyPolicyUrl, footerNote',
    })
    expect(event?.actorLabel).toContain('admin@kaiji.test')
    expect(event?.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('other languages fall back to the Japanese values until they have their own', async () => {
    expect((await publicGet(api, '/partners/en')).status).toBe(404)
    const saved = await save('admin', 'en', { privacyPolicyUrl: 'https://example.com/en/privacy' })
    expect(saved.status).toBe(200)
    const [event] = await settingsEvents()
    expect(event).toMatchObject({ locale: 'en', reason: 'changed: privacyPolicyUrl' })
    // The 404 page of a locale with no release carries no chrome; the ja page keeps its own link.
    expect((await publicGet(api, '/partners/ja')).text).toContain('href="/privacy"')
  })

  it('leaves the audit trail’s hash chain whole (npm run audit:verify)', async () => {
    const verified = await runScript('src/cli/auditVerify.ts', [], {
      KAIJI_DATA_DIR: server.dataDir,
    })
    expect(verified.code).toBe(0)
  })

  it('a save that changes nothing writes no audit event', async () => {
    const events = (await settingsEvents()).length
    expect((await save('admin', 'ja', { siteName: 'ゼンリー' })).status).toBe(200)
    expect((await settingsEvents()).length).toBe(events)
  })

  it('restoring a version (admins only) is audited and shown at once', async () => {
    const { body } = await api.request<{ docs: Array<{ id: number; version: Settings }> }>(
      '/api/globals/site-settings/versions?sort=-createdAt&limit=1&locale=ja',
      { token: await api.login('admin') },
    )
    const first = body.docs[0]
    if (!first) throw new Error('no version of the site settings')
    expect(first.version.siteName).toBe('ゼンリー')
    expect((await save('admin', 'ja', { siteName: '一時的な名前' })).status).toBe(200)
    expect((await publicGet(api, '/partners/ja')).text).toContain('<span>一時的な名前</span>')
    const refused = await api.request(`/api/globals/site-settings/versions/${first.id}`, {
      method: 'POST',
      token: await api.login('editor'),
    })
    expect([401, 403]).toContain(refused.status)
    const restored = await api.request(`/api/globals/site-settings/versions/${first.id}`, {
      method: 'POST',
      token: await api.login('admin'),
    })
    expect(restored.status).toBe(200)
    expect((await publicGet(api, '/partners/ja')).text).toContain('<span>ゼンリー</span>')
    const [event] = await settingsEvents()
    expect(event?.action).toBe('site-settings-restore')
  })
})

describe('languages, dates and the import release on the public site', () => {
  it('before a translation is in effect: ja alone is available, the others are named as not yet available', async () => {
    const delivered = (await publicGet(api, '/content/v1/partners/ja')).body as Delivered
    expect(delivered.availableLocales).toEqual(['ja'])
    const releases = (await publicGet(api, '/content/v1/partners/ja/releases')).body as {
      availableLocales: string[]
    }
    expect(releases.availableLocales).toEqual(['ja'])
    const exported = (await publicGet(api, '/partners/ja.json')).body as Delivered
    expect(exported.availableLocales).toEqual(['ja'])
    const page = (await publicGet(api, '/partners/ja')).text
    expect(page).toContain(
      '<li><span lang="en">English</span> <span class="unavailable">(準備中)</span></li>',
    )
    expect(page).not.toContain('href="/partners/en"')
  })

  it('the import release reads as a sentence; the JSON keeps its summary with the SHA-256', async () => {
    const history = (await publicGet(api, '/partners/ja/history')).text
    expect(history).toContain('元の日本語ページから取り込んだ最初の版')
    expect(history).not.toContain('sha256')
    const first = (await publicGet(api, '/content/v1/partners/ja/releases/1')).body as Delivered
    expect(first.release.summary).toMatch(
      /^Imported from zenly-partners\.ja\.txt \(sha256 [0-9a-f]{64}\)\.$/,
    )
  })

  it('dates are in KAIJI_TIMEZONE (Asia/Tokyo by default), with the instant in <time datetime>', async () => {
    const history = (await publicGet(api, '/partners/ja/history')).text
    expect(history).toMatch(
      /<time datetime="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z">\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2} \(JST\)<\/time>/,
    )
  })

  it('once an English release is in effect: linked both ways, hreflang alternates, listed in the JSON', async () => {
    await approveChange(api, {
      subject: 'page',
      locale: 'en',
      editor: 'translatorEn',
      data: { title: 'Our partners', intro: paragraphsToRichText(['Partners.']) },
    })
    for (const key of Object.values(KNOWN_CATEGORY_KEYS))
      await approveChange(api, {
        subject: key,
        locale: 'en',
        editor: 'translatorEn',
        data: { name: `EN ${key}` },
      })
    const published = await releaseAction(api, 'publish', {
      locale: 'en',
      summary: 'First English version',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    for (const client of [api, site]) {
      const ja = await eventually(client, '/partners/ja', 'href="/partners/en"')
      expect(ja).toContain('<a href="/partners/en" hreflang="en" lang="en">English</a>')
      expect(ja).toContain(
        '<li><span lang="fr">Français</span> <span class="unavailable">(準備中)</span></li>',
      )
      const publicUrl =
        /<link rel="alternate" hreflang="ja" href="(https?:\/\/[^"]+)\/partners\/ja">/.exec(ja)?.[1]
      expect(publicUrl).toBeDefined()
      expect(ja).toContain(`<link rel="alternate" hreflang="en" href="${publicUrl}/partners/en">`)
      expect(ja).toContain(
        `<link rel="alternate" hreflang="x-default" href="${publicUrl}/partners/ja">`,
      )
      const en = (await publicGet(client, '/partners/en')).text
      expect(en).toContain('<a href="/partners/ja" hreflang="ja" lang="ja">日本語</a>')
      // Site chrome falls back to the Japanese values; the English privacy link is its own.
      expect(en).toContain('<span>ゼンリー</span>')
      expect(en).toContain(
        '<a class="privacy-link" href="https://example.com/en/privacy">Privacy policy</a>',
      )
      const delivered = (await publicGet(client, '/content/v1/partners/en')).body as Delivered
      expect(delivered.availableLocales).toEqual(['ja', 'en'])
    }
  })
})
