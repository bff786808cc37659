import { categoryIdByKey, editContent, workflowAction } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'

type FieldChange = {
  field: string
  before: string | null
  after: string | null
  changes: Array<{ kind: string; text: string }>
}
type SourceView = {
  stale: boolean
  translatedHash: string | null
  approvedTranslatedHash: string | null
  currentHash: string | null
  changes: FieldChange[]
}
type WorkflowView = {
  state: string
  approvedHash: string | null
  source: SourceView | null
  history: Array<{ action: string; reason: string | null }>
}
type Problem = { errors: Array<{ message: string }> }

const own = useIsolatedServer('translation-source')

const workflowPath = async (key: string) =>
  `/api/partner-categories/${await categoryIdByKey(own.api, key)}/workflow`

const view = async (key: string, locale: string) =>
  (
    await own.api.request<WorkflowView>(`${await workflowPath(key)}?locale=${locale}`, {
      token: await own.api.login('reviewer'),
    })
  ).body

const act = async (key: string, who: TestUserName, body: Record<string, unknown>) =>
  own.api.request<Problem & { state: string }>(await workflowPath(key), {
    method: 'POST',
    token: await own.api.login(who),
    json: body,
  })

const auditCount = async () =>
  (
    await own.api.request<{ totalDocs: number }>('/api/audit-events?limit=1', {
      token: await own.api.login('admin'),
    })
  ).body.totalDocs

/** The translator fills in en and submits it; the source (ja) is as imported and approved. */
const submitTranslation = async (key: string, name: string) => {
  await editContent(own.api, { subject: key, locale: 'en', data: { name }, editor: 'translatorEn' })
  await workflowAction(own.api, key, 'en', 'submit', 'translatorEn')
}

/** A legal editor changes the Japanese name; another approves it. */
const changeSource = async (key: string, name: string) => {
  await editContent(own.api, { subject: key, locale: 'ja', data: { name } })
  await workflowAction(own.api, key, 'ja', 'submit', 'editor')
  await workflowAction(own.api, key, 'ja', 'approve', 'reviewer')
}

