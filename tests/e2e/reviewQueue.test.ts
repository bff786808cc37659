import { reviewQueueStrings } from '@/i18n/areas/reviewQueue'
import { workflowStrings } from '@/i18n/areas/workflow'
import type { Page } from 'playwright-core'

import { categoryIdByKey, editContent, workflowAction } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { browserOnOwnServer, loginAs, seriousAxeViolations } from './browser'

/** The browser asks for Japanese, so the admin speaks Japanese. */
const STATE = workflowStrings.ja.state
const QUEUE = reviewQueueStrings.ja

const own = browserOnOwnServer('review-queue-e2e')
const { as, scenario } = own

const NOTE = '名称を正式名に合わせました。ご確認ください。'
const REASON = '「分析」の表記は元に戻してください。'

const withReason = async (
  key: string,
  action: string,
  who: TestUserName,
  reason: string,
): Promise<void> => {
  const id = await categoryIdByKey(own.api, key)
  const { status, text } = await own.api.request(`/api/partner-categories/${id}/workflow`, {
    method: 'POST',
    token: await own.api.login(who),
    json: { action, locale: 'ja', reason },
  })
  if (status !== 200) throw new Error(`${action} ${key}: ${status} ${text}`)
}

const queue = (page: Page) => page.getByTestId('review-queue')
const entry = (page: Page, key: string, locale: string) =>
  queue(page).locator(
    `[data-testid="review-queue-entry"][data-key="${key}"][data-locale="${locale}"]`,
  )

let mapsId: number
let analyticsId: number

beforeAll(async () => {
  mapsId = await categoryIdByKey(own.api, 'maps')
  analyticsId = await categoryIdByKey(own.api, 'analytics')
  // An editor submits with a note to the reviewer.
  await editContent(own.api, { subject: 'maps', locale: 'ja', data: { name: '地図サービス' } })
  await withReason('maps', 'submit', 'editor', NOTE)
  // A reviewer sends another back to the editors, with a reason.
  await editContent(own.api, { subject: 'analytics', locale: 'ja', data: { name: '分析ツール' } })
  await workflowAction(own.api, 'analytics', 'ja', 'submit', 'editor')
  await withReason('analytics', 'request-changes', 'reviewer', REASON)
  // Translators' drafts in two locales.
  await editContent(own.api, {
    subject: 'maps',
    locale: 'en',
    data: { name: 'Maps' },
    editor: 'translatorEn',
  })
  await editContent(own.api, {
    subject: 'marketing',
    locale: 'fr',
    data: { name: 'Marketing' },
    editor: 'translatorFrRu',
  })
}, 180_000)

describe('the review queue on the dashboard, in Chromium (Japanese)', () => {
  it('a reviewer finds the submitted document with its note; one click opens it in review', async () => {
    await scenario('queue-reviewer', async (open) => {
      const reviewer = await as(open, 'reviewer')
      await queue(reviewer).waitFor()
      await expect(queue(reviewer).getByRole('heading', { level: 2 }).innerText()).resolves.toBe(
        QUEUE.title,
      )
      const submitted = entry(reviewer, `partner-categories:${mapsId}`, 'ja')
      await expect(submitted.getAttribute('data-section')).resolves.toBe('in_review')
      await expect(submitted.getByTestId('review-queue-note').innerText()).resolves.toContain(NOTE)
      await expect(submitted.getByTestId('review-queue-state').innerText()).resolves.toBe(
        STATE.in_review,
      )
      await expect(submitted.innerText()).resolves.toContain(
        QUEUE.by.in_review.replace('{{name}}', 'legal-editor #'),
      )
      // One click: the document in that locale, with its Review panel in review.
      await submitted.getByRole('link', { name: /地図サービス/ }).click()
      await reviewer.waitForURL(
        (url) =>
          url.pathname === `/admin/collections/partner-categories/${mapsId}` &&
          url.searchParams.get('locale') === 'ja',
      )
      await expect(reviewer.getByTestId('review-state').innerText()).resolves.toBe(STATE.in_review)
    })
  })

  it('an editor sees what was sent back, with the reason, and not what waits for a reviewer', async () => {
    await scenario('queue-editor', async (open) => {
      const editor = await as(open, 'editor')
      await queue(editor).waitFor()
      const sentBack = entry(editor, `partner-categories:${analyticsId}`, 'ja')
      await expect(sentBack.getAttribute('data-section')).resolves.toBe('changes_requested')
      await expect(sentBack.getByTestId('review-queue-note').innerText()).resolves.toBe(
        `${QUEUE.note.changes_requested}: ${REASON}`,
      )
      await expect(sentBack.getByTestId('review-queue-state').innerText()).resolves.toBe(
        STATE.changes_requested,
      )
      await expect(entry(editor, `partner-categories:${mapsId}`, 'ja').count()).resolves.toBe(0)
      await sentBack.getByRole('link').click()
      await editor.waitForURL(
        (url) => url.pathname === `/admin/collections/partner-categories/${analyticsId}`,
      )
      await expect(editor.getByTestId('review-state').innerText()).resolves.toBe(
        STATE.changes_requested,
      )
    })
  })

  it('a translator sees only their locale: their own draft', async () => {
    await scenario('queue-translator', async (open) => {
      const translator = await as(open, 'translatorEn')
      await queue(translator).waitFor()
      const entries = queue(translator).getByTestId('review-queue-entry')
      await expect(entries.count()).resolves.toBe(1)
      await expect(entries.first().getAttribute('data-locale')).resolves.toBe('en')
      await expect(entries.first().getAttribute('data-section')).resolves.toBe('draft')
      await expect(entries.first().innerText()).resolves.toContain(QUEUE.locale.en)

      const other = await as(open, 'translatorFrRu')
      await queue(other).waitFor()
      const theirs = queue(other).getByTestId('review-queue-entry')
      await expect(theirs.count()).resolves.toBe(1)
      await expect(theirs.first().getAttribute('data-locale')).resolves.toBe('fr')
    })
  })

  it.each(['ja', 'en'])(
    'axe finds no serious violation on the dashboard in %s, light and dark',
    async (language) => {
      await scenario(`queue-axe-${language}`, async (open) => {
        const { page } = await open()
        const cookie = (name: string, value: string) => ({ name, value, url: own.api.baseURL })
        for (const [who, theme] of [
          ['reviewer', 'light'],
          ['translatorEn', 'dark'],
        ] as const) {
          await page.context().clearCookies()
          await page
            .context()
            .addCookies([cookie('payload-lng', language), cookie('payload-theme', theme)])
          await loginAs(page, who, own.api.baseURL)
          await queue(page).waitFor()
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language)
          await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(theme)
          await expect(seriousAxeViolations(page)).resolves.toEqual([])
        }
      })
    },
  )

  it('once the reviewer has decided, their queue says in a sentence that nothing waits', async () => {
    await workflowAction(own.api, 'maps', 'ja', 'approve', 'reviewer')
    await scenario('queue-empty', async (open) => {
      const reviewer = await as(open, 'reviewer')
      await queue(reviewer).waitFor()
      await expect(queue(reviewer).getByTestId('review-queue-entry').count()).resolves.toBe(0)
      await expect(
        queue(reviewer).getByTestId('review-queue-empty').innerText(),
      ).resolves.toContain(QUEUE.empty.reviewer)
      await expect(seriousAxeViolations(reviewer)).resolves.toEqual([])
    })
  })
})
