import { collectionsStrings } from '@/i18n/areas/collections'
import { publishingStrings } from '@/i18n/areas/publishing'
import { recordsStrings } from '@/i18n/areas/records'
import { workflowStrings } from '@/i18n/areas/workflow'
import type { Page } from 'playwright-core'

import { editContent, publishWithWebhookDelivery, workflowAction } from '@support/contentChanges'
import { browserOnOwnServer, loginAs, seriousAxeViolations } from './browser'

/**
 * The records the workflow, the publisher and the webhooks write, as an administrator reads them in
 * the admin: every label in the reader's language, and the workflow-state and audit-event records
 * readable first, their keys and hashes last.
 */

// One attempt only: the delivery to the absent receiver is failed at once, so it can be sent again.
const own = browserOnOwnServer('records-e2e', {
  KAIJI_WEBHOOK_ALLOW_PRIVATE: 'true',
  KAIJI_OUTBOX_MAX_ATTEMPTS: '1',
})

const LANGUAGES = ['ja', 'en'] as const
type Language = (typeof LANGUAGES)[number]

type Docs = { docs: Array<{ id: number }> }

const firstId = async (query: string): Promise<number> => {
  const { body } = await own.api.request<Docs>(`/api/${query}`, {
    token: await own.api.login('admin'),
  })
  const id = body.docs[0]?.id
  if (!id) throw new Error(`nothing found at /api/${query}`)
  return id
}

let ids: Record<string, number> = {}

beforeAll(async () => {
  const { api } = own
  await publishWithWebhookDelivery(api)
  // The English page in review: its workflow row and the submit's audit event.
  await editContent(api, {
    subject: 'page',
    locale: 'en',
    data: { title: 'Our partners' },
    editor: 'translatorEn',
  })
  await workflowAction(api, 'page', 'en', 'submit', 'translatorEn')
  ids = {
    releases: await firstId('releases?sort=-id&limit=1'),
    'webhook-endpoints': await firstId('webhook-endpoints?limit=1'),
    'outbox-messages': await firstId('outbox-messages?where[channel][equals]=webhook&limit=1'),
    'outbox-attempts': await firstId('outbox-attempts?where[outcome][equals]=failed&limit=1'),
    users: await firstId('users?where[email][equals]=admin@kaiji.test'),
    'workflow-states': await firstId('workflow-states?where[key][equals]=partners-page:en'),
    'audit-events': await firstId(
      'audit-events?where[subject][equals]=partners-page&where[locale][equals]=en&where[action][equals]=submit&sort=-id&limit=1',
    ),
  }
}, 180_000)

/** What each collection's list and record must say, in one language. */
const expectations = (language: Language) => {
  const R = recordsStrings[language]
  const localeName = collectionsStrings[language].localeName
  const state = workflowStrings[language].state
  return {
    releases: {
      plural: R.releases.plural,
      columns: [R.language, R.releases.number, R.releases.summary, R.releases.changeType],
      labels: [
        R.releases.summary,
        R.releases.changeType,
        publishingStrings[language].effectiveAt,
        R.releases.contentHash,
      ],
      values: [publishingStrings[language].changeTypeName.editorial, localeName.ja],
    },
    'webhook-endpoints': {
      plural: R.webhookEndpoints.plural,
      columns: [R.webhookEndpoints.name, R.webhookEndpoints.url, R.webhookEndpoints.events],
      labels: [R.webhookEndpoints.secret, R.webhookEndpoints.forLocales, R.webhookEndpoints.active],
      values: [R.webhookEvent['release.published'], R.webhookEvent['release.effective']],
    },
    'outbox-messages': {
      plural: R.outboxMessages.plural,
      columns: [R.outboxMessages.channel, R.outboxMessages.status],
      labels: [R.outboxMessages.key, R.outboxMessages.attempts, R.outboxMessages.attemptLog],
      values: [R.outboxChannel.webhook],
    },
    'outbox-attempts': {
      plural: R.outboxAttempts.plural,
      columns: [R.outboxAttempts.attempt, R.outboxAttempts.outcome],
      labels: [R.outboxAttempts.worker, R.outboxAttempts.response],
      values: [R.attemptOutcome.failed],
    },
    users: {
      plural: R.users.plural,
      columns: [R.users.name, R.users.role],
      labels: [R.users.name, R.users.role],
      values: [R.role.admin, R.users.roleDescription],
    },
    'workflow-states': {
      plural: R.workflowStates.plural,
      columns: [R.document, R.language, R.workflowStates.state, R.workflowStates.lastActionBy],
      labels: [R.document, R.language, R.workflowStates.state, R.technicalDetails],
      values: [state.in_review],
      title: [R.subject.page, localeName.en, state.in_review].join(' · '),
      readable: [R.subject.page, localeName.en],
    },
    'audit-events': {
      plural: R.auditEvents.plural,
      columns: [R.document, R.language, R.auditEvents.actionName, R.auditEvents.actorLabel],
      labels: [R.document, R.auditEvents.actionName, R.auditEvents.stateChange, R.technicalDetails],
      values: [],
      title: [R.subject.page, localeName.en, workflowStrings[language].action.submit].join(' · '),
      readable: [R.subject.page, localeName.en, workflowStrings[language].action.submit],
    },
  }
}

