import { translationsStrings } from '@/i18n/areas/translations'
import { workflowStrings } from '@/i18n/areas/workflow'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { categoryIdByKey, editContent, workflowAction } from '@support/contentChanges'
import { validateTmx } from '../helpers/xmllint'
import { browserOnOwnServer, seriousAxeViolations } from './browser'

const JA = translationsStrings.ja
const STATE = workflowStrings.ja.state

const own = browserOnOwnServer('translations-dashboard-e2e')
const { as, scenario } = own

const cellStatus = async (page: Page, key: string, locale: string) =>
  page
    .locator(`tr[data-row="partner-categories:${await categoryIdByKey(own.api, key)}"]`)
    .locator(`td[data-locale="${locale}"]`)
    .getAttribute('data-status')

/** The confirmation modal that is open now (each action has its own). */
const confirm = (page: Page) => page.locator('#confirm-action:visible').click()

beforeAll(async () => {
  for (const [key, name] of [
    ['maps', 'Maps'],
    ['analytics', 'Analytics'],
    ['support', 'Support'],
  ] as const)
    await editContent(own.api, {
      subject: key,
      locale: 'en',
      data: { name },
      editor: 'translatorEn',
    })
  // A legal editor's draft in en: not the translator's to submit.
  await editContent(own.api, {
    subject: 'marketing',
    locale: 'en',
    data: { name: 'Marketing' },
    editor: 'editor',
  })
}, 120_000)