describe('translations record the source they translate, and go stale when it changes', () => {
  it('a submitted translation records the approved source; the source language itself has no source block', async () => {
    await submitTranslation('maps', 'Maps')
    const [en, ja] = [await view('maps', 'en'), await view('maps', 'ja')]
    expect(ja.source).toBeNull()
    expect(en.source).toMatchObject({ stale: false, changes: [] })
    expect(en.source?.translatedHash).toBe(ja.approvedHash)
    expect(en.source?.currentHash).toBe(ja.approvedHash)
  })

  it('when the approved source changes, the translation is stale, with a word-level diff of the old and new source', async () => {
    const before = await view('maps', 'ja')
    await changeSource('maps', '地図とナビゲーション')
    const en = await view('maps', 'en')
    expect(en.source?.stale).toBe(true)
    expect(en.source?.translatedHash).toBe(before.approvedHash)
    expect(en.source?.currentHash).not.toBe(before.approvedHash)
    expect(en.source?.changes).toEqual([
      {
        field: 'name',
        before: '地図',
        after: '地図とナビゲーション',
        changes: [
          { kind: 'equal', text: '地図' },
          { kind: 'insert', text: 'とナビゲーション' },
        ],
      },
    ])
    // An unapproved edit of the source does not make anything stale: only approved source counts.
    await editContent(own.api, { subject: 'maps', locale: 'ja', data: { name: '地図(下書き)' } })
    expect((await view('maps', 'en')).source?.currentHash).toBe(en.source?.currentHash)
  })

  it('a stale translation cannot be approved: 409 naming the two ways out, and nothing is written', async () => {
    const events = await auditCount()
    const refused = await act('maps', 'reviewer', { action: 'approve', locale: 'en' })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]?.message).toBe(
      'The ja source changed since this en translation was submitted: update and resubmit it, or have a reviewer confirm (with a reason) that the change does not affect it.',
    )
    expect((await view('maps', 'en')).state).toBe('in_review')
    expect(await auditCount()).toBe(events)
  })

  it('confirming that the change does not affect it: reviewers only, with a reason, only on a stale translation; audited', async () => {
    const events = await auditCount()
    const cases: Array<[TestUserName, Record<string, unknown>, number, string]> = [
      [
        'translatorEn',
        { action: 'confirm-source', locale: 'en', reason: 'fine' },
        403,
        'Only legal reviewers and admins may confirm',
      ],
      [
        'editor',
        { action: 'confirm-source', locale: 'en', reason: 'fine' },
        403,
        'Only legal reviewers and admins may confirm',
      ],
      [
        'reviewer',
        { action: 'confirm-source', locale: 'en' },
        400,
        '"confirm-source" needs a reason',
      ],
      [
        'reviewer',
        { action: 'confirm-source', locale: 'en', reason: '   ' },
        400,
        '"confirm-source" needs a reason',
      ],
      [
        'reviewer',
        { action: 'confirm-source', locale: 'ja', reason: 'fine' },
        400,
        'ja is the source',
      ],
      [
        'reviewer',
        { action: 'confirm-source', locale: 'xx', reason: 'fine' },
        400,
        'Unknown locale "xx"',
      ],
      [
        'reviewer',
        { action: 'confirm-source', locale: 'fr', reason: 'fine' },
        409,
        'The fr translation is not stale',
      ],
    ]
    for (const [who, body, status, message] of cases) {
      const refused = await act('maps', who, body)
      expect({ who, body, status: refused.status }).toEqual({ who, body, status })
      expect(refused.body.errors[0]?.message).toContain(message)
    }
    const anonymous = await own.api.request(await workflowPath('maps'), {
      method: 'POST',
      json: { action: 'confirm-source', locale: 'en', reason: 'x' },
    })
    expect(anonymous.status).toBe(401)
    expect(await auditCount()).toBe(events)
    expect((await view('maps', 'en')).source?.stale).toBe(true)

    const confirmed = await act('maps', 'reviewer', {
      action: 'confirm-source',
      locale: 'en',
      reason: '"Maps" still covers navigation.',
    })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.state).toBe('in_review')
    const en = await view('maps', 'en')
    expect(en.source).toMatchObject({ stale: false, changes: [] })
    expect(en.history[0]).toMatchObject({
      action: 'confirm-source',
      reason: '"Maps" still covers navigation.',
    })
    expect(await auditCount()).toBe(events + 1)

    expect((await act('maps', 'reviewer', { action: 'approve', locale: 'en' })).status).toBe(200)
    expect((await view('maps', 'en')).source?.approvedTranslatedHash).toBe(en.source?.currentHash)
  })

  it('or the translator updates and resubmits it against the new source, and it can be approved', async () => {
    await submitTranslation('analytics', 'Analytics')
    await changeSource('analytics', '分析と計測')
    expect((await view('analytics', 'en')).source?.stale).toBe(true)
    expect((await act('analytics', 'reviewer', { action: 'approve', locale: 'en' })).status).toBe(
      409,
    )
    await workflowAction(own.api, 'analytics', 'en', 'withdraw', 'translatorEn')
    await submitTranslation('analytics', 'Analytics and measurement')
    expect((await view('analytics', 'en')).source?.stale).toBe(false)
    expect((await act('analytics', 'reviewer', { action: 'approve', locale: 'en' })).status).toBe(
      200,
    )
  })

  it('an approved translation goes stale too when the source changes later', async () => {
    await changeSource('analytics', '分析・計測')
    const en = await view('analytics', 'en')
    expect(en.state).toBe('approved')
    expect(en.source?.stale).toBe(true)
    expect(en.source?.changes.map((change) => change.field)).toEqual(['name'])
  })
})

type Overview = {
  locales: string[]
  rows: Array<{
    key: string
    label: string
    cells: Record<string, { status: string; href: string; actions: string[] }>
  }>
  totals: Record<string, Record<string, number>>
}