const visit = async (page: Page, url: string, ready: string): Promise<void> => {
  await page.goto(url)
  await page.locator(ready).first().waitFor()
  await page.waitForLoadState('networkidle')
}

const texts = (page: Page, selector: string): Promise<string[]> =>
  page
    .locator(selector)
    .evaluateAll((nodes) =>
      nodes.map((node) => (node as HTMLElement).innerText.replace(/\s*\*$/, '').trim()),
    )

/** Whether the element `first` comes before `second` in the page (both must be there). */
const comesBefore = (page: Page, first: string, second: string): Promise<boolean | string> =>
  page.evaluate(
    ([a, b]) => {
      const x = document.querySelector(a)
      const y = document.querySelector(b)
      if (!x || !y) return `missing ${x ? b : a}`
      return Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING)
    },
    [first, second] as const,
  )

/** The readable fields and, after them, the keys, hashes and raw content. */
const ORDER: Record<
  'workflow-states' | 'audit-events',
  { readable: string[]; technical: string[] }
> = {
  'workflow-states': {
    readable: ['#field-documentName', '#field-localeName', '#field-lastActionBy'],
    technical: [
      '#field-key',
      '#field-approvedHash',
      '[data-json-view="approvedContent"]',
      '[data-json-view="lastAction"]',
      '#field-sourceHash',
    ],
  },
  'audit-events': {
    readable: ['#field-documentName', '#field-actionName', '#field-actorLabel'],
    technical: ['#field-action', '#field-subject', '#field-previousHash', '#field-hash'],
  },
}

/** The readable fields whose values the test reads (in page order). */
const VALUES = {
  'workflow-states': ['#field-documentName', '#field-localeName'],
  'audit-events': ['#field-documentName', '#field-localeName', '#field-actionName'],
}

const signIn = async (page: Page, language: Language): Promise<void> => {
  if (language === 'en')
    await page.context().addCookies([{ name: 'payload-lng', value: 'en', url: own.api.baseURL }])
  await loginAs(page, 'admin', own.api.baseURL)
}

