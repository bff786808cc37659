import {
  approveChange,
  categoryIdByKey,
  editContent,
  publicGet,
  releaseAction,
} from '@support/contentChanges'
import type { ApiClient } from '../helpers/http'
import { expectEncodedRepresentations } from '../helpers/encodings'
import { getBytes } from '../helpers/rawRequest'
import { startIsolatedServer } from '@support/testServer'

type Delivered = {
  locale: string
  release: {
    number: number
    summary: string
    status: string
    effectiveAt: string
    contentHash: string
  }
  page: { title: string | null; intro: { lexical: unknown; html: string } | null }
  categories: Array<{
    key: string
    icon: string | null
    name: string | null
    description: { html: string } | null
  }>
  translation: {
    behindSource: boolean
    sourceUpdatedAt: string | null
    translatedFromSourceRelease: number | null
    sourceReleaseInEffect: number | null
  }
  upcoming: Array<{ number: number; summary: string }>
}
type Errors = { errors?: Array<{ message: string }> }

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('publishing')
  api = server.client
}, 120_000)
afterAll(async () => server?.stop())

const current = async (locale = 'ja') =>
  (await publicGet(api, `/content/v1/partners/${locale}`)).body as Delivered
const releaseCount = async () =>
  (
    await api.request<{ totalDocs: number }>('/api/releases?limit=1', {
      token: await api.login('admin'),
    })
  ).body.totalDocs
const auditCount = async () =>
  (
    await api.request<{ totalDocs: number }>('/api/audit-events?limit=1', {
      token: await api.login('admin'),
    })
  ).body.totalDocs
const jaState = async (subject: string) => {
  const path =
    subject === 'page'
      ? '/api/globals/partners-page/workflow'
      : `/api/partner-categories/${await categoryIdByKey(api, subject)}/workflow`
  return (
    await api.request<{ state: string }>(`${path}?locale=ja`, { token: await api.login('editor') })
  ).body.state
}

/** Every public representation of the current release, plus the archive and diff of `number`. */
const publicRoutes = (number: number) => [
  '/content/v1/partners/ja',
  `/content/v1/partners/ja/releases/${number}`,
  `/content/v1/partners/ja/releases/1/diff/${number}`,
  '/partners/ja',
  `/partners/ja/releases/${number}`,
  `/partners/ja/diff/1/${number}`,
  '/partners/ja.json',
  '/partners/ja.csv',
]

describe('release 1', () => {
  it('is the imported source, published by the first start', async () => {
    const delivered = await current()
    expect(delivered.release).toMatchObject({ number: 1, status: 'current' })
    expect(delivered.release.summary).toMatch(
      /^Imported from zenly-partners\.ja\.txt \(sha256 [0-9a-f]{64}\)\.$/,
    )
    expect(delivered.categories.map((category) => category.key)).toEqual([
      'cloud-platform',
      'bug-detection',
      'maps',
      'sms-providers',
      'analytics',
      'marketing',
      'support',
      'internal-tools',
    ])
    expect(delivered.categories[0]).toMatchObject({
      icon: '⛅',
      name: 'クラウド プラットフォーム:計算とストレージ',
    })
    expect(delivered.page.intro?.html).toMatch(/^<p>多くの企業と同様に/)
    expect(delivered.translation.behindSource).toBe(false)
    expect(await jaState('maps')).toBe('published')
  })
})

