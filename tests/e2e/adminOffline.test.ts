import type { Page } from 'playwright-core'

import { publishWithWebhookDelivery } from '@support/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { TEST_USERS } from '@support/testUsers.mjs'
import { browserOnOwnServer, loginAs } from './browser'

/**
 * The admin works with no outside host: an administrator opens the list and a record of every
 * collection in the navigation, and the global, and the browser asks no other host for anything and
 * logs no console error. JSON fields (all on collections only the server writes) are shown as text,
 * not in Payload's Monaco editor, whose loader would fetch it from an outside host.
 */

// A loopback receiver that is never there: the delivery row is written and its attempts fail.
const own = browserOnOwnServer('admin-offline', { KAIJI_WEBHOOK_ALLOW_PRIVATE: 'true' })

/** Every collection in the admin's navigation, at least these. */
const EXPECTED_COLLECTIONS = [
  'partner-categories',
  'releases',
  'webhook-endpoints',
  'outbox-messages',
  'outbox-attempts',
  'users',
  'workflow-states',
  'audit-events',
]
const EMPTY_HERE = ['subscribers', 'subscription-requests', 'objections']
const JSON_FIELDS: Record<string, string[]> = {
  releases: ['approvers', 'content', 'sources'],
  'workflow-states': ['approvedContent', 'editedSinceApproval', 'lastAction', 'sourceContent'],
  'outbox-messages': ['content'],
}

const firstId = async (api: ApiClient, slug: string): Promise<number | undefined> => {
  const { body } = await api.request<{ docs: Array<{ id: number }> }>(
    `/api/${slug}?limit=1&depth=0`,
    { token: await api.login('admin') },
  )
  return body.docs[0]?.id
}

beforeAll(async () => {
  const { api } = own
  // After seeding there are categories, the page, release 1, workflow rows, audit events and users.
  // A webhook endpoint, then a release it is told about, for a delivery row.
  await publishWithWebhookDelivery(api)
}, 120_000)

/** Opens a page and waits until the admin has rendered it and stopped fetching. */
const visit = async (page: Page, url: string, ready: string): Promise<void> => {
  await page.goto(url)
  await page.locator(ready).first().waitFor()
  await page.waitForLoadState('networkidle')
}

