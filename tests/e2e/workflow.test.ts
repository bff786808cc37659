import { workflowStrings } from '@/i18n/areas/workflow'
import type { Page } from 'playwright-core'

import { categoryIdByKey } from '@support/contentChanges'
import { browserOnOwnServer } from './browser'

/** The browser asks for Japanese, so the admin names states in Japanese. */
const STATE = workflowStrings.ja.state

const own = browserOnOwnServer('workflow-e2e')
const { as, scenario } = own

const categoryId = (key: string) => categoryIdByKey(own.api, key)

const openCategory = async (page: Page, id: number) => {
  await page.goto(`${own.api.baseURL}/admin/collections/partner-categories/${id}?locale=ja`)
  await page.getByTestId('review-state').waitFor()
}

const reviewState = (page: Page) => page.getByTestId('review-state')

describe('the Review panel, in Chromium', () => {
  it('an editor edits ja and submits; has no Approve button and the API refuses; a reviewer approves', async () => {
    const id = await categoryId('maps')
    await scenario('submit-approve', async (open) => {
      const editor = await as(open, 'editor')
      await openCategory(editor, id)
      await expect(reviewState(editor).innerText()).resolves.toBe(STATE.published)

      await editor.locator('input[name="name"]').fill('地図(改訂)')
      await editor.locator('#action-save').click()
      await editor.getByText(STATE.draft, { exact: true }).waitFor()
      await editor.locator('#review-action-submit').click()
      await editor.getByText(STATE.in_review, { exact: true }).waitFor()
      await expect(editor.locator('#review-action-approve').count()).resolves.toBe(0)

      // As the admin's own scripts send it: the session cookie counts only with the server's Origin (CSRF).
      const refused = await editor.request.post(
        `${own.api.baseURL}/api/partner-categories/${id}/workflow`,
        {
          data: { action: 'approve', locale: 'ja' },
          headers: { Origin: own.api.baseURL },
        },
      )
      expect(refused.status()).toBe(403)
      // Without an Origin (nor Sec-Fetch-Site) the cookie counts for nothing: as for a forged cross-site request.
      const forged = await editor.request.post(
        `${own.api.baseURL}/api/partner-categories/${id}/workflow`,
        { data: { action: 'submit', locale: 'en' } },
      )
      expect(forged.status()).toBe(401)

      const reviewer = await as(open, 'reviewer')
      await openCategory(reviewer, id)
      await expect(reviewState(reviewer).innerText()).resolves.toBe(STATE.in_review)
      await reviewer.locator('#review-action-approve').click()
      await reviewer.getByText(STATE.approved, { exact: true }).waitFor()
      // Test users have no name: a non-admin sees role and id, never an email (their own included).
      await expect(reviewer.getByTestId('review-last-action').innerText()).resolves.toMatch(
        /^Last: approve by legal-reviewer #\d+ on /,
      )
    })
  })

  it('a reviewer requests changes with a reason, and the editor sees it', async () => {
    const id = await categoryId('analytics')
    const editorToken = await own.api.login('editor')
    await own.api.request(`/api/partner-categories/${id}?locale=ja`, {
      method: 'PATCH',
      token: editorToken,
      json: { name: '分析(案)' },
    })
    await own.api.request(`/api/partner-categories/${id}/workflow`, {
      method: 'POST',
      token: editorToken,
      json: { action: 'submit', locale: 'ja' },
    })

    await scenario('request-changes', async (open) => {
      const reviewer = await as(open, 'reviewer')
      await openCategory(reviewer, id)
      await expect(reviewer.locator('#review-action-request-changes').isDisabled()).resolves.toBe(
        true,
      )
      await reviewer.getByTestId('review-reason').fill('「案」を削除してください。')
      await reviewer.locator('#review-action-request-changes').click()
      await reviewer.getByText(STATE.changes_requested, { exact: true }).waitFor()

      const editor = await as(open, 'editor')
      await openCategory(editor, id)
      await expect(reviewState(editor).innerText()).resolves.toBe(STATE.changes_requested)
      await expect(editor.getByTestId('review-last-reason').innerText()).resolves.toBe(
        '「案」を削除してください。',
      )
      await expect(editor.locator('#review-action-submit').count()).resolves.toBe(1)
    })
  })

  it('an admin reads and filters the audit trail', async () => {
    await scenario('audit-trail', async (open) => {
      const admin = await as(open, 'admin')
      await admin.goto(
        `${own.api.baseURL}/admin/collections/audit-events?where[action][equals]=request-changes`,
      )
      const rows = admin.locator('tbody tr')
      await rows.first().waitFor()
      await expect(rows.count()).resolves.toBe(1)
      await expect(rows.first().innerText()).resolves.toContain('「案」を削除してください。')
    })
  })

  it('the category list shows each category’s review state', async () => {
    await scenario('list-state', async (open) => {
      const reviewer = await as(open, 'reviewer')
      await reviewer.goto(
        `${own.api.baseURL}/admin/collections/partner-categories?locale=ja&limit=50`,
      )
      const row = reviewer.locator('tbody tr', {
        has: reviewer.locator('td.cell-name', { hasText: 'SMS プロバイダー' }),
      })
      await expect(row.locator('td.cell-reviewState').innerText()).resolves.toBe('published')
    })
  })
})