describe('who may publish', () => {
  it.each([
    ['publish', { locale: 'ja', summary: 'x', changeType: 'editorial' }],
    ['rollback', { locale: 'ja', toRelease: 1, reason: 'x' }],
  ] as const)('%s: anonymous 401, editor and translator 403', async (action, body) => {
    expect((await releaseAction(api, action, body, null)).status).toBe(401)
    for (const who of ['editor', 'editor2', 'translatorEn'] as const) {
      const refused = await releaseAction(api, action, body, who)
      expect(refused.status).toBe(403)
      expect(refused.body.errors?.[0]?.message).toMatch(/Only legal reviewers and admins/)
    }
    expect(await releaseCount()).toBe(1)
  })

  it('releases cannot be created, changed or deleted by anyone, admin included (REST and GraphQL)', async () => {
    const admin = await api.login('admin')
    const before = (await api.request('/api/releases/1', { token: admin })).text
    expect(
      (
        await api.request('/api/releases/1', {
          method: 'PATCH',
          token: admin,
          json: { summary: 'rewritten' },
        })
      ).status,
    ).toBe(403)
    expect((await api.request('/api/releases/1', { method: 'DELETE', token: admin })).status).toBe(
      403,
    )
    expect(
      (
        await api.request('/api/releases?where[locale][equals]=ja', {
          method: 'DELETE',
          token: admin,
        })
      ).status,
    ).toBe(403)
    const create = await api.request('/api/releases', {
      method: 'POST',
      token: admin,
      json: {
        title: 't',
        locale: 'ja',
        number: 2,
        summary: 's',
        changeType: 'editorial',
        effectiveAt: new Date().toISOString(),
      },
    })
    expect(create.status).toBe(403)
    for (const mutation of [
      'mutation { updateRelease(id: 1, data: { summary: "rewritten" }) { id } }',
      'mutation { deleteRelease(id: 1) { id } }',
      'mutation { createRelease(data: { title: "t", locale: ja, number: 2, summary: "s", changeType: editorial, effectiveAt: "2030-01-01", publishedAt: "2030-01-01", publishedBy: "x", approvers: [], contentHash: "x", content: {}, sources: [] }) { id } }',
    ]) {
      const { body } = await api.graphql(mutation, admin)
      expect(body.errors?.[0]?.message).toMatch(/not allowed|Forbidden/i)
    }
    expect((await api.request('/api/releases/1', { token: admin })).text).toBe(before)
    expect(await releaseCount()).toBe(1)
  })
})

describe('bad publish and rollback requests change nothing', () => {
  const soon = () => new Date(Date.now() + 60_000).toISOString()
  it.each([
    ['malformed JSON', 'publish', '{"locale": "ja",', /must be a JSON object/],
    ['an array', 'publish', '["ja"]', /must be a JSON object/],
    [
      'an unknown locale',
      'publish',
      { locale: 'de', summary: 's', changeType: 'editorial' },
      /Unknown locale "de"/,
    ],
    [
      'a missing summary',
      'publish',
      { locale: 'ja', changeType: 'editorial' },
      /"summary" is required/,
    ],
    [
      'a blank summary',
      'publish',
      { locale: 'ja', summary: '   ', changeType: 'editorial' },
      /"summary" is required/,
    ],
    [
      'an oversized summary',
      'publish',
      { locale: 'ja', summary: 'x'.repeat(2001), changeType: 'editorial' },
      /at most 2000/,
    ],
    [
      'a wrong change type',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'minor' },
      /"changeType" must be one of material, editorial/,
    ],
    [
      'a misspelt field',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', efectiveAt: soon() },
      /Unknown field\(s\) "efectiveAt"/,
    ],
    [
      'an invalid date',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', effectiveAt: '31/12/2030' },
      /not a valid ISO 8601 date/,
    ],
    [
      'a day February does not have (Date.parse would move it to March)',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', effectiveAt: '2030-02-30T00:00:00Z' },
      /not a valid ISO 8601 date/,
    ],
    [
      'a time without an offset (it would be read in the server zone)',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', effectiveAt: '2030-01-20 00:00' },
      /not a valid ISO 8601 date/,
    ],
    [
      'a date in the past',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', effectiveAt: '2020-01-01T00:00:00Z' },
      /is in the past/,
    ],
    [
      'a numeric date',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', effectiveAt: 1 },
      /ISO 8601 date string/,
    ],
    [
      'a non-numeric release',
      'rollback',
      { locale: 'ja', toRelease: 'one', reason: 'r' },
      /"toRelease" must be a release number/,
    ],
    [
      'release 0',
      'rollback',
      { locale: 'ja', toRelease: 0, reason: 'r' },
      /"toRelease" must be a release number/,
    ],
    ['no reason', 'rollback', { locale: 'ja', toRelease: 1 }, /"reason" is required/],
    [
      'a content hash that is not a hash',
      'publish',
      { locale: 'ja', summary: 's', changeType: 'editorial', contentHash: 'current' },
      /"contentHash" must be the 64 lowercase hexadecimal characters/,
    ],
  ] as const)('%s → 400', async (_label, action, body, message) => {
    const before = [await releaseCount(), await auditCount()]
    const refused = await releaseAction(api, action, body)
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.message).toMatch(message)
    expect([await releaseCount(), await auditCount()]).toEqual(before)
  })

  it('nothing approved differs from the current release → 409', async () => {
    const refused = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'again',
      changeType: 'editorial',
    })
    expect(refused.status).toBe(409)
    expect(refused.body.errors?.[0]?.message).toBe(
      'Nothing to publish: the approved ja content is identical to release 1.',
    )
  })

  it('a locale without approved content is refused, listing what lacks it', async () => {
    const refused = await releaseAction(api, 'publish', {
      locale: 'en',
      summary: 'first',
      changeType: 'editorial',
    })
    expect(refused.status).toBe(409)
    const message = refused.body.errors?.[0]?.message ?? ''
    expect(message).toMatch(
      /^Cannot publish en: no approved en content for the partners page, category "cloud-platform", /,
    )
    expect(message).toContain('category "internal-tools"')
    expect(await releaseCount()).toBe(1)
  })

  it('rolling back to a release that does not exist is 404', async () => {
    const refused = await releaseAction(api, 'rollback', {
      locale: 'ja',
      toRelease: 99,
      reason: 'r',
    })
    expect(refused.status).toBe(404)
    expect(refused.body.errors?.[0]?.message).toBe(
      'There is no ja release 99 in effect to roll back to.',
    )
  })
})

