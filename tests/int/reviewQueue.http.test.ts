import {
  approveChange,
  categoryIdByKey,
  editContent,
  workflowAction,
} from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'

type Entry = {
  section: string
  key: string
  locale: string
  title: string
  state: string
  stale: boolean
  by: string | null
  at: string | null
  note: string | null
  href: string
  actions: string[]
}
type Queue = { sections: Array<{ section: string; entries: Entry[] }>; total: number }
type Problem = { errors: Array<{ message: string }> }

const own = useIsolatedServer('review-queue')

const queueAs = async (who: TestUserName) =>
  own.api.request<Queue>('/api/workflow/queue', { token: await own.api.login(who) })

const withReason = async (
  key: string,
  locale: string,
  action: string,
  who: TestUserName,
  reason: string,
) => {
  const id = await categoryIdByKey(own.api, key)
  const { status, text } = await own.api.request(`/api/partner-categories/${id}/workflow`, {
    method: 'POST',
    token: await own.api.login(who),
    json: { action, locale, reason },
  })
  if (status !== 200) throw new Error(`${action} ${key} ${locale}: ${status} ${text}`)
}

const summary = (queue: Queue) =>
  queue.sections.flatMap(({ section, entries }) =>
    entries.map((entry) => `${section} ${entry.key} ${entry.locale}`),
  )

let ids: Record<string, string>

beforeAll(async () => {
  const subject = async (key: string) => `partner-categories:${await categoryIdByKey(own.api, key)}`
  ids = {
    maps: await subject('maps'),
    sms: await subject('sms-providers'),
    analytics: await subject('analytics'),
    marketing: await subject('marketing'),
    support: await subject('support'),
  }
  // A translation approved, then its Japanese source moves on: stale.
  await approveChange(own.api, {
    subject: 'support',
    locale: 'en',
    data: { name: 'Support' },
    editor: 'translatorEn',
  })
  await approveChange(own.api, { subject: 'support', locale: 'ja', data: { name: 'サポート窓口' } })
  // Sent back to a translator, with a reason.
  await editContent(own.api, {
    subject: 'analytics',
    locale: 'en',
    data: { name: 'Analytics' },
    editor: 'translatorEn',
  })
  await workflowAction(own.api, 'analytics', 'en', 'submit', 'translatorEn')
  await withReason('analytics', 'en', 'request-changes', 'reviewer', 'Use the glossary term.')
  // Sent back to the legal editors, in the source.
  await editContent(own.api, {
    subject: 'sms-providers',
    locale: 'ja',
    data: { name: 'SMS 事業者' },
  })
  await workflowAction(own.api, 'sms-providers', 'ja', 'submit', 'editor')
  await withReason(
    'sms-providers',
    'ja',
    'request-changes',
    'reviewer',
    '名称は元に戻してください。',
  )
  // A translator's draft, not submitted.
  await editContent(own.api, {
    subject: 'marketing',
    locale: 'fr',
    data: { name: 'Marketing' },
    editor: 'translatorFrRu',
  })
  // In review, with the submitter's note; submitted last.
  await editContent(own.api, { subject: 'maps', locale: 'ja', data: { name: '地図サービス' } })
  await withReason('maps', 'ja', 'submit', 'editor', '名称を正式名に合わせました。')
}, 180_000)

describe('GET /api/workflow/queue', () => {
  it('is refused without a session', async () => {
    const anonymous = await own.api.request<Problem>('/api/workflow/queue')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0]?.message).toBe('Sign in to see what waits for you.')
  })

  it('each role sees only what waits for it', async () => {
    const expected: Record<string, string[]> = {
      reviewer: [`in_review ${ids.maps} ja`, `stale ${ids.support} en`],
      admin: [
        `in_review ${ids.maps} ja`,
        `stale ${ids.support} en`,
        `changes_requested ${ids.analytics} en`,
        `changes_requested ${ids.sms} ja`,
      ],
      // The editor's own ja submission is in review: it waits for a reviewer, not for them.
      editor: [`changes_requested ${ids.sms} ja`],
      editor2: [`changes_requested ${ids.sms} ja`],
      translatorEn: [`stale ${ids.support} en`, `changes_requested ${ids.analytics} en`],
      translatorFrRu: [`draft ${ids.marketing} fr`],
    }
    for (const [who, lines] of Object.entries(expected)) {
      const { status, body } = await queueAs(who as TestUserName)
      expect({ who, status, lines: summary(body) }).toEqual({ who, status: 200, lines })
    }
  })

  it('a translator never sees another locale', async () => {
    for (const [who, locales] of [
      ['translatorEn', ['en']],
      ['translatorFrRu', ['fr', 'ru']],
    ] as const) {
      const { body } = await queueAs(who)
      const seen = body.sections.flatMap(({ entries }) => entries.map((entry) => entry.locale))
      expect(seen.every((locale) => (locales as readonly string[]).includes(locale))).toBe(true)
    }
  })

  it('entries name who, when and the note or reason, and link to the document in its locale', async () => {
    const { body } = await queueAs('reviewer')
    const mapsId = ids.maps!.split(':')[1]
    expect(body.sections[0]?.entries[0]).toMatchObject({
      title: expect.stringContaining('地図サービス'),
      state: 'in_review',
      note: '名称を正式名に合わせました。',
      href: `/admin/collections/partner-categories/${mapsId}?locale=ja`,
      actions: ['approve', 'request-changes'],
    })
    // Test users have no name: a reviewer sees role and id, never an email.
    expect(body.sections[0]?.entries[0]?.by).toMatch(/^legal-editor #\d+$/)
    expect(Date.parse(body.sections[0]?.entries[0]?.at ?? '')).not.toBeNaN()

    const translator = (await queueAs('translatorEn')).body
    const sentBack = translator.sections.find(({ section }) => section === 'changes_requested')
    expect(sentBack?.entries[0]).toMatchObject({
      title: expect.stringContaining('Analytics'),
      state: 'changes_requested',
      note: 'Use the glossary term.',
      by: expect.stringMatching(/^legal-reviewer #\d+$/),
      actions: ['edit', 'submit'],
    })
    const stale = translator.sections.find(({ section }) => section === 'stale')
    expect(stale?.entries[0]).toMatchObject({ stale: true, state: 'approved' })

    // Administrators see the stored label, email included.
    const admin = (await queueAs('admin')).body
    expect(admin.sections[0]?.entries[0]?.by).toContain('<editor@kaiji.test>')
  })

  it('an approval empties the reviewer’s in-review section', async () => {
    await workflowAction(own.api, 'maps', 'ja', 'approve', 'reviewer')
    const { body } = await queueAs('reviewer')
    expect(summary(body)).toEqual([`stale ${ids.support} en`])
  })
})
