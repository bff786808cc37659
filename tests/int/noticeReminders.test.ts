import type { Payload } from 'payload'

import { importSourceFile } from '@seed/importSource'
import { purgeUnconfirmedRequests } from '@/subscriptions/noticeScheduler'
import { queueDueReminders } from '@/subscriptions/queueNotices'
import { createTestPayload, type TestPayload } from '../helpers/testPayload'

const DAY_MS = 86_400_000
const NOW = Date.parse('2027-03-01T00:00:00.000Z')
const system = { overrideAccess: true, depth: 0 } as const

let test: TestPayload
let payload: Payload

/** A copy of release 1 as a later ja release: what publishing would store, with the dates given. */
const addRelease = async (
  number: number,
  {
    publishedAt,
    effectiveAt,
    changeType,
  }: { publishedAt: number; effectiveAt: number; changeType: 'material' | 'editorial' },
) => {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { number: { equals: 1 } },
    ...system,
  })
  const { id: _id, createdAt: _c, updatedAt: _u, ...first } = docs[0]!
  await payload.create({
    collection: 'releases',
    data: {
      ...first,
      title: `ja release ${number}`,
      number,
      summary: `Release ${number}`,
      changeType,
      publishedAt: new Date(publishedAt).toISOString(),
      effectiveAt: new Date(effectiveAt).toISOString(),
    },
    ...system,
  })
}

const reminderRows = async () =>
  (
    await payload.find({
      collection: 'outbox-messages',
      where: { topic: { equals: 'notice.reminder' } },
      limit: 0,
      ...system,
    })
  ).docs

beforeAll(async () => {
  test = await createTestPayload('reminders')
  payload = test.payload
  await importSourceFile({ payload, actor: 'test import' })
  for (const [email, scope] of [
    ['material@example.com', 'material'],
    ['all@example.com', 'all'],
  ] as const)
    await payload.create({
      collection: 'subscribers',
      data: {
        email,
        locale: 'ja',
        scope,
        confirmedAt: new Date(NOW - 30 * DAY_MS).toISOString(),
        consentVersion: 'test',
      },
      ...system,
    })
}, 120_000)
afterAll(async () => test?.cleanup())

describe('reminders before a material change takes effect (KAIJI_NOTICE_REMINDER_DAYS)', () => {
  it('none before the reminder window opens; once it has, one per subscriber, and never twice', async () => {
    // Announced 30 days ahead, takes effect in 10 days: a 7-day reminder is due in 3 days.
    await addRelease(2, {
      publishedAt: NOW - 20 * DAY_MS,
      effectiveAt: NOW + 10 * DAY_MS,
      changeType: 'material',
    })
    expect(await queueDueReminders(payload, { locales: ['ja'], reminderDays: 7, now: NOW })).toBe(0)
    expect(await reminderRows()).toHaveLength(0)

    const inWindow = NOW + 4 * DAY_MS
    expect(
      await queueDueReminders(payload, { locales: ['ja'], reminderDays: 7, now: inWindow }),
    ).toBe(2)
    const rows = await reminderRows()
    expect(rows.map((row) => row.recipient).sort()).toEqual([
      'all@example.com',
      'material@example.com',
    ])
    expect(rows.every((row) => row.key.startsWith('notice:reminder:ja:2:'))).toBe(true)
    const content = rows[0]!.content as {
      subject: string
      text: string
      headers: Record<string, string>
    }
    expect(content.text).toContain('/partners/ja/upcoming/2')
    expect(content.text).toContain('/partners/ja/releases/2/object?token=')
    expect(content.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')

    // Another look (another process, the next tick) queues nothing more.
    expect(
      await queueDueReminders(payload, {
        locales: ['ja'],
        reminderDays: 7,
        now: inWindow + 60_000,
      }),
    ).toBe(0)
    expect(await reminderRows()).toHaveLength(2)
  })

  it('no reminder for a change announced less than the reminder period ahead, nor for an editorial one', async () => {
    const before = (await reminderRows()).length
    await addRelease(3, { publishedAt: NOW, effectiveAt: NOW + 5 * DAY_MS, changeType: 'material' })
    await addRelease(4, {
      publishedAt: NOW,
      effectiveAt: NOW + 20 * DAY_MS,
      changeType: 'editorial',
    })
    expect(
      await queueDueReminders(payload, {
        locales: ['ja'],
        reminderDays: 7,
        now: NOW + 14 * DAY_MS,
      }),
    ).toBe(0)
    expect(await reminderRows()).toHaveLength(before)
  })
})

describe('unconfirmed subscription requests', () => {
  it('are purged after 7 days; younger ones stay', async () => {
    const request = (email: string) =>
      payload.create({
        collection: 'subscription-requests',
        data: {
          email,
          locale: 'ja',
          scope: 'all',
          tokenHash: email.replace(/\W/g, '').padEnd(64, '0'),
          expiresAt: new Date(NOW + 2 * DAY_MS).toISOString(),
          consentVersion: 'test',
        },
        ...system,
      })
    await request('first@example.com')
    await request('second@example.com')
    const count = async () =>
      (await payload.count({ collection: 'subscription-requests', ...system })).totalDocs
    expect(await count()).toBe(2)
    // Both were made just now: seven days and a minute later, both go; six days later, none.
    expect(await purgeUnconfirmedRequests(payload, Date.now() + 6 * DAY_MS)).toBe(0)
    expect(await count()).toBe(2)
    expect(await purgeUnconfirmedRequests(payload, Date.now() + 7 * DAY_MS + 60_000)).toBe(2)
    expect(await count()).toBe(0)
  })
})