describe('publishing ships exactly what was approved', () => {
  const APPROVED = 'クラウド基盤(承認済みの名称)'
  const UNAPPROVED = 'UNAPPROVED-WORKING-COPY'

  const previewedHash = async () =>
    (
      await api.request<{ contentHash: string }>('/api/releases/prospect?locale=ja', {
        token: await api.login('reviewer'),
      })
    ).body.contentHash

  it('publishes the approved text, never a later edit, on every public route', async () => {
    const previewedBefore = await previewedHash()
    await approveChange(api, { subject: 'cloud-platform', locale: 'ja', data: { name: APPROVED } })
    await editContent(api, { subject: 'cloud-platform', locale: 'ja', data: { name: UNAPPROVED } })
    const auditBefore = await auditCount()

    const request = {
      locale: 'ja',
      summary: 'Rename the cloud platform category',
      changeType: 'editorial',
    }
    // A preview read before the approval: the content confirmed is not the content approved now.
    const outdated = await releaseAction(api, 'publish', {
      ...request,
      contentHash: previewedBefore,
    })
    expect(outdated.status).toBe(409)
    expect(outdated.body.errors?.[0]).toMatchObject({
      code: 'content-changed',
      message: expect.stringMatching(/changed since the preview was read: nothing was published/),
    })
    expect([await releaseCount(), await auditCount()]).toEqual([1, auditBefore])

    const published = await releaseAction(api, 'publish', {
      ...request,
      contentHash: await previewedHash(),
    })
    expect(published.status).toBe(201)
    expect(published.body.release).toMatchObject({ number: 2, rollbackOf: null })

    for (const path of publicRoutes(2)) {
      const { status, text } = await publicGet(api, path)
      expect([path, status]).toEqual([path, 200])
      expect(text).toContain(APPROVED)
      expect(text).not.toContain(UNAPPROVED)
    }
    // The edited category stays a draft; everything else in the release is now published.
    expect(await jaState('cloud-platform')).toBe('draft')
    expect(await jaState('page')).toBe('published')
    const { body } = await api.request<{
      docs: Array<{ action: string; subject: string; toState: string }>
    }>(`/api/audit-events?sort=-id&limit=${(await auditCount()) - auditBefore}`, {
      token: await api.login('admin'),
    })
    expect(body.docs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'publish',
          subject: 'releases:ja',
          toState: 'release 2',
        }),
      ]),
    )
  })

  it('history, feed and diff describe the release', async () => {
    const history = await publicGet(api, '/partners/ja/history')
    expect(history.text).toContain('Rename the cloud platform category')
    expect(history.text).toContain('href="/partners/ja/releases/1"')
    const feed = await publicGet(api, '/partners/ja/feed.atom')
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(feed.text.match(/<entry>/g)).toHaveLength(2)
    const diff = await publicGet(api, '/partners/ja/diff/1/2')
    expect(diff.text).toMatch(/<ins>[^<]*承認済み/)
    expect(diff.text).toMatch(/<del>[^<]*<\/del>/)
    const structured = (await publicGet(api, '/content/v1/partners/ja/releases/1/diff/2')).body as {
      categories: {
        changed: Array<{
          key: string
          fields: Array<{ field: string; changes: Array<{ kind: string; text: string }> }>
        }>
      }
    }
    expect(structured.categories.changed).toEqual([
      expect.objectContaining({
        key: 'cloud-platform',
        fields: [expect.objectContaining({ field: 'name' })],
      }),
    ])
    expect(structured.categories.changed[0]?.fields[0]?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'insert' }),
        expect.objectContaining({ kind: 'equal' }),
      ]),
    )
    const csv = await fetch(`${api.baseURL}/partners/ja.csv`)
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="partners-ja-release-2.csv"',
    )
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('\r\n')
  })

  it('serves strong ETags with 304, Last-Modified and Cache-Control', async () => {
    for (const path of ['/content/v1/partners/ja', '/partners/ja', '/partners/ja/feed.atom']) {
      const first = await publicGet(api, path, { 'Accept-Encoding': 'identity' })
      const etag = first.headers.get('etag') ?? ''
      expect(etag).toMatch(/^"[0-9a-f]{16}-[\w-]+"$/)
      expect(first.headers.get('cache-control')).toBe(
        'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
      )
      expect(Number.isNaN(Date.parse(first.headers.get('last-modified') ?? ''))).toBe(false)
      const again = await publicGet(api, path, {
        'Accept-Encoding': 'identity',
        'If-None-Match': etag,
      })
      expect([again.status, again.text]).toEqual([304, ''])
      expect(again.headers.get('etag')).toBe(etag)
      expect((await publicGet(api, path, { 'If-None-Match': '"something-else"' })).status).toBe(200)
    }
    const head = await api.request('/content/v1/partners/ja', { method: 'HEAD' })
    expect([head.status, head.text, head.headers.get('content-type')]).toEqual([
      200,
      '',
      'application/json; charset=utf-8',
    ])
    expect(
      (await api.request('/content/v1/partners/ja', { method: 'POST', json: {} })).status,
    ).toBe(405)
  })

  it('keeps every public answer compressed with brotli and gzip, chosen by Accept-Encoding', async () => {
    for (const path of [
      '/content/v1/partners/ja',
      '/content/v1/partners/ja/releases',
      '/partners/ja',
      '/partners/ja/history',
      '/partners/ja/feed.atom',
      '/partners/ja.csv',
    ])
      await expectEncodedRepresentations(api.baseURL, path)
    // Errors and redirects are not kept, so not compressed: plain bytes, whatever the request accepts.
    const missing = await getBytes(api.baseURL, '/content/v1/partners/ja/releases/99', {
      'Accept-Encoding': 'br, gzip',
    })
    expect([missing.status, missing.headers['content-encoding']]).toEqual([404, undefined])
  })

  it('names the problem on unknown locales, missing releases and bad numbers', async () => {
    const unknown = await publicGet(api, '/content/v1/partners/de')
    expect([unknown.status, unknown.body]).toEqual([
      404,
      {
        errors: [{ message: 'Unknown locale "de"; available: ja, en, fr, ru.' }],
        locales: ['ja', 'en', 'fr', 'ru'],
      },
    ])
    const none = await publicGet(api, '/content/v1/partners/fr')
    expect([none.status, (none.body as Errors).errors?.[0]?.message]).toEqual([
      404,
      'No fr release is in effect yet.',
    ])
    expect((await publicGet(api, '/content/v1/partners/ja/releases/99')).status).toBe(404)
    expect((await publicGet(api, '/content/v1/partners/ja/releases/two')).status).toBe(400)
    const page = await publicGet(api, '/partners/de')
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })
})

