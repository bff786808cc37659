import type { Browser, Page } from 'playwright-core'

import { approveChange, releaseAction } from '@support/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { inBrowser, loginAs, launchBrowser, type OpenedPage } from './browser'

let browser: Browser
let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient

const OLD_NAME = '地図'
const NEW_NAME = '地図と位置情報サービス'
/** What the word diff inserts: Intl.Segmenter splits the new name into 地図|と|位置|情報|サービス, and 地図 is kept. */
const INSERTED = 'と位置情報サービス'
const SUMMARY = '「地図」カテゴリの名称を「地図と位置情報サービス」に変更しました。'

beforeAll(async () => {
  server = await startIsolatedServer('publishing-e2e')
  api = server.client
  // Four eyes, over HTTP: the editor edits and submits the ja name, the reviewer approves it.
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: NEW_NAME } })
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

type Open = () => Promise<OpenedPage>

/** A browser scenario on this file's own server. */
const scenario = (label: string, run: (open: Open) => Promise<void>) =>
  inBrowser(browser, label, run, api.baseURL)

/** A page signed in as one role, on the Releases list with its publish panel loaded. */
const openReleases = async (open: Open, name: TestUserName): Promise<OpenedPage> => {
  const opened = await open()
  await loginAs(opened.page, name, api.baseURL)
  await opened.page.goto(`${api.baseURL}/admin/collections/releases`)
  // The panel renders "Loading release status…" until its preview request answers.
  await opened.page.getByTestId('publish-panel').waitFor()
  return opened
}

const changeLine = `${NEW_NAME}: name changed`
const CATEGORY_KEYS = [
  'cloud-platform',
  'bug-detection',
  'maps',
  'sms-providers',
  'analytics',
  'marketing',
  'support',
  'internal-tools',
]
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Asserts on the public HTML pages: no scripts at all, and the document language. */
const expectPlainJapaneseDocument = async (page: Page) => {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja')
  await expect(page.locator('script').count()).resolves.toBe(0)
}

