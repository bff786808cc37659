import { en } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { ROLES } from '@/config/roles'
import { ADMIN_LANGUAGE_PREFERENCE } from '@/i18n/languageChoice'
import { ApiClient } from '@support/apiClient'
import { startServer, type ServerHandle } from '@support/server.mjs'
import { TEST_PASSWORD, TEST_USERS } from '@support/testUsers.mjs'
import { launchBrowser, loginAs, screenshot } from './browser'

/**
 * The first account, the users an administrator makes, and the admin language a user chooses, on a
 * server of its own that starts with no user at all (create-first-user is open).
 */
let server: ServerHandle
let api: ApiClient
let browser: Browser

beforeAll(async () => {
  server = await startServer({ label: 'accounts-e2e' })
  api = new ApiClient(server.baseURL)
  browser = await launchBrowser()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop({ removeData: true })
})

/** A browser of its own (cookies included) whose language, and so Accept-Language, is `locale`. */
const inContext = async (
  label: string,
  locale: 'ja-JP' | 'en-US',
  run: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> => {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  try {
    await run(page, context)
  } catch (error) {
    await screenshot(page, label)
    throw error
  } finally {
    await context.close()
  }
}

const userByEmail = async (email: string) => {
  const found = await api.request<{ docs: Array<{ id: number; role: string; email: string }> }>(
    `/api/users?where[email][equals]=${encodeURIComponent(email)}`,
    { token: await api.login('admin') },
  )
  const user = found.body.docs[0]
  if (!user) throw new Error(`no user ${email}`)
  return user
}

/** The admin language kept in the user's preferences, once the admin has saved it (it saves in the background). */
const storedLanguage = async (name: 'reviewer' | 'admin'): Promise<unknown> => {
  const token = await api.login(name)
  for (let tries = 0; ; tries += 1) {
    const stored = await api.request<{ value?: unknown }>(
      `/api/payload-preferences/${ADMIN_LANGUAGE_PREFERENCE}`,
      { token },
    )
    if (stored.body.value !== undefined || tries === 20) return stored.body.value
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const htmlLanguage = (page: Page) => page.locator('html').getAttribute('lang')

/** Waits until the admin is shown in `language` (it re-renders once signing in has set its cookie). */
const shownIn = async (page: Page, language: string): Promise<string | null> => {
  await page
    .waitForFunction((code) => document.documentElement.lang === code, language, {
      timeout: 15_000,
    })
    .catch(() => undefined)
  return htmlLanguage(page)
}

const signOut = async (page: Page) => {
  await page.goto(`${server.baseURL}/admin/logout`)
  await page.waitForURL((url) => url.pathname.startsWith('/admin/login'))
}

describe('accounts in the admin, in Chromium', () => {
  it('the create-first-user screen offers no role, and makes that account an administrator', async () => {
    await inContext('first-user', 'ja-JP', async (page) => {
      await page.goto(`${server.baseURL}/admin`)
      await page.waitForURL((url) => url.pathname === '/admin/create-first-user')
      await page.locator('input[name="email"]').waitFor()
      await expect(page.locator('#field-role').count()).resolves.toBe(0)
      await expect(page.locator('.field-type.select').count()).resolves.toBe(0)

      await page.locator('input[name="email"]').fill(TEST_USERS.admin.email)
      await page.locator('input[name="password"]').fill(TEST_PASSWORD)
      await page.locator('input[name="confirm-password"]').fill(TEST_PASSWORD)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    })
    await expect(userByEmail(TEST_USERS.admin.email)).resolves.toMatchObject({ role: 'admin' })
  }, 120_000)

  it('an administrator still sees the role select, and the role they pick is saved', async () => {
    await inContext('admin-sets-role', 'ja-JP', async (page) => {
      await loginAs(page, 'admin', server.baseURL)
      await page.goto(`${server.baseURL}/admin/collections/users/create`)
      const role = page.locator('#field-role')
      await role.waitFor()
      await page.locator('input[name="email"]').fill(TEST_USERS.reviewer.email)
      await page.locator('input[name="password"]').fill(TEST_PASSWORD)
      await page.locator('input[name="confirm-password"]').fill(TEST_PASSWORD)
      await role.locator('.rs__control').click()
      await expect(page.locator('.rs__option').count()).resolves.toBe(ROLES.length)
      // Options are in ROLES order (their labels are the records' business).
      await page.locator('.rs__option').nth(ROLES.indexOf('legal-reviewer')).click()
      await page.locator('#action-save').click()
      await page.waitForURL(/\/admin\/collections\/users\/\d+/)
    })
    await expect(userByEmail(TEST_USERS.reviewer.email)).resolves.toMatchObject({
      role: 'legal-reviewer',
    })
  }, 120_000)

  it('after a refused save the header and breadcrumb keep the saved title, not the typed one', async () => {
    // An account of its own: the admin's open edit view locks it for a while.
    const { email } = TEST_USERS.editor2
    const created = await api.request('/api/users', {
      method: 'POST',
      token: await api.login('admin'),
      json: { email, password: TEST_PASSWORD, role: TEST_USERS.editor2.role },
    })
    expect(created.status).toBe(201)
    const editor = await userByEmail(email)
    await inContext('refused-save-title', 'ja-JP', async (page) => {
      await loginAs(page, 'admin', server.baseURL)
      await page.goto(`${server.baseURL}/admin/collections/users/${editor.id}`)
      const title = page.locator('h1').first()
      await expect(title.innerText()).resolves.toBe(email)
      // Another account's address: the server refuses the save (emails are unique).
      await page.locator('input[name="email"]').fill(TEST_USERS.admin.email)
      await page.locator('#action-save').click()
      await page.locator('.payload-toast-container .toast-error').first().waitFor()
      await expect(title.innerText()).resolves.toBe(email)
      const breadcrumb = await page.locator('.step-nav').innerText()
      expect(breadcrumb).toContain(email)
      expect(breadcrumb).not.toContain(TEST_USERS.admin.email)
      // A save that goes through shows the new title.
      await page.locator('input[name="email"]').fill('editor2-renamed@kaiji.test')
      await page.locator('#action-save').click()
      await page.waitForFunction(
        () => document.querySelector('h1')?.textContent === 'editor2-renamed@kaiji.test',
      )
    })
    await expect(userByEmail('editor2-renamed@kaiji.test')).resolves.toMatchObject({
      id: editor.id,
    })
  }, 120_000)

  it('the browser language picks the first admin language: en-US in English, ja-JP in Japanese', async () => {
    for (const [locale, language, login] of [
      ['en-US', 'en', en.translations.authentication.login],
      ['ja-JP', 'ja', ja.translations.authentication.login],
    ] as const) {
      await inContext(`first-language-${language}`, locale, async (page) => {
        await page.goto(`${server.baseURL}/admin/login`)
        await expect(htmlLanguage(page)).resolves.toBe(language)
        await page.locator('button[type="submit"]', { hasText: login }).waitFor()
        await loginAs(page, 'reviewer', server.baseURL)
        await expect(htmlLanguage(page)).resolves.toBe(language)
      })
    }
  }, 120_000)

  it('a language chosen on the account page is kept after signing out and in, and on another browser', async () => {
    await inContext('choose-language', 'ja-JP', async (page) => {
      await loginAs(page, 'reviewer', server.baseURL)
      await page.goto(`${server.baseURL}/admin/account`)
      await page.locator('.payload-settings__language .rs__control').click()
      await page.locator('.rs__option', { hasText: en.translations.general.thisLanguage }).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
      await page
        .locator('.payload-settings__language label', { hasText: en.translations.general.language })
        .waitFor()

      await expect(storedLanguage('reviewer')).resolves.toBe('en')

      await signOut(page)
      // Signing out forgets the language on this browser; signing in sets the stored choice again.
      expect((await page.context().cookies()).some(({ name }) => name === 'payload-lng')).toBe(
        false,
      )
      await loginAs(page, 'reviewer', server.baseURL)
      await expect(shownIn(page, 'en')).resolves.toBe('en')
    })
    // A new browser (no cookie), still asking for Japanese: the user's choice wins.
    await inContext('language-new-browser', 'ja-JP', async (page, context) => {
      await page.goto(`${server.baseURL}/admin/login`)
      await expect(htmlLanguage(page)).resolves.toBe('ja')
      await loginAs(page, 'reviewer', server.baseURL)
      await expect(context.cookies()).resolves.toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'payload-lng', value: 'en' })]),
      )
      await expect(shownIn(page, 'en')).resolves.toBe('en')
      await page.goto(`${server.baseURL}/admin/account`)
      await expect(
        page.locator('.payload-settings__language .rs__single-value').innerText(),
      ).resolves.toBe(en.translations.general.thisLanguage)

      // Someone else signing in on that browser gets their own language, not the reviewer's.
      await signOut(page)
      await loginAs(page, 'admin', server.baseURL)
      await expect(shownIn(page, 'ja')).resolves.toBe('ja')
    })
  }, 180_000)
})
