import { ja } from '@payloadcms/translations/languages/ja'
import { workflowStrings } from '@/i18n/areas/workflow'
import type { Page } from 'playwright-core'

import { categoryIdByKey } from '@support/contentChanges'
import { browserOnOwnServer } from './browser'

/** The browser asks for Japanese, so the admin names states in Japanese. */
const STATE = workflowStrings.ja.state
const PAYLOAD_JA = ja.translations

const own = browserOnOwnServer('concurrency-e2e')
const { as, scenario } = own

const saveName = async (page: Page, name: string) => {
  await page.locator('input[name="name"]').fill(name)
  await page.locator('#action-save').click()
}

describe('two editors in the admin, in Chromium', () => {
  it('the second save from a stale copy is refused with a plain message and loses nothing; after a reload it goes through', async () => {
    const id = await categoryIdByKey(own.api, 'bug-detection')
    await scenario('stale-save', async (open) => {
      const first = await as(open, 'editor')
      const second = await as(open, 'editor2')
      for (const page of [first, second]) {
        await page.goto(`${own.api.baseURL}/admin/collections/partner-categories/${id}?locale=ja`)
        await page.locator('input[name="name"]').waitFor()
      }
      await saveName(first, 'バグの検出(A)')
      await first.getByText(STATE.draft, { exact: true }).waitFor()
      // The same editor saves again: their own save moved the form to the new revision.
      await saveName(first, 'バグの検出(A2)')
      await first
        .locator('.payload-toast-container')
        .getByText(PAYLOAD_JA.general.updatedSuccessfully)
        .first()
        .waitFor()

      await saveName(second, 'バグの検出(B)')
      await second.getByText(/この日本語の内容は、あなたが開いた後に別の人が保存しました/).waitFor()
      // The header names what is saved, not the title the refused save typed.
      await expect(second.locator('h1').first().innerText()).resolves.not.toContain('(B)')
      const stored = await own.api.request<{ name: string }>(
        `/api/partner-categories/${id}?locale=ja`,
        { token: await own.api.login('admin') },
      )
      expect(stored.body.name).toBe('バグの検出(A2)')

      await second.reload()
      await expect(second.locator('input[name="name"]').inputValue()).resolves.toBe(
        'バグの検出(A2)',
      )
      await saveName(second, 'バグの検出(B)')
      await second
        .locator('.payload-toast-container')
        .getByText(PAYLOAD_JA.general.updatedSuccessfully)
        .first()
        .waitFor()
      const after = await own.api.request<{ name: string }>(
        `/api/partner-categories/${id}?locale=ja`,
        { token: await own.api.login('admin') },
      )
      expect(after.body.name).toBe('バグの検出(B)')
    })
  })
})
