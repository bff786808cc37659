import { categoryIdByKey, editContent, workflowAction } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'

type Problem = { errors: Array<{ message: string }> }
type Result = {
  subject: string
  label: string
  outcome: 'done' | 'skipped'
  state?: string
  reason?: string
  message?: string
}
type Answer = { action: string; locale: string; done: number; skipped: number; results: Result[] }
type AuditEvent = { action: string; subject: string; locale: string; actorLabel: string }

const own = useIsolatedServer('bulk-actions')

const bulk = async (who: TestUserName | null, body: unknown, raw = false) =>
  own.api.request<Answer & Problem>('/api/translations/bulk', {
    method: 'POST',
    token: who ? await own.api.login(who) : undefined,
    ...(raw
      ? { body: String(body), headers: { 'Content-Type': 'application/json' } }
      : { json: body }),
  })

const auditEvents = async (): Promise<AuditEvent[]> =>
  (
    await own.api.request<{ docs: AuditEvent[] }>('/api/audit-events?limit=0&sort=createdAt', {
      token: await own.api.login('admin'),
    })
  ).body.docs

/** Every en workflow state, to show that a refused request changed nothing. */
const enStates = async () =>
  (
    await own.api.request<{
      rows: Array<{ key: string; cells: Record<string, { status: string }> }>
    }>('/api/translations/overview', { token: await own.api.login('admin') })
  ).body.rows.map((row) => `${row.key}=${row.cells.en?.status}`)

const subjectOf = async (key: string) => `partner-categories:${await categoryIdByKey(own.api, key)}`

beforeAll(async () => {
  // The translator's three drafts in en, and a legal editor's draft there too (not the translator's).
  for (const [key, name] of [
    ['maps', 'Maps'],
    ['analytics', 'Analytics'],
    ['support', 'Support'],
  ] as const)
    await editContent(own.api, {
      subject: key,
      locale: 'en',
      data: { name },
      editor: 'translatorEn',
    })
  await editContent(own.api, {
    subject: 'marketing',
    locale: 'en',
    data: { name: 'Marketing' },
    editor: 'editor',
  })
}, 120_000)

describe('POST /api/translations/bulk: refusals change nothing', () => {
  it.each<[string, TestUserName | null, unknown, boolean, number, RegExp]>([
    [
      'anonymous',
      null,
      { action: 'submit', locale: 'en' },
      false,
      401,
      /Sign in to take bulk actions/,
    ],
    ['not JSON', 'translatorEn', '{"action": "submit",', true, 400, /must be a JSON object/],
    ['an array', 'translatorEn', [], false, 400, /must be a JSON object/],
    [
      'an unknown action',
      'reviewer',
      { action: 'publish', locale: 'en' },
      false,
      400,
      /Unknown bulk action "publish"; use one of submit, approve/,
    ],
    [
      'an unknown locale',
      'reviewer',
      { action: 'approve', locale: 'de' },
      false,
      400,
      /Unknown target locale "de"/,
    ],
    [
      'the source locale',
      'editor',
      { action: 'submit', locale: 'ja' },
      false,
      400,
      /ja is the source language/,
    ],
    ['no locale', 'editor', { action: 'submit' }, false, 400, /Unknown target locale undefined/],
    [
      'an unknown field',
      'reviewer',
      { action: 'approve', locale: 'en', force: true },
      false,
      400,
      /Unknown field "force"/,
    ],
    [
      'a translator of other locales',
      'translatorFrRu',
      { action: 'submit', locale: 'en' },
      false,
      403,
      /You translate fr, ru, not en/,
    ],
    [
      'a translator approving',
      'translatorEn',
      { action: 'approve', locale: 'en' },
      false,
      403,
      /may not approve en/,
    ],
    [
      'an editor approving',
      'editor',
      { action: 'approve', locale: 'en' },
      false,
      403,
      /may not approve en/,
    ],
    [
      'a reviewer submitting',
      'reviewer',
      { action: 'submit', locale: 'en' },
      false,
      403,
      /may not submit en/,
    ],
  ])('%s: %i', async (_what, who, body, raw, status, message) => {
    const before = { states: await enStates(), events: (await auditEvents()).length }
    const response = await bulk(who, body, raw)
    expect(response.status).toBe(status)
    expect(response.body.errors[0]?.message).toMatch(message)
    expect({ states: await enStates(), events: (await auditEvents()).length }).toEqual(before)
  })
})