describe('the translation overview (GET /api/translations/overview and /admin/translations)', () => {
  const overviewAs = async (who: TestUserName) =>
    own.api.request<Overview>('/api/translations/overview', { token: await own.api.login(who) })
  const cell = (overview: Overview, key: string, locale: string) =>
    overview.rows.find((row) => row.key === key)?.cells[locale]

  it('is refused without a session', async () => {
    const anonymous = await own.api.request<Problem>('/api/translations/overview')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0]?.message).toBe('Sign in to see the translation overview.')
    // The admin view redirects to the login (Next streams the redirect); no grid is rendered.
    const page = await own.api.request('/admin/translations', { headers: { Accept: 'text/html' } })
    expect(page.text).not.toContain('data-testid="translations-overview"')
    expect(page.text).toContain('/admin/login')
  })

  it('every role opens it: a row per document, a column per locale they may see, statuses and totals', async () => {
    const maps = `partner-categories:${await categoryIdByKey(own.api, 'maps')}`
    const analytics = `partner-categories:${await categoryIdByKey(own.api, 'analytics')}`
    const marketing = `partner-categories:${await categoryIdByKey(own.api, 'marketing')}`
    for (const who of [
      'admin',
      'editor',
      'reviewer',
      'translatorEn',
      'translatorFrRu',
    ] as TestUserName[]) {
      const { status, body } = await overviewAs(who)
      expect({ who, status }).toEqual({ who, status: 200 })
      expect(body.rows).toHaveLength(9)
      expect(body.rows[0]?.key).toBe('partners-page')
      expect(body.locales).toEqual(
        who === 'translatorEn'
          ? ['en']
          : who === 'translatorFrRu'
            ? ['fr', 'ru']
            : ['ja', 'en', 'fr', 'ru'],
      )
    }
    const { body } = await overviewAs('reviewer')
    expect(cell(body, maps, 'en')).toMatchObject({
      status: 'approved',
      href: expect.stringMatching(/^\/admin\/collections\/partner-categories\/\d+\?locale=en$/),
    })
    expect(cell(body, analytics, 'en')?.status).toBe('stale')
    expect(cell(body, marketing, 'en')?.status).toBe('missing')
    expect(cell(body, marketing, 'ja')?.status).toBe('published')
    expect(body.totals.en).toMatchObject({ approved: 1, stale: 1, missing: 7 })
    expect(body.totals.fr).toMatchObject({ missing: 9 })
  })

  it('each role sees only the actions it may take', async () => {
    const analytics = `partner-categories:${await categoryIdByKey(own.api, 'analytics')}`
    await submitTranslation('marketing', 'Marketing')
    const marketing = `partner-categories:${await categoryIdByKey(own.api, 'marketing')}`
    expect(cell((await overviewAs('translatorEn')).body, marketing, 'en')?.actions).toEqual([
      'edit',
      'withdraw',
    ])
    expect(cell((await overviewAs('reviewer')).body, marketing, 'en')?.actions).toEqual([
      'approve',
      'request-changes',
    ])
    expect(cell((await overviewAs('reviewer')).body, analytics, 'en')?.actions).toEqual([
      'confirm-source',
    ])
    expect(cell((await overviewAs('editor')).body, marketing, 'ja')?.actions).toEqual(['edit'])
    expect(cell((await overviewAs('reviewer')).body, marketing, 'ja')?.actions).toEqual([])
  })

  it('the admin view renders the grid for a signed-in user', async () => {
    const token = await own.api.login('translatorEn')
    // A browser's own navigation says Sec-Fetch-Site; without it (or an Origin) the cookie counts for nothing (CSRF).
    const page = await own.api.request('/admin/translations', {
      headers: { Cookie: `payload-token=${token}`, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(page.status).toBe(200)
    expect(page.text).toContain('data-testid="translations-overview"')
    expect(page.text).toContain('Translations')
  })
})
