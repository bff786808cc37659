import {
  approveChange,
  editContent,
  publicGet,
  releaseAction,
  workflowAction,
} from '@support/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'

type Refusal = { message: string; code?: string; params?: Record<string, string | number> }
type Prospect = {
  locale: string
  action: string
  number: number
  changeType: string
  effectiveAt: string
  heldBySource: boolean
  notice: { required: boolean; met: boolean; days: number; earliest: string }
  inEffect: number | null
  diff: {
    categories: { changed: Array<{ key: string; fields: Array<{ field: string }> }> }
  } | null
  html: string
  errors?: Refusal[]
}

const DAY = 86_400_000
const APPROVED = '地図とナビゲーション'
const UNAPPROVED = '未承認の秘密の名前'
const SUBMITTED = '提出済みだが未承認の名前'

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('release-prospect')
  api = server.client
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: APPROVED } })
  // Text no one has approved: a working copy left as a draft, and one submitted but not approved.
  await editContent(api, { subject: 'maps', locale: 'ja', data: { name: UNAPPROVED } })
  await editContent(api, { subject: 'analytics', locale: 'ja', data: { name: SUBMITTED } })
  await workflowAction(api, 'analytics', 'ja', 'submit', 'editor')
}, 180_000)
afterAll(async () => server?.stop())

const prospect = async (query: string, who: TestUserName | null = 'reviewer') =>
  api.request<Prospect>(`/api/releases/prospect?${query}`, {
    token: who ? await api.login(who) : undefined,
  })

const releaseCount = async () =>
  (
    await api.request<{ totalDocs: number }>('/api/releases?limit=1', {
      token: await api.login('admin'),
    })
  ).body.totalDocs

/** The public page without its <time> elements: the publish time is the moment of the publish, not of the preview. */
const withoutTimes = (html: string) => html.replace(/<time [^>]*>[^<]*<\/time>/g, '<time>')
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? ''