describe('POST /api/translations/bulk: a result and an audit event per document', () => {
  it('a translator submits their own drafts in en (not a colleague’s), one submit event each', async () => {
    const before = (await auditEvents()).length
    const response = await bulk('translatorEn', { action: 'submit', locale: 'en' })
    expect(response.status).toBe(200)
    const mine = await Promise.all(['maps', 'analytics', 'support'].map(subjectOf))
    expect(response.body).toMatchObject({ action: 'submit', locale: 'en', done: 3, skipped: 0 })
    expect(
      response.body.results.map((result) => [result.subject, result.outcome, result.state]),
    ).toEqual(mine.map((subject) => [subject, 'done', 'in_review']))
    // Labelled by the Japanese name, as the dashboard titles them.
    expect(response.body.results[0]?.label).toContain('地図')
    const events = (await auditEvents()).slice(before)
    expect(events.map((event) => [event.action, event.subject, event.locale])).toEqual(
      mine.map((subject) => ['submit', subject, 'en']),
    )
    const states = await enStates()
    expect(states).toContain(`${await subjectOf('marketing')}=draft`)
    // A second run has nothing left to submit.
    expect((await bulk('translatorEn', { action: 'submit', locale: 'en' })).body).toMatchObject({
      done: 0,
      skipped: 0,
      results: [],
    })
  })

  it('an admin approves everything in review in en except what they edited (four-eyes, listed); a reviewer approves that one', async () => {
    await editContent(own.api, {
      subject: 'cloud-platform',
      locale: 'en',
      data: { name: 'Cloud platform' },
      editor: 'admin',
    })
    await workflowAction(own.api, 'cloud-platform', 'en', 'submit', 'translatorEn')
    const cloud = await subjectOf('cloud-platform')
    const before = (await auditEvents()).length

    const response = await bulk('admin', { action: 'approve', locale: 'en' })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ action: 'approve', done: 3, skipped: 1 })
    const skipped = response.body.results.filter((result) => result.outcome === 'skipped')
    expect(skipped).toEqual([
      expect.objectContaining({ subject: cloud, reason: 'four-eyes', message: expect.any(String) }),
    ])
    const approved = response.body.results.filter((result) => result.outcome === 'done')
    expect(approved.every((result) => result.state === 'approved')).toBe(true)
    const events = (await auditEvents()).slice(before)
    expect(events.map((event) => [event.action, event.subject, event.locale])).toEqual(
      approved.map((result) => ['approve', result.subject, 'en']),
    )
    expect(await enStates()).toContain(`${cloud}=in_review`)

    const second = await bulk('reviewer', { action: 'approve', locale: 'en' })
    expect(second.body.results).toEqual([
      expect.objectContaining({ subject: cloud, outcome: 'done', state: 'approved' }),
    ])
  })

  it('a stale translation is skipped with its reason and the others are still approved', async () => {
    await editContent(own.api, {
      subject: 'sms-providers',
      locale: 'en',
      data: { name: 'SMS' },
      editor: 'translatorEn',
    })
    await editContent(own.api, {
      subject: 'bug-detection',
      locale: 'en',
      data: { name: 'Bugs' },
      editor: 'translatorEn',
    })
    expect((await bulk('translatorEn', { action: 'submit', locale: 'en' })).body.done).toBe(2)
    // The source changes after the translation was submitted: sms-providers in en is now stale.
    await editContent(own.api, {
      subject: 'sms-providers',
      locale: 'ja',
      data: { name: 'SMS送信事業者' },
    })
    await workflowAction(own.api, 'sms-providers', 'ja', 'submit', 'editor')
    await workflowAction(own.api, 'sms-providers', 'ja', 'approve', 'reviewer')

    const response = await bulk('reviewer', { action: 'approve', locale: 'en' })
    expect(
      response.body.results.map((result) => [result.subject, result.outcome, result.reason]),
    ).toEqual([
      [await subjectOf('bug-detection'), 'done', undefined],
      [await subjectOf('sms-providers'), 'skipped', 'stale'],
    ])
  })
})
