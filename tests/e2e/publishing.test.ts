import type { Browser, Page } from 'playwright-core'

import { approveChange, releaseAction } from '@support/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { startOfNextDayIn } from '@/components/publishPanel/dayStart'
import { formatAdminDate } from '@/i18n/adminDates'
import { inBrowser, loginAs, launchBrowser, seriousAxeViolations, type OpenedPage } from './browser'

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

/** The panel's words, in Japanese: the browser runs with locale ja-JP. */
const PUBLISH = 'リリースを公開'
const CONFIRM = '公開する'
/** formatAdminDate in ja and Asia/Tokyo: "2026/12/07 13:20 JST". */
const JA_DATE = String.raw`\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2} JST`
const PANEL = '[data-testid="publish-panel"]'

/** The HTML the preview frame shows (its srcdoc), and the document's <main>. */
const previewHtml = (page: Page) =>
  page.getByTestId('publish-preview-frame').first().getAttribute('srcdoc')
const mainOf = (html: string | null) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html ?? '')?.[1] ?? ''
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
      await expect(panel.locator('h3').innerText()).resolves.toBe('日本語ページの公開')
      await expect(page.getByTestId('publish-current').innerText()).resolves.toMatch(
        /^発効中：リリース 1（/,
      )
      // The approved change as a redline, but no preview of the page and no form.
      await expect(
        page.getByTestId('publish-changes').locator('ins').allInnerTexts(),
      ).resolves.toEqual([INSERTED])

      await expect(page.getByTestId('publish-form').count()).resolves.toBe(0)
      await expect(page.getByTestId('publish-preview-frame').count()).resolves.toBe(0)
      await expect(page.getByRole('button', { name: PUBLISH }).count()).resolves.toBe(0)
      await expect(page.getByTestId('rollback-form').count()).resolves.toBe(0)
      expect(outsideRequests).toEqual([])
    })
  })

  it('a reviewer publishes ja release 2, and the public pages show it', async () => {
    await scenario('publish-reviewer', async (open) => {
      const { page, outsideRequests } = await openReleases(open, 'reviewer')

      // The panel: release 1 in effect, the approved change as a redline, the page as it will be served.
      await expect(page.getByTestId('publish-current').innerText()).resolves.toMatch(
        /^発効中：リリース 1（/,
      )
      const form = page.getByTestId('publish-form')
      await form.waitFor()
      const prospect = form.getByTestId('publish-prospect')
      await prospect.waitFor()
      await expect(prospect.getByTestId('publish-effective').innerText()).resolves.toMatch(
        new RegExp(`^発効日時：${JA_DATE}$`),
      )
      const redline = prospect.getByTestId('publish-redline')
      await expect(redline.locator('h5').allInnerTexts()).resolves.toEqual([NEW_NAME])
      await expect(redline.locator('dt').allInnerTexts()).resolves.toEqual(['名前'])
      await expect(redline.locator('ins').allInnerTexts()).resolves.toEqual([INSERTED])
      await expect(redline.locator('del').count()).resolves.toBe(0)
      // The preview: the public page with the approved name, in a frame that runs nothing.
      const frame = prospect.getByTestId('publish-preview-frame')
      await expect(frame.getAttribute('sandbox')).resolves.toBe('')
      await expect(
        page
          .frameLocator('[data-testid="publish-prospect"] iframe')
          .locator('main table tbody th[scope="row"]', { hasText: NEW_NAME })
          .count(),
      ).resolves.toBe(1)
      const previewed = await previewHtml(page)
      expect(previewed).toContain(NEW_NAME)

      // axe: no serious or critical violation on the panel with its preview, in Japanese.
      await expect(seriousAxeViolations(page, PANEL)).resolves.toEqual([])

      const publish = form.getByRole('button', { name: PUBLISH })
      await expect(publish.isDisabled()).resolves.toBe(true) // no summary yet
      await expect(
        form.getByTestId('publish-change-type').getAttribute('data-value'),
      ).resolves.toBe('editorial')
      await expect(
        form.getByTestId('publish-effective-at').getAttribute('data-value'),
      ).resolves.toBe('')

      await form.getByLabel('変更の概要（一般に公開されます）').fill(SUMMARY)
      await publish.click() // waits for the button to be enabled
      // The confirmation names the language, the change type and the date.
      const confirmText = page.getByTestId('publish-confirm-text')
      await confirmText.waitFor()
      await expect(confirmText.innerText()).resolves.toMatch(
        new RegExp(`^日本語ページを編集上の変更として公開し、${JA_DATE} に発効させますか？$`),
      )
      await page.locator('#confirm-action', { hasText: CONFIRM }).click()

      const message = page.getByTestId('publish-message')
      await message.waitFor()
      await expect(message.innerText()).resolves.toMatch(
        new RegExp(`^日本語リリース 2 を公開しました。発効日時は ${JA_DATE} です。$`),
      )
      // After publishing, the panel reloads: release 2 is in effect and nothing is left to publish.
      await page.getByTestId('publish-unchanged').waitFor()
      await page
        .getByTestId('publish-current')
        .filter({ hasText: /^発効中：リリース 2（/ })
        .waitFor()
      await expect(page.getByTestId('publish-current').innerText()).resolves.toContain(SUMMARY)
      await expect(page.getByTestId('publish-form').count()).resolves.toBe(0)
      // The list below the panel is refreshed too.
      await page.locator('tbody tr', { hasText: SUMMARY }).waitFor()

      // The current page: the new name in the table, the old one gone, the footer naming release 2.
      await page.goto(`${api.baseURL}/partners/ja`)
      await expectPlainJapaneseDocument(page)
      // What the preview showed is what the public is served (the page's <main>, byte for byte).
      const served = await api.request('/partners/ja')
      expect(mainOf(served.text)).not.toBe('')
      expect(mainOf(previewed)).toBe(mainOf(served.text))
      const rowHeaders = page.locator('main table tbody th[scope="row"]')
      await rowHeaders.first().waitFor()
      // Each row header is the column's label (drawn only when the table is stacked, on narrow
      // screens), the icon (aria-hidden) and the name: read the name alone.
      const names = await rowHeaders.evaluateAll((headers) =>
        headers.map((th) =>
          Array.from(th.childNodes)
            .filter(
              (node) =>
                !(
                  node instanceof Element &&
                  (node.getAttribute('aria-hidden') === 'true' ||
                    node.classList.contains('cell-label'))
                ),
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
      const publicRedline = changed.locator('h4 + p')
      await expect(publicRedline.innerText()).resolves.toBe(NEW_NAME)
      // 地図 is kept (outside any mark), the rest is inserted; nothing of the old name was removed, so no <del>.
      await expect(publicRedline.locator('ins').allInnerTexts()).resolves.toEqual([INSERTED])
      await expect(publicRedline.locator('ins').isVisible()).resolves.toBe(true)
      await expect(publicRedline.locator('del').count()).resolves.toBe(0)
      await expect(publicRedline.evaluate((p) => p.firstChild?.textContent)).resolves.toBe(OLD_NAME)
      await expect(page.locator('main ins, main del').count()).resolves.toBe(1)
      await expect(page.locator('main section').count()).resolves.toBe(1)

      expect(outsideRequests).toEqual([])
    })
  })

  it('a reviewer previews a rollback to ja release 1, confirms it, and the public page serves it', async () => {
    await scenario('rollback-reviewer', async (open) => {
      const { page, outsideRequests } = await openReleases(open, 'reviewer')
      const form = page.getByTestId('rollback-form')
      await form.waitFor()
      await form.locator('.rs__control').click()
      await page.locator('.rs__option', { hasText: /^リリース 1：/ }).click()
      // The preview of the older content: its redline against release 2 in effect, its date, the page.
      const prospect = form.getByTestId('rollback-prospect')
      await prospect.waitFor()
      await expect(prospect.getByTestId('publish-effective').innerText()).resolves.toMatch(
        new RegExp(`^発効日時：${JA_DATE}$`),
      )
      const redline = prospect.getByTestId('publish-redline')
      await expect(redline.locator('del').allInnerTexts()).resolves.toEqual([INSERTED])
      await expect(redline.locator('ins').count()).resolves.toBe(0)
      const previewed = await prospect.getByTestId('publish-preview-frame').getAttribute('srcdoc')
      expect(previewed).toContain(OLD_NAME)
      expect(previewed).not.toContain(NEW_NAME)

      await form
        .getByLabel('理由（必須。記録され、一般に公開されます）')
        .fill('名称の変更を取り消します')
      await form.getByRole('button', { name: 'ロールバック', exact: true }).click()
      const confirmText = page.getByTestId('rollback-confirm-text')
      await confirmText.waitFor()
      await expect(confirmText.innerText()).resolves.toMatch(
        new RegExp(
          `^日本語ページをリリース 1 の内容で重要な変更として再公開し、${JA_DATE} に発効させますか？$`,
        ),
      )
      await page.locator('#confirm-action', { hasText: 'ロールバックする' }).click()
      const message = page.getByTestId('publish-message')
      await message.waitFor()
      await expect(message.innerText()).resolves.toMatch(
        new RegExp(`^ロールバックしました：日本語リリース 3、発効日時は ${JA_DATE} です。$`),
      )
      await page
        .getByTestId('publish-current')
        .filter({ hasText: /^発効中：リリース 3（/ })
        .waitFor()

      const served = await api.request('/partners/ja')
      expect(mainOf(served.text)).not.toBe('')
      expect(mainOf(previewed)).toBe(mainOf(served.text))
      expect(outsideRequests).toEqual([])
    })
  })

  it('the publish panel has no serious or critical axe violation in English, with a material change', async () => {
    // After the rollback, the approved name (NEW_NAME) differs from release 3 again: ready to publish.
    const proposed = formatAdminDate(
      new Date(startOfNextDayIn(Date.now() + 30 * 86_400_000, 'Asia/Tokyo')),
      'en',
      'Asia/Tokyo',
    )
    await scenario('publish-axe-en', async (open) => {
      const opened = await open()
      await opened.page
        .context()
        .addCookies([{ name: 'payload-lng', value: 'en', url: api.baseURL }])
      await loginAs(opened.page, 'reviewer', api.baseURL)
      const { page } = opened
      await page.goto(`${api.baseURL}/admin/collections/releases`)
      await page
        .getByTestId('publish-panel')
        .filter({ hasText: 'Publish the Japanese page' })
        .waitFor()
      const form = page.getByTestId('publish-form')
      await form.getByTestId('publish-prospect').waitFor()
      // A material change: the panel proposes the first midnight after the notice period.
      await form.locator('[data-testid="publish-change-type"] .rs__control').click()
      await page.locator('.rs__option', { hasText: /^Material change/ }).click()
      await form
        .getByTestId('publish-notice')
        .filter({ hasText: 'The notice rule is met (30 days for a material change).' })
        .waitFor()
      await expect(form.getByTestId('publish-effective').innerText()).resolves.toBe(
        `Takes effect: ${proposed}`,
      )
      await expect(form.getByLabel('Reason for shorter notice').count()).resolves.toBe(1)
      await expect(seriousAxeViolations(page, PANEL)).resolves.toEqual([])
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
    expect(ja.body.release?.number).toBe(4)
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
    const jaDate = formatAdminDate(jaAt, 'ja', 'Asia/Tokyo')

    await scenario('publish-translation-waits', async (open) => {
      const opened = await open()
      await loginAs(opened.page, 'reviewer', api.baseURL)
      await opened.page.goto(`${api.baseURL}/admin/collections/releases?locale=en`)
      const { page, outsideRequests } = opened
      await page.getByTestId('publish-panel').filter({ hasText: '英語ページの公開' }).waitFor()
      const held = page.getByTestId('publish-held-by-source')
      await held.waitFor()
      await expect(held.innerText()).resolves.toBe(
        `${jaDate} より前には発効しません：翻訳元の日本語リリース 4 がその日時に発効するためです。`,
      )
      await expect(page.getByTestId('publish-effective').innerText()).resolves.toBe(
        `発効日時：${jaDate}`,
      )
      const form = page.getByTestId('publish-form')
      await form.getByLabel('変更の概要（一般に公開されます）').fill('First English version')
      await form.getByRole('button', { name: PUBLISH }).click()
      await expect(page.getByTestId('publish-confirm-text').innerText()).resolves.toBe(
        `英語ページを編集上の変更として公開し、${jaDate} に発効させますか？`,
      )
      await page.locator('#confirm-action', { hasText: CONFIRM }).click()
      const message = page.getByTestId('publish-message')
      await message.waitFor()
      await expect(message.innerText()).resolves.toBe(
        `英語リリース 1 を公開しました。発効日時は ${jaDate} です。`,
      )
      await page.getByTestId('publish-unchanged').waitFor()
      await expect(page.getByTestId('publish-current').innerText()).resolves.toBe(
        '発効中の英語リリースはまだありません。',
      )
      await expect(page.getByTestId('publish-upcoming').innerText()).resolves.toBe(
        `予告済み：リリース 1 は ${jaDate} に発効します（First English version）。 翻訳元の日本語リリース 4 と同時に発効します。`,
      )
      expect(outsideRequests).toEqual([])
    })
    const served = await api.request('/content/v1/partners/en')
    expect(served.status).toBe(404)
  })
})