describe('effective dates', () => {
  const TITLE = '取引先の一覧(予告版)'
  let scheduledAt = ''

  it('a material change with less than 30 days of notice needs an urgency reason', async () => {
    await approveChange(api, { subject: 'page', locale: 'ja', data: { title: TITLE } })
    const before = await releaseCount()
    const refused = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'New title',
      changeType: 'material',
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^A material change needs 30 days' notice .* Give an "urgencyReason"/,
    )
    expect(await releaseCount()).toBe(before)

    scheduledAt = new Date(Date.now() + 5_000).toISOString()
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'New title',
      changeType: 'material',
      effectiveAt: scheduledAt,
      urgencyReason: 'The regulator asked for it this week',
    })
    expect(published.status).toBe(201)
    expect(published.body.release).toMatchObject({ number: 3, effectiveAt: scheduledAt })
  })

  it('a future release is invisible on every route but /upcoming until its time', async () => {
    expect(Date.now()).toBeLessThan(Date.parse(scheduledAt))
    for (const path of [
      '/content/v1/partners/ja',
      '/partners/ja',
      '/partners/ja.json',
      '/partners/ja.csv',
      '/partners/ja/history',
      '/partners/ja/feed.atom',
      '/content/v1/partners/ja/releases',
    ]) {
      const { status, text } = await publicGet(api, path)
      expect([path, status]).toEqual([path, 200])
      expect(text).not.toContain(TITLE)
    }
    for (const path of [
      '/content/v1/partners/ja/releases/3',
      '/partners/ja/releases/3',
      '/partners/ja/diff/2/3',
      '/content/v1/partners/ja/releases/2/diff/3',
    ]) {
      expect([path, (await publicGet(api, path)).status]).toEqual([path, 404])
    }
    const delivered = await current()
    expect(delivered.release.number).toBe(2)
    expect(delivered.upcoming).toEqual([
      expect.objectContaining({ number: 3, summary: 'New title' }),
    ])
    const upcoming = (await publicGet(api, '/content/v1/partners/ja/upcoming')).body as {
      upcoming: Array<{ release: { number: number; effectiveAt: string }; page: { title: string } }>
    }
    expect(upcoming.upcoming).toEqual([
      expect.objectContaining({
        release: expect.objectContaining({ number: 3, effectiveAt: scheduledAt }),
        page: expect.objectContaining({ title: TITLE }),
      }),
    ])
    expect((await publicGet(api, '/partners/ja')).text).toContain('New title')
  })

  it('becomes the served release at its time, with no action', async () => {
    const deadline = Date.parse(scheduledAt) + 5_000
    while (Date.now() < Date.parse(scheduledAt))
      await new Promise((resolve) => setTimeout(resolve, 200))
    let delivered = await current()
    while (delivered.release.number !== 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      delivered = await current()
    }
    expect(delivered.release.number).toBe(3)
    expect(delivered.page.title).toBe(TITLE)
    expect(delivered.upcoming).toEqual([])
    expect((await publicGet(api, '/partners/ja')).text).toContain(TITLE)
  })
})