describe('the admin contacts no other host', () => {
  it('an administrator opens the list and a record of every collection, and the globals: no outside request, no console error', async () => {
    await own.scenario('admin-offline', async (open) => {
      const opened = await open()
      const { page } = opened
      const base = own.api.baseURL
      await loginAs(page, 'admin', base)
      await page.waitForLoadState('networkidle')

      const links = await page
        .locator('nav a[href]')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
      const collections = [
        ...new Set(
          links.flatMap((href) => /^\/admin\/collections\/([^/?#]+)$/.exec(href)?.[1] ?? []),
        ),
      ]
      const globals = [
        ...new Set(links.flatMap((href) => /^\/admin\/globals\/([^/?#]+)$/.exec(href)?.[1] ?? [])),
      ]
      expect(collections).toEqual(expect.arrayContaining(EXPECTED_COLLECTIONS))
      expect(globals).toEqual(['partners-page', 'site-settings'])

      const visited: string[] = []
      for (const slug of collections) {
        await visit(page, `${base}/admin/collections/${slug}`, 'table tbody tr, .no-results')
        const id = await firstId(own.api, slug)
        // What only a subscriber's own links create has no row here: its (empty) list is opened.
        if (id === undefined && EMPTY_HERE.includes(slug)) {
          visited.push(slug)
          continue
        }
        expect({ slug, id: typeof id }).toEqual({ slug, id: 'number' })
        await visit(page, `${base}/admin/collections/${slug}/${id}`, 'form .document-fields')
        // Raw content kept under collapsed technical details is rendered once they are opened. On a
        // slow machine a click can land before the form is live; open what is still closed again.
        for (const field of JSON_FIELDS[slug] ?? []) {
          const view = page.locator(`[data-json-view="${field}"]`)
          for (let round = 0; round < 4 && (await view.count()) === 0; round++) {
            for (const toggle of await page.locator('.collapsible__toggle--collapsed').all())
              await toggle.click()
            await view.waitFor({ state: 'attached', timeout: 7_500 }).catch(() => undefined)
          }
          await expect(view.count()).resolves.toBe(1)
        }
        visited.push(slug)
      }
      const release = await firstId(own.api, 'releases')
      await visit(
        page,
        `${base}/admin/collections/releases/${release}`,
        '[data-json-view="content"] pre',
      )
      await expect(page.locator('[data-json-view="content"] pre').innerText()).resolves.toContain(
        '"key": "cloud-platform"',
      )
      await expect(page.locator('[data-json-view="sources"] pre').innerText()).resolves.toContain(
        '"contentHash"',
      )

      for (const slug of globals)
        await visit(page, `${base}/admin/globals/${slug}`, 'form .document-fields')
      await visit(page, `${base}/admin/translations`, '[data-testid="translations-overview"]')
      await visit(page, `${base}/admin`, 'nav')

      expect(visited).toEqual(collections)
      expect(await page.locator('.monaco-editor, .code-editor').count()).toBe(0)
      expect(opened.outsideRequests).toEqual([])
      expect(opened.consoleErrors).toEqual([])
    })
  }, 180_000)
})

/** What a person reads on the page: its text and the values of its fields. */
const readableText = (page: Page): Promise<string> =>
  page.evaluate(() =>
    [
      document.body.innerText,
      ...[
        ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
      ].map((field) => field.value),
    ].join('\n'),
  )

describe('people see names in the admin', () => {
  const pagesNamingPeople = async (page: Page): Promise<string[]> => {
    const base = own.api.baseURL
    const token = await own.api.login('admin')
    const release = (
      await own.api.request<{ docs: Array<{ id: number }> }>(
        '/api/releases?where[number][equals]=2',
        { token },
      )
    ).body.docs[0]?.id
    const row = (
      await own.api.request<{ docs: Array<{ id: number }> }>(
        '/api/workflow-states?where[key][equals]=partners-page:ja',
        { token },
      )
    ).body.docs[0]?.id
    const texts: string[] = []
    await visit(page, `${base}/admin/collections/releases`, '[data-testid="publish-panel"] h3')
    texts.push(await readableText(page))
    await visit(
      page,
      `${base}/admin/collections/releases/${release}`,
      '[data-json-view="approvers"] pre',
    )
    texts.push(await readableText(page))
    await visit(page, `${base}/admin/collections/workflow-states`, 'table tbody tr')
    texts.push(await readableText(page))
    await visit(
      page,
      `${base}/admin/collections/workflow-states/${row}`,
      // Who acted last, shown first; the stored lastAction is under the collapsed technical details.
      '#field-lastActionBy',
    )
    texts.push(await readableText(page))
    await visit(
      page,
      `${base}/admin/globals/partners-page?locale=ja`,
      '[data-testid="review-last-action"]',
    )
    texts.push(await readableText(page))
    return texts
  }

  it.each<TestUserName>(['reviewer', 'editor2'])(
    '%s reads colleagues as role and id (no name set), never an email',
    async (who) => {
      await own.scenario(`names-${who}`, async (open) => {
        const opened = await open()
        await loginAs(opened.page, who, own.api.baseURL)
        const texts = await pagesNamingPeople(opened.page)
        // The list offers a sort on every column; sorting by the publisher leaves the default order.
        await visit(
          opened.page,
          `${own.api.baseURL}/admin/collections/releases?sort=-publishedBy`,
          'table tbody tr',
        )
        await expect(
          opened.page.locator('tbody tr td.cell-number').allInnerTexts(),
        ).resolves.toEqual(['2', '1'])
        texts.push(await readableText(opened.page))
        for (const text of texts) expect(text.match(/\S*@\S*/g) ?? []).toEqual([])
        expect(texts.join('\n')).toMatch(/legal-reviewer #\d+/)
        expect(opened.consoleErrors).toEqual([])
      })
    },
    180_000,
  )

  it('an administrator reads names and emails on the same pages', async () => {
    await own.scenario('names-admin', async (open) => {
      const opened = await open()
      await loginAs(opened.page, 'admin', own.api.baseURL)
      const all = (await pagesNamingPeople(opened.page)).join('\n')
      expect(all).toContain(TEST_USERS.reviewer.email)
      expect(opened.consoleErrors).toEqual([])
    })
  }, 180_000)
})
