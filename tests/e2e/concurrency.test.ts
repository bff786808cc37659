import type { Browser, Page } from 'playwright-core'

import { categoryIdByKey } from '../helpers/contentChanges'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '../helpers/isolatedServer'
import { inBrowser, launchBrowser, loginAs, type OpenedPage } from './browser'

let browser: Browser
let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('concurrency-e2e')
  api = server.client
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

type Open = () => Promise<OpenedPage>

const as = async (open: Open, name: TestUserName): Promise<Page> => {
  const { page } = await open()
  await loginAs(page, name, api.baseURL)
  return page
}

const saveName = async (page: Page, name: string) => {
  await page.locator('input[name="name"]').fill(name)
  await page.locator('#action-save').click()
}

describe('two editors in the admin, in Chromium', () => {
  it('the second save from a stale copy is refused with a plain message and loses nothing; after a reload it goes through', async () => {
    const id = await categoryIdByKey(api, 'bug-detection')
    await inBrowser(
      browser,
      'stale-save',
      async (open) => {
        const first = await as(open, 'editor')
        const second = await as(open, 'editor2')
        for (const page of [first, second]) {
          await page.goto(`${api.baseURL}/admin/collections/partner-categories/${id}?locale=ja`)
          await page.locator('input[name="name"]').waitFor()
        }
        await saveName(first, 'バグの検出(A)')
        await first.getByText('Draft', { exact: true }).waitFor()
        // The same editor saves again: their own save moved the form to the new revision.
        await saveName(first, 'バグの検出(A2)')
        await first.locator('.payload-toast-container').getByText(/successfully/i).first().waitFor()

        await saveName(second, 'バグの検出(B)')
        await second.getByText(/Someone else saved this ja content since you opened it/).waitFor()
        const stored = await api.request<{ name: string }>(`/api/partner-categories/${id}?locale=ja`, { token: await api.login('admin') })
        expect(stored.body.name).toBe('バグの検出(A2)')

        await second.reload()
        await expect(second.locator('input[name="name"]').inputValue()).resolves.toBe('バグの検出(A2)')
        await saveName(second, 'バグの検出(B)')
        await second.locator('.payload-toast-container').getByText(/successfully/i).first().waitFor()
        const after = await api.request<{ name: string }>(`/api/partner-categories/${id}?locale=ja`, { token: await api.login('admin') })
        expect(after.body.name).toBe('バグの検出(B)')
      },
      api.baseURL,
    )
  })
})