describe('records in the admin, in Chromium', () => {
  it.each(LANGUAGES)(
    'an administrator reads every record collection in %s: list columns and record labels',
    async (language) => {
      await own.scenario(`records-${language}`, async (open) => {
        const { page, consoleErrors } = await open()
        await signIn(page, language)
        const base = own.api.baseURL
        for (const [slug, expected] of Object.entries(expectations(language))) {
          await visit(page, `${base}/admin/collections/${slug}`, 'table tbody tr')
          await expect(page.locator('h1.list-header__title').innerText()).resolves.toBe(
            expected.plural,
          )
          expect({ slug, columns: await texts(page, 'table thead th') }).toEqual({
            slug,
            columns: expect.arrayContaining(expected.columns),
          })

          await visit(
            page,
            `${base}/admin/collections/${slug}/${ids[slug]}`,
            'form .document-fields',
          )
          const labels = await texts(
            page,
            '.document-fields .field-label, .collapsible-field__row-label-wrap',
          )
          expect({ slug, labels }).toEqual({
            slug,
            labels: expect.arrayContaining(expected.labels),
          })
          const shown = await page.locator('.document-fields').innerText()
          for (const value of expected.values)
            expect({ slug, shown }).toEqual({ slug, shown: expect.stringContaining(value) })
        }
        expect(consoleErrors).toEqual([])
      })
    },
    240_000,
  )

  it.each(LANGUAGES)(
    'workflow-state and audit-event records in %s: a readable title, readable fields before the hashes, no serious axe violation',
    async (language) => {
      await own.scenario(`records-order-${language}`, async (open) => {
        const { page } = await open()
        // Payload remembers an opened section per user and document: start from its defaults.
        for (const slug of ['workflow-states', 'audit-events'])
          await own.api.request(`/api/payload-preferences/collection-${slug}-${ids[slug]}`, {
            method: 'DELETE',
            token: await own.api.login('admin'),
          })
        await signIn(page, language)
        const all = expectations(language)
        for (const slug of ['workflow-states', 'audit-events'] as const) {
          const expected = all[slug]
          await visit(
            page,
            `${own.api.baseURL}/admin/collections/${slug}/${ids[slug]}`,
            'form .document-fields',
          )
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language)
          await expect(page.locator('h1.render-title').innerText()).resolves.toBe(expected.title)
          const values = await page
            .locator(VALUES[slug].join(', '))
            .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
          expect(values).toEqual(expected.readable)
          // The technical details start collapsed: the hashes are not what the reader sees first.
          await expect(
            page.locator('#field-previousHash, #field-approvedHash').first().isVisible(),
          ).resolves.toBe(false)
          await expect(seriousAxeViolations(page)).resolves.toEqual([])
          // Opened, they are all there, after the readable fields, and still accessible.
          await page.locator('.collapsible__toggle').first().click()
          await page.locator('#field-subject').waitFor()
          for (const readable of ORDER[slug].readable)
            for (const technical of ORDER[slug].technical)
              expect({
                slug,
                readable,
                technical,
                before: await comesBefore(page, readable, technical),
              }).toEqual({ slug, readable, technical, before: true })
          await expect(seriousAxeViolations(page)).resolves.toEqual([])
        }
        // In the list, each row links on the document's name.
        await visit(page, `${own.api.baseURL}/admin/collections/workflow-states`, 'table tbody tr')
        await expect(
          page.locator('table tbody tr td.cell-documentName a').first().innerText(),
        ).resolves.not.toMatch(/^(partners-page|partner-categories:)/)
      })
    },
    240_000,
  )

  it('an administrator sends a failed delivery again from its record, in Japanese', async () => {
    const id = ids['outbox-messages']!
    const attempts = async () =>
      (
        await own.api.request<{ attempts: number; status: string }>(
          `/api/outbox-messages/${id}?depth=0`,
          { token: await own.api.login('admin') },
        )
      ).body
    expect(await attempts()).toMatchObject({ status: 'failed', attempts: 1 })
    const R = recordsStrings.ja.outboxMessages
    await own.scenario('records-redeliver', async (open) => {
      const { page, consoleErrors } = await open()
      await signIn(page, 'ja')
      await visit(
        page,
        `${own.api.baseURL}/admin/collections/outbox-messages/${id}`,
        'form .document-fields',
      )
      await page.getByRole('button', { name: R.redeliver }).click()
      await page.getByRole('status').filter({ hasText: R.redelivered }).waitFor()
      expect(consoleErrors).toEqual([])
    })
    // The absent receiver fails it again: one more attempt (claimed, then recorded), failed once more.
    const deadline = Date.now() + 20_000
    let now = await attempts()
    while ((now.attempts < 2 || now.status === 'sending') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      now = await attempts()
    }
    expect(now).toMatchObject({ status: 'failed', attempts: 2 })
  }, 120_000)
})