describe('rollback', () => {
  it('publishes an older release again as a new release; nothing is deleted', async () => {
    const release1 = (await publicGet(api, '/content/v1/partners/ja/releases/1')).body as Delivered
    const rolledBack = await releaseAction(api, 'rollback', {
      locale: 'ja',
      toRelease: 1,
      reason: 'The new title confused readers',
    })
    expect(rolledBack.status).toBe(201)
    expect(rolledBack.body.release).toMatchObject({
      number: 4,
      rollbackOf: 1,
      contentHash: release1.release.contentHash,
    })
    const delivered = await current()
    expect(delivered.release).toMatchObject({
      number: 4,
      summary: 'Rollback to release 1: The new title confused readers',
    })
    expect(delivered.categories).toEqual(release1.categories)
    expect(await releaseCount()).toBe(4)
    for (const number of [1, 2, 3])
      expect((await publicGet(api, `/content/v1/partners/ja/releases/${number}`)).status).toBe(200)
    // The page's approved title is no longer what is live: it is approved again, ready to republish.
    expect(await jaState('page')).toBe('approved')
    const again = await releaseAction(api, 'rollback', {
      locale: 'ja',
      toRelease: 1,
      reason: 'twice',
    })
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.message).toBe(
      'Release 1 has the same content as release 4, the newest ja release.',
    )
  })
})

