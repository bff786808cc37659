import type { Browser, Page } from 'playwright-core'

import { baseURL, type TestUserName } from '../helpers/http'
import { SOURCE_CATEGORY_NAMES } from '../helpers/sourceFacts'
import { inBrowser, launchBrowser, loginAs } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

const categoryNamesInList = async (page: Page): Promise<string[]> => {
  await page.goto(`${baseURL()}/admin/collections/partner-categories?locale=ja&limit=50`)
  const cells = page.locator('tbody tr td.cell-name')
  await cells.first().waitFor()
  return (await cells.allInnerTexts()).map((text) => text.trim())
}

/** Clicks the row's link (Payload links the first column) from the category list. */
const openCategory = async (page: Page, name: string): Promise<void> => {
  await page
    .locator('tbody tr', { has: page.locator('td.cell-name', { hasText: name }) })
    .locator('a')
    .first()
    .click()
}

/** One scenario on one fresh page. */
const scenario =
  (label: string, run: (page: Page, outsideRequests: string[]) => Promise<void>) => () =>
    inBrowser(browser, label, async (open) => {
      const { page, outsideRequests } = await open()
      await run(page, outsideRequests)
    })

describe('the admin, in Chromium', () => {
  it(
    'a legal editor made with create-user logs in, sees the eight imported categories in order, and opens one',
    scenario('editor', async (page, outsideRequests) => {
      await loginAs(page, 'editor')
      expect(await categoryNamesInList(page)).toEqual(SOURCE_CATEGORY_NAMES)

      await openCategory(page, 'クラウド プラットフォーム')
      await page.waitForURL(/\/admin\/collections\/partner-categories\/\d+/)
      const editors = page.locator('[data-lexical-editor="true"]')
      await editors.first().waitFor()
      await expect(editors.first().innerText()).resolves.toContain(
        'Zenlyは、クラウド プラットフォームを利用して運営されています。',
      )
      await expect(editors.nth(1).innerText()).resolves.toContain(
        'クラウド プラットフォームはZenlyの心臓部です。',
      )
      await expect(page.locator('input[name="icon"]').inputValue()).resolves.toBe('⛅')
      expect(outsideRequests).toEqual([])
    }),
  )

  it(
    'a translator sees only their locale: the list opens in en, untranslated names empty, the Japanese name beside them',
    scenario('list-translatorEn', async (page, outsideRequests) => {
      await loginAs(page, 'translatorEn')
      await page.goto(`${baseURL()}/admin/collections/partner-categories?limit=50`)
      const sourceNames = page.locator('tbody tr td.cell-sourceName')
      await sourceNames.first().waitFor()
      expect((await sourceNames.allInnerTexts()).map((text) => text.trim())).toEqual(
        SOURCE_CATEGORY_NAMES,
      )
      const localizer = page.locator('.localizer')
      await expect(localizer.innerText()).resolves.toContain('English')
      await localizer.locator('button').first().click()
      const options = page.locator('.popup-button-list__button')
      await options.first().waitFor()
      // Every popup list on the page renders its buttons (the list's page sizes too): keep the locales.
      const locales = (await options.allInnerTexts())
        .map((text) => text.replace(/\s+/g, ' ').trim())
        .filter((text) => !/^\d+$/.test(text))
      expect(locales).toEqual(['English (en)'])
      expect(outsideRequests).toEqual([])
    }),
  )

  it.each<TestUserName>(['admin', 'reviewer'])('%s logs in and sees the same categories', (name) =>
    scenario(`list-${name}`, async (page, outsideRequests) => {
      await loginAs(page, name)
      expect(await categoryNamesInList(page)).toEqual(SOURCE_CATEGORY_NAMES)
      expect(outsideRequests).toEqual([])
    })(),
  )

  it(
    'a reviewer sees a category read-only',
    scenario('reviewer-readonly', async (page) => {
      await loginAs(page, 'reviewer')
      await categoryNamesInList(page)
      await openCategory(page, '地図')
      await page.waitForURL(/\/admin\/collections\/partner-categories\/\d+/)
      await page.locator('input[name="name"]').waitFor()
      await expect(page.locator('input[name="name"]').isDisabled()).resolves.toBe(true)
      await expect(page.locator('#action-save').count()).resolves.toBe(0)
    }),
  )

  it(
    'the create-first-user screen sends visitors to the login once users exist',
    scenario('first-user-closed', async (page) => {
      await page.goto(`${baseURL()}/admin/create-first-user`)
      await page.waitForURL(/\/admin\/login/)
      await expect(page.locator('input[name="email"]').count()).resolves.toBe(1)
    }),
  )
})