describe('the translations dashboard in Japanese, in Chromium', () => {
  it('has no serious or critical axe violation in ja and in en', async () => {
    await scenario('dashboard-axe', async (open) => {
      const ja = await as(open, 'admin')
      await ja.goto(`${own.api.baseURL}/admin/translations`)
      await ja.getByTestId('bulk-actions').waitFor()
      await ja.getByRole('heading', { name: JA.title, exact: true }).waitFor()
      expect(await seriousAxeViolations(ja)).toEqual([])

      const en = await as(open, 'admin')
      await en.context().addCookies([{ name: 'payload-lng', value: 'en', url: own.api.baseURL }])
      await en.goto(`${own.api.baseURL}/admin/translations`)
      await en.getByTestId('bulk-actions').waitFor()
      await en.getByRole('heading', { name: translationsStrings.en.title, exact: true }).waitFor()
      const headers = en.locator('[data-testid="translations-overview"] thead th')
      expect((await headers.allInnerTexts()).map((text) => text.trim())).toEqual([
        'Document',
        'Japanese (source)',
        'English',
        'French',
        'Russian',
      ])
      expect(await seriousAxeViolations(en)).toEqual([])
    })
  })

  it('a translator (en) submits all their drafts in two clicks and sees a result per document', async () => {
    await scenario('bulk-submit', async (open) => {
      const translator = await as(open, 'translatorEn')
      await translator.goto(`${own.api.baseURL}/admin/translations`)
      await translator.getByTestId('bulk-actions').waitFor()
      expect(await cellStatus(translator, 'maps', 'en')).toBe('draft')

      await translator.locator('#bulk-submit').click()
      await confirm(translator)
      const results = translator.getByTestId('bulk-results')
      await results.waitFor()
      await expect(results.locator('li[data-outcome="done"]').count()).resolves.toBe(3)
      await expect(results.locator('li[data-outcome="skipped"]').count()).resolves.toBe(0)
      const text = await results.innerText()
      expect(text).toContain('地図')
      expect(text).toContain(`完了: ${STATE.in_review}`)
      expect(text).not.toContain('マーケティング')
      // The results (banner and list) keep the page accessible too.
      expect(await seriousAxeViolations(translator)).toEqual([])

      // The grid follows without a reload.
      await translator
        .locator(
          `tr[data-row="partner-categories:${await categoryIdByKey(own.api, 'maps')}"] td[data-locale="en"][data-status="in_review"]`,
        )
        .waitFor()
      expect(await cellStatus(translator, 'marketing', 'en')).toBe('draft')
    })
  })

  it('a reviewer approves everything in review in en; the document they edited is skipped and listed', async () => {
    // The admin reviews too, and edited cloud-platform in en themselves (four-eyes); the translator submitted it.
    await editContent(own.api, {
      subject: 'cloud-platform',
      locale: 'en',
      data: { name: 'Cloud platform' },
      editor: 'admin',
    })
    await workflowAction(own.api, 'cloud-platform', 'en', 'submit', 'translatorEn')
    await scenario('bulk-approve', async (open) => {
      const reviewer = await as(open, 'admin')
      await reviewer.goto(`${own.api.baseURL}/admin/translations`)
      await reviewer.getByTestId('bulk-actions').waitFor()
      await reviewer.locator('#bulk-approve').click()
      await reviewer.getByText('4件の文書を1件ずつ承認します', { exact: false }).waitFor()
      await confirm(reviewer)
      const results = reviewer.getByTestId('bulk-results')
      await results.waitFor()
      await expect(results.locator('li[data-outcome="done"]').count()).resolves.toBe(3)
      const skipped = results.locator('li[data-outcome="skipped"]')
      await expect(skipped.count()).resolves.toBe(1)
      const skippedText = await skipped.innerText()
      expect(skippedText).toContain('クラウド')
      expect(skippedText).toContain(JA.bulk.skipped['four-eyes'])
      await reviewer
        .locator(
          `tr[data-row="partner-categories:${await categoryIdByKey(own.api, 'maps')}"] td[data-locale="en"][data-status="approved"]`,
        )
        .waitFor()
      expect(await cellStatus(reviewer, 'cloud-platform', 'en')).toBe('in_review')
    })
  })

  it('an XLIFF import says first which reviewed documents go back to draft, asks, then refreshes the grid', async () => {
    await scenario('xliff-dry-run', async (open) => {
      const translator = await as(open, 'translatorEn')
      await translator.goto(`${own.api.baseURL}/admin/translations`)
      await translator.getByTestId('xliff-tools').waitFor()
      const [download] = await Promise.all([
        translator.waitForEvent('download'),
        translator.getByTestId('xliff-export').click(),
      ])
      const exported = fs.readFileSync((await download.path()) ?? '', 'utf8')
      const edited = exported.replace('<target>Maps</target>', '<target>Map providers</target>')
      expect(edited).not.toBe(exported)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-xliff-'))
      const file = path.join(dir, 'partners-en.xlf')
      fs.writeFileSync(file, edited)
      try {
        await translator.getByTestId('xliff-file').setInputFiles(file)
        await translator.locator('#xliff-import').click()
        const back = translator.getByTestId('xliff-back-to-draft')
        await back.waitFor()
        expect(await back.innerText()).toContain(`地図 (${STATE.approved} → ${STATE.draft})`)
        // Nothing is written by the dry run.
        expect(await cellStatus(translator, 'maps', 'en')).toBe('approved')
        await confirm(translator)
        await translator.getByTestId('xliff-report').waitFor()
        await translator
          .locator(
            `tr[data-row="partner-categories:${await categoryIdByKey(own.api, 'maps')}"] td[data-locale="en"][data-status="draft"]`,
          )
          .waitFor()
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  })

  it('an XLIFF 1.2 file from a tool that names no source version imports, and the dialog says which Japanese text it is taken to translate', async () => {
    await scenario('xliff-12-unnamed', async (open) => {
      const translator = await as(open, 'translatorEn')
      await translator.goto(`${own.api.baseURL}/admin/translations`)
      await translator.getByTestId('xliff-tools').waitFor()
      await translator.locator('#field-xliff-version .rs__control').click()
      await translator.locator('.rs__option', { hasText: 'XLIFF 1.2' }).click()
      const [download] = await Promise.all([
        translator.waitForEvent('download'),
        translator.getByTestId('xliff-export').click(),
      ])
      expect(download.suggestedFilename()).toBe('kaiji-partners-ja-en.xliff12.xlf')
      const exported = fs.readFileSync((await download.path()) ?? '', 'utf8')
      expect(exported).toContain('version="1.2"')
      // As a tool might return it: no build-num, and a Japanese source it rewrote.
      const edited = exported
        .replace(/ build-num="[^"]*"/g, '')
        .replace('<source>サポート</source>', '<source>サポート窓口</source>')
        .replace(/<target state="[^"]*">Support<\/target>/, '<target>Customer support</target>')
        // A segment nobody translated, left as the Japanese: named, not written.
        .replace(/<target state="[^"]*">Marketing<\/target>/, '<target>マーケティング</target>')
      expect(edited).toContain('Customer support')
      expect(edited).toContain('<target>マーケティング</target>')
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-xliff12-'))
      const file = path.join(dir, 'partners-en.xliff12.xlf')
      fs.writeFileSync(file, edited)
      try {
        await translator.getByTestId('xliff-file').setInputFiles(file)
        await translator.locator('#xliff-import').click()
        const notes = translator.getByTestId('xliff-source-basis').first()
        await notes.waitFor()
        expect(await notes.innerText()).toContain(
          'category.support.name の原文はどの承認済みの版とも一致しません',
        )
        expect(await translator.getByTestId('xliff-untranslated').first().innerText()).toContain(
          'category.marketing.name#s1',
        )
        expect(await seriousAxeViolations(translator)).toEqual([])
        await confirm(translator)
        await translator.getByTestId('xliff-report').waitFor()
        const report = await translator.getByTestId('xliff-report').innerText()
        expect(report).toContain('現在の日本語の原文の翻訳として扱われます')
        expect(report).toContain('訳文が日本語の原文のままです')
        const marketing = await own.api.request<{ name: string }>(
          `/api/partner-categories/${await categoryIdByKey(own.api, 'marketing')}?locale=en`,
          { token: await own.api.login('admin') },
        )
        expect(marketing.body.name).toBe('Marketing')
        await translator
          .locator(
            `tr[data-row="partner-categories:${await categoryIdByKey(own.api, 'support')}"] td[data-locale="en"][data-status="draft"]`,
          )
          .waitFor()
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  })

  it('the XLIFF version choice changes the export link; the TMX link downloads for the locale’s translator and is absent for a reviewer', async () => {
    await scenario('xliff-version-tmx', async (open) => {
      const translator = await as(open, 'translatorEn')
      await translator.goto(`${own.api.baseURL}/admin/translations`)
      const tools = translator.getByTestId('xliff-tools')
      await tools.waitFor()
      const exportLink = translator.getByTestId('xliff-export')
      expect(await exportLink.getAttribute('href')).toBe('/api/translations/xliff?locale=en')
      await translator.locator('#field-xliff-version .rs__control').click()
      await translator.locator('.rs__option', { hasText: 'XLIFF 1.2' }).click()
      await expect(exportLink.getAttribute('href')).resolves.toBe(
        '/api/translations/xliff?locale=en&version=1.2',
      )
      await translator.locator('#field-xliff-version .rs__control').click()
      await translator.locator('.rs__option', { hasText: 'XLIFF 2.0' }).click()
      await expect(exportLink.getAttribute('href')).resolves.toBe(
        '/api/translations/xliff?locale=en',
      )

      const tmxLink = translator.getByTestId('tmx-export')
      expect(await tmxLink.innerText()).toContain(JA.tmx.export)
      expect(await tmxLink.getAttribute('href')).toBe('/api/translations/tmx?locale=en')
      const [download] = await Promise.all([translator.waitForEvent('download'), tmxLink.click()])
      expect(download.suggestedFilename()).toBe('kaiji-partners-ja-en.tmx')
      const tmx = fs.readFileSync((await download.path()) ?? '', 'utf8')
      expect(tmx).toContain('<tmx version="1.4">')
      expect(validateTmx(tmx)).toEqual({ ok: true, output: '' })
      // At rest (the pointer still on the clicked button would measure Payload's hover colours).
      await translator.mouse.move(0, 0)
      await tmxLink.blur()
      expect(await seriousAxeViolations(translator)).toEqual([])

      // A reviewer exports XLIFF (to read) but not the translation memory.
      const reviewer = await as(open, 'reviewer')
      await reviewer.goto(`${own.api.baseURL}/admin/translations`)
      await reviewer.getByTestId('xliff-tools').waitFor()
      await reviewer.getByTestId('xliff-export').waitFor()
      await expect(reviewer.getByTestId('tmx-export').count()).resolves.toBe(0)
      expect(await seriousAxeViolations(reviewer)).toEqual([])
    })
  })
})