describe('translations', () => {
  it('a target locale is published from its own approved content and says when the source moved on', async () => {
    const keys = [
      'cloud-platform',
      'bug-detection',
      'maps',
      'sms-providers',
      'analytics',
      'marketing',
      'support',
      'internal-tools',
    ]
    // The rollback left ja's approved title unpublished; a translation of it could not be published
    // before ja publishes it, so ja republishes its approvals first (release 5).
    const republished = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'The approved title again',
      changeType: 'editorial',
    })
    expect([republished.status, republished.body.release?.number]).toEqual([201, 5])
    await approveChange(api, {
      subject: 'page',
      locale: 'en',
      editor: 'translatorEn',
      data: { title: 'Our partners', authoritativeLanguageNote: 'The Japanese version prevails.' },
    })
    for (const key of keys) {
      await approveChange(api, {
        subject: key,
        locale: 'en',
        editor: 'translatorEn',
        data: { name: `EN ${key}` },
      })
    }
    const published = await releaseAction(api, 'publish', {
      locale: 'en',
      summary: 'First English version',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    let delivered = await current('en')
    expect(delivered.release.number).toBe(1)
    expect(delivered.categories.map((category) => category.name)).toEqual(
      keys.map((key) => `EN ${key}`),
    )
    // Structure comes from the source: same icons and order as ja.
    expect(delivered.categories[0]?.icon).toBe('⛅')
    expect(delivered.translation).toEqual(
      expect.objectContaining({
        behindSource: false,
        sourceUpdatedAt: null,
        translatedFromSourceRelease: 5,
        sourceReleaseInEffect: 5,
      }),
    )

    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図(更新)' } })
    expect(
      (
        await releaseAction(api, 'publish', {
          locale: 'ja',
          summary: 'Maps renamed',
          changeType: 'editorial',
        })
      ).status,
    ).toBe(201)
    delivered = await current('en')
    expect(delivered.translation).toEqual(
      expect.objectContaining({
        behindSource: true,
        translatedFromSourceRelease: 5,
        sourceReleaseInEffect: 6,
      }),
    )
    const ja = await current('ja')
    expect(delivered.translation.sourceUpdatedAt).toBe(ja.release.effectiveAt)
    const page = (await publicGet(api, '/partners/en')).text
    expect(page).toContain('The Japanese version prevails.')
    expect(page).toContain(
      'This translation follows Japanese release 5; Japanese release 6 is in effect.',
    )
    expect(page).toMatch(/<html lang="en"/)
  })
})

describe('concurrent publishes', () => {
  it('two reviewers publishing the same approvals at once get one release and one 409; numbers stay gap-free', async () => {
    await approveChange(api, {
      subject: 'support',
      locale: 'ja',
      data: { name: 'サポート(同時公開)' },
    })
    const before = await releaseCount()
    const body = { locale: 'ja', summary: 'Support renamed', changeType: 'editorial' }
    const results = await Promise.all([
      releaseAction(api, 'publish', body, 'reviewer'),
      releaseAction(api, 'publish', body, 'admin'),
    ])
    expect(results.map((result) => result.status).sort()).toEqual([201, 409])
    expect(await releaseCount()).toBe(before + 1)
    const { body: list } = await publicGet(api, '/content/v1/partners/ja/releases')
    const numbers = (list as { releases: Array<{ number: number }> }).releases.map(
      (release) => release.number,
    )
    expect(numbers).toEqual([...numbers.keys()].map((index) => numbers.length - index))
  })
})

describe('retiring a category', () => {
  it('is a reviewed change: the next release leaves the category out, and nothing is deleted', async () => {
    await approveChange(api, { subject: 'internal-tools', locale: 'ja', data: { retired: true } })
    const before = await current()
    expect(before.categories.map((category) => category.key)).toContain('internal-tools')
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'Internal tools no longer receive user data',
      changeType: 'material',
      urgencyReason: 'Only removes a recipient',
    })
    expect(published.status).toBe(201)
    const after = await current()
    expect(after.categories.map((category) => category.key)).toEqual(
      before.categories.map((category) => category.key).filter((key) => key !== 'internal-tools'),
    )
    const diff = (
      await publicGet(
        api,
        `/content/v1/partners/ja/releases/${before.release.number}/diff/${after.release.number}`,
      )
    ).body as {
      categories: { removed: Array<{ key: string }>; added: unknown[] }
    }
    expect(diff.categories.removed.map((category) => category.key)).toEqual(['internal-tools'])
    expect(diff.categories.added).toEqual([])
    expect(await categoryIdByKey(api, 'internal-tools')).toBeGreaterThan(0)
    expect(
      (await publicGet(api, `/partners/ja/diff/${before.release.number}/${after.release.number}`))
        .text,
    ).toMatch(/<del class="block">[\s\S]*内部ツールとソフトウェア[\s\S]*<\/del>/)
  })
})

describe('raw collections stay closed to the public', () => {
  it.each([
    '/api/releases',
    '/api/releases/1',
    '/api/outbox-messages',
    '/api/workflow-states',
    '/api/partner-categories',
  ])('%s', async (path) => {
    const { status, text } = await publicGet(api, path)
    expect([401, 403]).toContain(status)
    expect(text).not.toContain('クラウド')
  })
})