describe('GET /api/releases/prospect: a release previewed before it is published', () => {
  it('refuses anonymous callers and every role that may not publish, and is never cached', async () => {
    const anonymous = await prospect('locale=ja', null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors?.[0]).toMatchObject({ code: 'sign-in' })
    expect(anonymous.headers.get('cache-control')).toBe('no-store, private')
    for (const role of ['editor', 'translatorEn', 'translatorFrRu'] as const) {
      const refused = await prospect('locale=ja', role)
      expect(refused.status).toBe(403)
      expect(refused.body.errors?.[0]).toMatchObject({
        code: 'may-not-publish',
        message: 'Only legal reviewers and admins may preview a release before publishing it.',
      })
      expect(refused.body.html).toBeUndefined()
      expect(refused.text).not.toContain(APPROVED)
      expect(refused.headers.get('cache-control')).toBe('no-store, private')
    }
    for (const role of ['reviewer', 'admin'] as const) {
      const allowed = await prospect('locale=ja', role)
      expect(allowed.status).toBe(200)
      expect(allowed.headers.get('cache-control')).toBe('no-store, private')
    }
  })

  it('refuses bad input with a 400 that names the problem, and writes nothing', async () => {
    const before = await releaseCount()
    const cases: Array<[string, RegExp, string]> = [
      ['locale=xx', /^Unknown locale "xx"; use one of ja, en, fr, ru\.$/, 'unknown-locale'],
      ['', /^Unknown locale null/, 'unknown-locale'],
      [
        'locale=ja&effectiveAt=tomorrow',
        /"effectiveAt" is not a valid ISO 8601 date/,
        'invalid-date',
      ],
      [
        `locale=ja&effectiveAt=${new Date(Date.now() - 2 * DAY).toISOString()}`,
        /is in the past/,
        'date-in-past',
      ],
      [
        'locale=ja&changeType=urgent',
        /^"changeType" must be one of material, editorial\.$/,
        'bad-change-type',
      ],
      ['locale=ja&action=delete', /^"action" must be publish or rollback\.$/, 'bad-parameter'],
      [
        'locale=ja&action=rollback&toRelease=zero',
        /^"toRelease" must be a release number/,
        'bad-release-number',
      ],
      [
        'locale=ja&efectiveAt=2030-01-01',
        /^Unknown parameter\(s\) efectiveAt; allowed: /,
        'bad-parameter',
      ],
    ]
    for (const [query, message, code] of cases) {
      const refused = await prospect(query)
      expect({ query, status: refused.status }).toEqual({ query, status: 400 })
      expect(refused.body.errors?.[0]?.message).toMatch(message)
      expect(refused.body.errors?.[0]?.code).toBe(code)
    }
    const missing = await prospect('locale=ja&action=rollback&toRelease=9')
    expect(missing.status).toBe(404)
    expect(missing.body.errors?.[0]).toEqual({
      message: 'There is no ja release 9 in effect to roll back to.',
      code: 'no-rollback-target',
      params: { number: 9 },
    })
    expect(await releaseCount()).toBe(before)
  })

  it('shows approved text only: never a working copy or a submission not yet approved', async () => {
    const { status, body } = await prospect('locale=ja')
    expect(status).toBe(200)
    expect(body.html).toContain(APPROVED)
    expect(body.html).not.toContain(UNAPPROVED)
    expect(body.html).not.toContain(SUBMITTED)
    expect(JSON.stringify(body.diff)).not.toContain(UNAPPROVED)
    expect(JSON.stringify(body.diff)).not.toContain(SUBMITTED)
    expect(body.inEffect).toBe(1)
    expect(body.diff?.categories.changed).toEqual([
      expect.objectContaining({
        key: 'maps',
        fields: [expect.objectContaining({ field: 'name' })],
      }),
    ])
  })

  it('applies the notice rule to a material change and says when it takes effect', async () => {
    const now = Date.now()
    const soon = await prospect('locale=ja&changeType=material')
    expect(soon.status).toBe(200)
    expect(soon.body.notice).toMatchObject({ required: true, met: false, days: 30 })
    expect(Date.parse(soon.body.notice.earliest)).toBeGreaterThanOrEqual(now + 30 * DAY)
    expect(Math.abs(Date.parse(soon.body.effectiveAt) - now)).toBeLessThan(60_000)

    const later = new Date(now + 31 * DAY).toISOString()
    const announced = await prospect(`locale=ja&changeType=material&effectiveAt=${later}`)
    expect(announced.body.notice.met).toBe(true)
    expect(announced.body.effectiveAt).toBe(later)
    // The preview is the page on the day it takes effect: the new name, and the release number it will get.
    expect(announced.body.number).toBe(2)
    expect(announced.body.html).toContain(APPROVED)

    const urgent = await prospect('locale=ja&changeType=material&shorterNotice=true')
    expect(urgent.body.notice).toMatchObject({ required: true, met: true })

    const editorial = await prospect('locale=ja&changeType=editorial')
    expect(editorial.body.notice).toMatchObject({ required: false, met: true })
  })

  it('a publish refused by the notice rule carries a code and the earliest date for the admin', async () => {
    const refused = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'Too soon',
      changeType: 'material',
    })
    expect(refused.status).toBe(400)
    const [error] = (refused.body as { errors: Refusal[] }).errors
    expect(error?.code).toBe('notice-too-short')
    expect(error?.params?.days).toBe(30)
    expect(Date.parse(String(error?.params?.earliest))).toBeGreaterThan(Date.now() + 29 * DAY)
  })

  it('previews exactly the page the public is served once the release is in effect, then the rollback', async () => {
    const preview = await prospect('locale=ja&changeType=editorial')
    expect(preview.status).toBe(200)
    const published = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: '名称変更',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    const served = await publicGet(api, '/partners/ja')
    expect(served.status).toBe(200)
    expect(mainOf(served.text)).not.toBe('')
    expect(mainOf(preview.body.html)).toBe(mainOf(served.text))
    expect(withoutTimes(preview.body.html)).toBe(withoutTimes(served.text))

    const rollback = await prospect('locale=ja&action=rollback&toRelease=1')
    expect(rollback.status).toBe(200)
    expect(rollback.body).toMatchObject({
      action: 'rollback',
      number: 3,
      changeType: 'material',
      inEffect: 2,
    })
    expect(rollback.body.html).not.toContain(APPROVED)
    expect(rollback.body.notice).toMatchObject({ required: false, met: true })
    const rolledBack = await releaseAction(api, 'rollback', {
      locale: 'ja',
      toRelease: 1,
      reason: '誤りのため',
    })
    expect(rolledBack.status).toBe(201)
    const afterRollback = await publicGet(api, '/partners/ja')
    expect(mainOf(rollback.body.html)).toBe(mainOf(afterRollback.text))
    expect(withoutTimes(rollback.body.html)).toBe(withoutTimes(afterRollback.text))
  })
})
