import { reviewStrings } from '@/i18n/areas/review'
import { workflowStrings } from '@/i18n/areas/workflow'
import type { Page } from 'playwright-core'

import { categoryIdByKey } from '@support/contentChanges'
import { browserOnOwnServer, loginAs, seriousAxeViolations } from './browser'

/** The browser asks for Japanese, so the admin names states in Japanese. */
const STATE = workflowStrings.ja.state
const REVIEW = reviewStrings.ja

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
        /^最終操作: .+ legal-reviewer #\d+ が「承認」$/,
      )
    })
  })

  it('an editor edits the Japanese name and submits with a note; a reviewer sees the redline and the note in the panel, and approves', async () => {
    const id = await categoryId('bug-detection')
    const note = '「バグ」を「不具合」に統一しました。'
    await scenario('redline-note', async (open) => {
      const editor = await as(open, 'editor')
      await openCategory(editor, id)
      await expect(editor.getByTestId('review-changes-basis').innerText()).resolves.toBe(
        REVIEW.changes.none,
      )
      await editor.locator('input[name="name"]').fill('不具合の検出')
      await editor.locator('#action-save').click()
      await editor.getByText(STATE.draft, { exact: true }).waitFor()
      // Before submitting, the editor sees their own change against the approved text.
      await editor.getByTestId('review-redline').locator('ins').first().waitFor()
      await editor.getByTestId('review-note').fill(note)
      await editor.locator('#review-action-submit').click()
      await editor.getByText(REVIEW.done.submit).waitFor()
      await editor.getByText(STATE.in_review, { exact: true }).waitFor()

      const reviewer = await as(open, 'reviewer')
      await openCategory(reviewer, id)
      await expect(reviewState(reviewer).innerText()).resolves.toBe(STATE.in_review)
      const redline = reviewer.getByTestId('review-redline')
      await expect(redline.locator('dt').allInnerTexts()).resolves.toEqual([REVIEW.field.name])
      await expect(redline.locator('del').allInnerTexts()).resolves.toEqual(['バグ'])
      await expect(redline.locator('ins').allInnerTexts()).resolves.toEqual(['不具合'])
      await expect(reviewer.getByTestId('review-submitter-note').innerText()).resolves.toBe(note)
      await reviewer.locator('#review-action-approve').click()
      await reviewer.getByText(REVIEW.done.approve).waitFor()
      await reviewer.getByText(STATE.approved, { exact: true }).waitFor()
      await expect(reviewer.getByTestId('review-changes-basis').innerText()).resolves.toBe(
        REVIEW.changes.none,
      )
      // The note stays in the history, with readable action and state names.
      await reviewer.getByTestId('review-history').locator('summary').click()
      const submitted = reviewer.getByTestId('review-history').locator('li', {
        hasText: workflowStrings.ja.action.submit,
      })
      await expect(submitted.innerText()).resolves.toContain(
        `${STATE.draft}から${STATE.in_review}へ`,
      )
      await expect(submitted.getByTestId('review-history-reason').innerText()).resolves.toBe(note)
    })
    // ... and in the audit event of the submission.
    const events = await own.api.request<{ docs: Array<{ reason: string | null }> }>(
      `/api/audit-events?where[action][equals]=submit&where[subject][equals]=partner-categories:${id}&where[locale][equals]=ja`,
      { token: await own.api.login('admin') },
    )
    expect(events.body.docs.map((event) => event.reason)).toEqual([note])
  })

  const PANEL = '[data-testid="review-panel"]'
  it.each(['ja', 'en'])(
    'the edit view with the Review panel has no serious or critical axe violation (%s)',
    async (language) => {
      const id = await categoryId('cloud-platform')
      const editorToken = await own.api.login('editor')
      if (language === 'ja') {
        await own.api.request(`/api/partner-categories/${id}?locale=ja`, {
          method: 'PATCH',
          token: editorToken,
          json: { name: 'クラウド基盤:計算とストレージ' },
        })
        await own.api.request(`/api/partner-categories/${id}/workflow`, {
          method: 'POST',
          token: editorToken,
          json: { action: 'submit', locale: 'ja', reason: '名称を明確にしました。' },
        })
      }
      await scenario(`axe-${language}`, async (open) => {
        const { page } = await open()
        // Payload keeps a user's language in this cookie, ahead of Accept-Language (ja-JP here).
        if (language === 'en')
          await page
            .context()
            .addCookies([{ name: 'payload-lng', value: 'en', url: own.api.baseURL }])
        await loginAs(page, 'reviewer', own.api.baseURL)
        await openCategory(page, id)
        await page.getByTestId('review-redline').waitFor()
        await expect(page.getByTestId('review-changes').locator('h4').innerText()).resolves.toBe(
          reviewStrings[language as 'ja' | 'en'].changes.title,
        )
        await page.getByTestId('review-history').locator('summary').click()
        await expect(seriousAxeViolations(page, PANEL)).resolves.toEqual([])
        // The whole edit view, Payload's own markup included (src/ui/AdminAccessibility.tsx).
        await expect(seriousAxeViolations(page)).resolves.toEqual([])
        if (language === 'ja') {
          // And in the dark theme, which Payload keeps in a cookie too.
          await page
            .context()
            .addCookies([{ name: 'payload-theme', value: 'dark', url: own.api.baseURL }])
          await page.reload()
          await page.getByTestId('review-redline').waitFor()
          await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark')
          await expect(seriousAxeViolations(page, PANEL)).resolves.toEqual([])
        }
      })
    },
  )

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

  it('the category list shows each category’s review state, named in Japanese', async () => {
    await scenario('list-state', async (open) => {
      const reviewer = await as(open, 'reviewer')
      await reviewer.goto(
        `${own.api.baseURL}/admin/collections/partner-categories?locale=ja&limit=50`,
      )
      const row = reviewer.locator('tbody tr', {
        has: reviewer.locator('td.cell-name', { hasText: 'SMS プロバイダー' }),
      })
      await expect(row.locator('td.cell-reviewState').innerText()).resolves.toBe(STATE.published)
      const headers = await reviewer.locator('thead th').allInnerTexts()
      expect(headers.map((text) => text.trim())).toContain(workflowStrings.ja.column.reviewState)
      expect(headers.join(' ')).not.toMatch(/Review state/)
    })
  })
})