describe('publishing a release from the admin, in Chromium', () => {
  it('an editor sees the pending change but gets no publish form', async () => {
    await scenario('publish-editor', async (open) => {
      const { page, outsideRequests } = await openReleases(open, 'editor')
      const panel = page.getByTestId('publish-panel')
      await expect(panel.locator('h3').innerText()).resolves.toBe('Publish ja')
      await expect(page.getByTestId('publish-current').innerText()).resolves.toMatch(
        /^In effect: release 1 \(/,
      )
      await expect(
        page.getByTestId('publish-changes').locator('li').allInnerTexts(),
      ).resolves.toEqual([changeLine])

      await expect(page.getByTestId('publish-form').count()).resolves.toBe(0)
      await expect(page.getByTestId('publish-summary').count()).resolves.toBe(0)
      await expect(page.getByRole('button', { name: 'Publish release' }).count()).resolves.toBe(0)
      await expect(page.getByTestId('rollback-form').count()).resolves.toBe(0)
      expect(outsideRequests).toEqual([])
    })
  })

  it('a reviewer publishes ja release 2, and the public pages show it', async () => {
    await scenario('publish-reviewer', async (open) => {
      const { page, outsideRequests } = await openReleases(open, 'reviewer')

      // The panel: release 1 in effect, the one approved change pending, the form with its defaults.
      await expect(page.getByTestId('publish-current').innerText()).resolves.toMatch(
        /^In effect: release 1 \(/,
      )
      await expect(
        page.getByTestId('publish-changes').locator('li').allInnerTexts(),
      ).resolves.toEqual([changeLine])
      const form = page.getByTestId('publish-form')
      await form.waitFor()
      const publish = form.getByRole('button', { name: 'Publish release' })
      await expect(publish.isDisabled()).resolves.toBe(true) // no summary yet
      await expect(form.getByTestId('publish-change-type').inputValue()).resolves.toBe('editorial')
      await expect(form.getByTestId('publish-effective-at').inputValue()).resolves.toBe('')

      await form.getByTestId('publish-summary').fill(SUMMARY)
      await publish.click() // waits for the button to be enabled

      const message = page.getByTestId('publish-message')
      await message.waitFor()
      await expect(message.innerText()).resolves.toMatch(/^Published ja release 2, effective .+\.$/)
      // After publishing, the panel reloads: release 2 is in effect and nothing is left to publish.
      await page.getByTestId('publish-unchanged').waitFor()
      await page
        .getByTestId('publish-current')
        .filter({ hasText: /^In effect: release 2 \(/ })
        .waitFor()
      await expect(page.getByTestId('publish-current').innerText()).resolves.toContain(SUMMARY)
      await expect(page.getByTestId('publish-form').count()).resolves.toBe(0)
      await expect(message.innerText()).resolves.toMatch(/^Published ja release 2/)
      // The list below the panel is refreshed too.
      await page.locator('tbody tr', { hasText: SUMMARY }).waitFor()

      // The current page: the new name in the table, the old one gone, the footer naming release 2.
      await page.goto(`${api.baseURL}/partners/ja`)
      await expectPlainJapaneseDocument(page)
      const rowHeaders = page.locator('main table tbody th[scope="row"]')
      await rowHeaders.first().waitFor()
      // Each row header is the icon (aria-hidden) and the name: read the name alone.
      const names = await rowHeaders.evaluateAll((headers) =>
        headers.map((th) =>
          Array.from(th.childNodes)
            .filter(
              (node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'),
            )
            .map((node) => node.textContent ?? '')
            .join('')
            .trim(),
        ),
      )
      expect(names).toHaveLength(8)
      expect(names[2]).toBe(NEW_NAME)
      expect(names).not.toContain(OLD_NAME)
      await expect(rowHeaders.nth(2).isVisible()).resolves.toBe(true)
      await expect(page.locator('footer').innerText()).resolves.toContain('リリース 2')

      // The history: release 2, current, editorial, with the summary typed in the panel.
      await page.goto(`${api.baseURL}/partners/ja/history`)
      await expectPlainJapaneseDocument(page)
      const release2 = page.locator('tr#release-2')
      await release2.waitFor()
      const cells = release2.locator('th, td')
      await expect(cells.nth(0).innerText()).resolves.toBe('リリース 2')
      await expect(cells.nth(1).innerText()).resolves.toBe('現行')
      await expect(cells.nth(2).innerText()).resolves.toBe('編集上の変更')
      await expect(cells.nth(3).innerText()).resolves.toBe(SUMMARY)
      await expect(page.locator('tr#release-1 td').first().innerText()).resolves.not.toBe('現行')
      const historyRows = page.locator('main table tbody tr')
      await expect(historyRows.evaluateAll((rows) => rows.map((row) => row.id))).resolves.toEqual([
        'release-2',
        'release-1',
      ])

      // Its "changes" link leads to the diff of 1 → 2.
      await release2.getByRole('link', { name: 'リリース 1 から 2 への変更点' }).click()
      await page.waitForURL(`${api.baseURL}/partners/ja/diff/1/2`)
      await expectPlainJapaneseDocument(page)
      await expect(page.locator('h1').innerText()).resolves.toBe('リリース 1 から 2 への変更点')
      const changed = page.locator('main section', { has: page.locator('h2', { hasText: '変更' }) })
      await changed.waitFor()
      await expect(changed.locator('h3').allInnerTexts()).resolves.toEqual([NEW_NAME])
      await expect(changed.locator('h4').allInnerTexts()).resolves.toEqual(['名前'])
      const redline = changed.locator('h4 + p')
      await expect(redline.innerText()).resolves.toBe(NEW_NAME)
      // 地図 is kept (outside any mark), the rest is inserted; nothing of the old name was removed, so no <del>.
      await expect(redline.locator('ins').allInnerTexts()).resolves.toEqual([INSERTED])
      await expect(redline.locator('ins').isVisible()).resolves.toBe(true)
      await expect(redline.locator('del').count()).resolves.toBe(0)
      await expect(redline.evaluate((p) => p.firstChild?.textContent)).resolves.toBe(OLD_NAME)
      await expect(page.locator('main ins, main del').count()).resolves.toBe(1)
      await expect(page.locator('main section').count()).resolves.toBe(1)

      expect(outsideRequests).toEqual([])
    })
  })

  it('a reviewer publishing a translation of a ja change announced 40 days ahead sees, and gets, the ja date', async () => {
    const announced = '地図(予告済み)'
    await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: announced } })
    const jaAt = new Date(Date.now() + 40 * 86_400_000).toISOString()
    const ja = await releaseAction(api, 'publish', {
      locale: 'ja',
      summary: 'Maps renamed, announced',
      changeType: 'material',
      effectiveAt: jaAt,
    })
    expect(ja.body.release?.number).toBe(3)
    await approveChange(api, {
      subject: 'page',
      locale: 'en',
      editor: 'translatorEn',
      data: { title: 'Our partners' },
    })
    for (const key of CATEGORY_KEYS)
      await approveChange(api, {
        subject: key,
        locale: 'en',
        editor: 'translatorEn',
        data: { name: `EN ${key}` },
      })
    const why = `Takes effect on ${jaAt}, not before: it translates ja release 3 (category "maps"), announced to take effect then.`

    await scenario('publish-translation-waits', async (open) => {
      const opened = await open()
      await loginAs(opened.page, 'reviewer', api.baseURL)
      await opened.page.goto(`${api.baseURL}/admin/collections/releases?locale=en`)
      const { page, outsideRequests } = opened
      await page.getByTestId('publish-panel').filter({ hasText: 'Publish en' }).waitFor()
      const effective = page.getByTestId('publish-effective')
      await effective.waitFor()
      await expect(effective.innerText()).resolves.toMatch(
        new RegExp(`^Would take effect on .+\\. ${escapeRegExp(why)}$`),
      )
      const form = page.getByTestId('publish-form')
      await form.getByTestId('publish-summary').fill('First English version')
      await form.getByRole('button', { name: 'Publish release' }).click()
      const message = page.getByTestId('publish-message')
      await message.waitFor()
      await expect(message.innerText()).resolves.toMatch(
        new RegExp(`^Published en release 1, effective .+\\. ${escapeRegExp(why)}$`),
      )
      await page.getByTestId('publish-unchanged').waitFor()
      await expect(page.getByTestId('publish-current').innerText()).resolves.toBe(
        'No en release is in effect yet.',
      )
      await expect(page.getByTestId('publish-panel').innerText()).resolves.toMatch(
        /Upcoming: release 1 takes effect .+ \(First English version\), with the Japanese release 3 it translates\./,
      )
      expect(outsideRequests).toEqual([])
    })
    const served = await api.request('/content/v1/partners/en')
    expect(served.status).toBe(404)
  })
})
