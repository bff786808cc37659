import { collectionsStrings } from '@/i18n/areas/collections'
import { messagesStrings } from '@/i18n/areas/messages'
import { workflowStrings } from '@/i18n/areas/workflow'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { categoryIdByKey, editContent, workflowAction } from '@support/contentChanges'
import { browserOnOwnServer } from './browser'

/** The browser asks for Japanese, so the admin names states in Japanese. */
const STATE = workflowStrings.ja.state

const own = browserOnOwnServer('translation-e2e')
const { as, scenario } = own

const dashboardCell = async (page: Page, key: string, locale: string) => {
  await page.goto(`${own.api.baseURL}/admin/translations`)
  const row = page.locator(
    `tr[data-row="partner-categories:${await categoryIdByKey(own.api, key)}"]`,
  )
  return row.locator(`td[data-locale="${locale}"]`)
}

describe('translators in the admin, in Chromium', () => {
  it('a translator with en sees only en, edits and submits, has no Approve or Publish, exports XLIFF and imports an edited file as drafts', async () => {
    await scenario('translator-xliff', async (open) => {
      const translator = await as(open, 'translatorEn')

      // The dashboard (in Japanese): one column, English; every cell is theirs to fill.
      await translator.goto(`${own.api.baseURL}/admin/translations`)
      const headers = translator.locator('[data-testid="translations-overview"] thead th')
      await headers.first().waitFor()
      expect((await headers.allInnerTexts()).map((text) => text.trim())).toEqual(['文書', '英語'])

      // From the dashboard to the category in en: edit, save (draft), submit.
      const maps = await dashboardCell(translator, 'maps', 'en')
      await expect(maps.getAttribute('data-status')).resolves.toBe('missing')
      await maps.locator('a').click()
      await translator.waitForURL(/\/admin\/collections\/partner-categories\/\d+\?locale=en/)
      await translator.getByTestId('review-state').waitFor()
      await translator.locator('input[name="name"]').fill('Maps')
      await translator.locator('#action-save').click()
      await translator.getByText(STATE.draft, { exact: true }).waitFor()
      await translator.locator('#review-action-submit').click()
      await translator.getByText(STATE.in_review, { exact: true }).waitFor()
      await expect(translator.locator('#review-action-approve').count()).resolves.toBe(0)
      await translator.goto(`${own.api.baseURL}/admin/collections/releases`)
      await translator.getByTestId('publish-panel').waitFor()
      await expect(translator.getByTestId('publish-form').count()).resolves.toBe(0)
      await expect(translator.getByTestId('rollback-form').count()).resolves.toBe(0)

      // Export: the file carries the submitted translation as a target.
      await translator.goto(`${own.api.baseURL}/admin/translations`)
      await translator.getByTestId('xliff-tools').waitFor()
      const [download] = await Promise.all([
        translator.waitForEvent('download'),
        translator.getByTestId('xliff-export').click(),
      ])
      expect(download.suggestedFilename()).toBe('kaiji-partners-ja-en.xlf')
      const exported = fs.readFileSync((await download.path()) ?? '', 'utf8')
      expect(exported).toContain('<target>Maps</target>')

      // The CAT tool's work: a target for the analytics name. Upload it and see the draft.
      const edited = exported.replace(
        /(<unit id="category\.analytics\.name"[\s\S]*?<segment id="s1" state=")initial(">\n\s*<source>[\s\S]*?<\/source>)/,
        '$1translated$2\n        <target>Analytics</target>',
      )
      expect(edited).not.toBe(exported)
      const file = path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-xliff-')),
        'partners-en.xlf',
      )
      fs.writeFileSync(file, edited)
      await translator.getByTestId('xliff-file').setInputFiles(file)
      await translator.locator('#xliff-import').click()
      // The dry run is shown first; the import runs once confirmed.
      await translator.getByTestId('xliff-preview').waitFor()
      await translator.locator('#confirm-action:visible').click()
      await translator.getByTestId('xliff-report').waitFor()
      await expect(translator.getByTestId('xliff-report').innerText()).resolves.toContain(
        '分析: 1項目',
      )
      fs.rmSync(path.dirname(file), { recursive: true, force: true })

      const analytics = await dashboardCell(translator, 'analytics', 'en')
      await expect(analytics.getAttribute('data-status')).resolves.toBe('draft')
      await expect(
        (await dashboardCell(translator, 'maps', 'en')).getAttribute('data-status'),
      ).resolves.toBe('in_review')

      // A file for a locale they do not translate is refused, with the reason shown.
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, edited.replace('trgLang="en"', 'trgLang="fr"'))
      await translator.getByTestId('xliff-file').setInputFiles(file)
      await translator.locator('#xliff-import').click()
      await translator.getByTestId('xliff-errors').waitFor()
      // In the admin's language (the browser asks for Japanese), naming the languages.
      await expect(translator.getByTestId('xliff-errors').innerText()).resolves.toContain(
        messagesStrings.ja.xliff.notYourLocale
          .replace('{{yoursNames}}', collectionsStrings.ja.localeName.en)
          .replace('{{localeName}}', collectionsStrings.ja.localeName.fr),
      )
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
    })
  })

  it('a reviewer sees a stale translation with what changed in the source, cannot approve it, and confirms the change does not affect it', async () => {
    await editContent(own.api, {
      subject: 'support',
      locale: 'en',
      data: { name: 'Support' },
      editor: 'translatorEn',
    })
    await workflowAction(own.api, 'support', 'en', 'submit', 'translatorEn')
    await editContent(own.api, { subject: 'support', locale: 'ja', data: { name: 'サポート窓口' } })
    await workflowAction(own.api, 'support', 'ja', 'submit', 'editor')
    await workflowAction(own.api, 'support', 'ja', 'approve', 'reviewer')
    const id = await categoryIdByKey(own.api, 'support')
    await scenario('reviewer-stale', async (open) => {
      const reviewer = await as(open, 'reviewer')
      await expect(
        (await dashboardCell(reviewer, 'support', 'en')).getAttribute('data-status'),
      ).resolves.toBe('stale')
      await reviewer.goto(`${own.api.baseURL}/admin/collections/partner-categories/${id}?locale=en`)
      const notice = reviewer.getByTestId('source-stale')
      await notice.waitFor()
      await expect(notice.locator('ins').first().innerText()).resolves.toBe('窓口')
      await expect(reviewer.locator('#review-action-approve').count()).resolves.toBe(0)
      await reviewer.getByTestId('review-reason').fill('"Support" covers the help desk too.')
      await reviewer.locator('#review-action-confirm-source').click()
      await reviewer.locator('#review-action-approve').waitFor()
      await expect(reviewer.getByTestId('source-stale').count()).resolves.toBe(0)
      await reviewer.locator('#review-action-approve').click()
      await reviewer.getByText(STATE.approved, { exact: true }).waitFor()
    })
  })
})
