import type { Page } from 'playwright-core'

import { sourceTextStrings } from '@/i18n/areas/sourceText'
import { workflowStrings } from '@/i18n/areas/workflow'
import { approveChange, categoryIdByKey } from '@support/contentChanges'
import { browserOnOwnServer, seriousAxeViolations } from './browser'

const own = browserOnOwnServer('source-text-e2e')
const { as, scenario } = own

const SOURCE = sourceTextStrings.ja

/** The source box above one field of the edit view. */
const sourceBox = (page: Page, field: string) => page.getByTestId(`source-text-${field}`)

describe('a translator sees the Japanese source while translating, in Chromium (admin in Japanese)', () => {
  it('opens an untranslated category by its Japanese name, reads the approved Japanese above each field, cannot edit it, and sees the redline once the Japanese moves on', async () => {
    await scenario('translator-source-text', async (open) => {
      const translator = await as(open, 'translatorEn')
      const mapsId = await categoryIdByKey(own.api, 'maps')

      // The list opens in en; the untranslated row is titled and linked by its Japanese name.
      await translator.goto(`${own.api.baseURL}/admin/collections/partner-categories?limit=50`)
      const titles = translator.locator('tbody tr td.cell-displayTitle')
      await titles.first().waitFor()
      const mapsTitle = translator.locator('tbody tr td.cell-displayTitle', { hasText: '地図' })
      await expect(mapsTitle.innerText()).resolves.toBe('地図')
      await expect(
        translator.locator('tbody tr td.cell-name', { hasText: '地図' }).count(),
      ).resolves.toBe(0)
      await mapsTitle.locator('a').click()
      await translator.waitForURL(new RegExp(`/admin/collections/partner-categories/${mapsId}$`))
      await expect(translator.locator('.localizer').innerText()).resolves.toContain('English')

      // The header names the document, not its id.
      await expect(translator.locator('h1').first().innerText()).resolves.toBe('地図')

      // The approved Japanese above each translatable field, read-only.
      const name = sourceBox(translator, 'name')
      await name.waitFor()
      await expect(name.innerText()).resolves.toContain('地図')
      await expect(name.innerText()).resolves.toMatch(/日本語の原文（.+ 承認、閲覧のみ）/)
      await expect(sourceBox(translator, 'description').innerText()).resolves.toContain(
        '地図プロバイダーと提携し',
      )
      await expect(sourceBox(translator, 'dataUsageNote').innerText()).resolves.toContain(
        '地図プロバイダーには情報がほとんど共有されません',
      )
      for (const field of ['name', 'description', 'dataUsageNote'])
        await expect(
          sourceBox(translator, field).locator('input, textarea, [contenteditable="true"]').count(),
        ).resolves.toBe(0)
      await expect(translator.locator('input[name="name"]').inputValue()).resolves.toBe('')
      expect(
        await seriousAxeViolations(translator, '[data-testid="source-text-description"]'),
      ).toEqual([])

      // Translate and submit.
      await translator.locator('input[name="name"]').fill('Maps')
      await translator.locator('#action-save').click()
      await translator.locator('#review-action-submit').click()
      await translator.locator('#review-action-withdraw').waitFor()
      await expect(translator.locator('h1').first().innerText()).resolves.toBe('Maps')
      await expect(
        sourceBox(translator, 'name').getByTestId('source-text-redline').count(),
      ).resolves.toBe(0)

      // The Japanese changes and is approved after the submission: the redline shows above the field.
      await approveChange(own.api, { subject: 'maps', locale: 'ja', data: { name: '地図とナビ' } })
      await translator.reload()
      const redline = sourceBox(translator, 'name').getByTestId('source-text-redline')
      await redline.waitFor()
      await expect(redline.innerText()).resolves.toContain(SOURCE.changedSinceSubmitted)
      await expect(redline.locator('ins').innerText()).resolves.toBe('とナビ')
      await expect(
        sourceBox(translator, 'name').getByTestId('source-text-value').innerText(),
      ).resolves.toBe('地図とナビ')
      // Fields whose Japanese did not change show no redline.
      await expect(
        sourceBox(translator, 'description').getByTestId('source-text-redline').count(),
      ).resolves.toBe(0)
      expect(await seriousAxeViolations(translator, '[data-testid="source-text-name"]')).toEqual([])

      // The list says which translations no longer translate the approved Japanese, in words.
      await translator.goto(`${own.api.baseURL}/admin/collections/partner-categories?limit=50`)
      const mapsRow = translator.locator('tbody tr', {
        has: translator.locator('td.cell-displayTitle', { hasText: 'Maps' }),
      })
      await expect(mapsRow.locator('td.cell-sourceState').innerText()).resolves.toBe(
        workflowStrings.ja.sourceState.stale,
      )
      await expect(mapsRow.locator('td.cell-reviewState').innerText()).resolves.toBe(
        workflowStrings.ja.state.in_review,
      )
      await translator.goto(`${own.api.baseURL}/admin/collections/partner-categories/${mapsId}`)
      await sourceBox(translator, 'name').getByTestId('source-text-redline').waitFor()

      // In English too.
      await translator
        .context()
        .addCookies([{ name: 'payload-lng', value: 'en', url: own.api.baseURL }])
      await translator.reload()
      await sourceBox(translator, 'name').getByTestId('source-text-redline').waitFor()
      await expect(sourceBox(translator, 'name').innerText()).resolves.toContain(
        sourceTextStrings.en.changedSinceSubmitted,
      )
      expect(await seriousAxeViolations(translator, '[data-testid="source-text-name"]')).toEqual([])
    })
  }, 240_000)

  it('the Japanese itself shows no source box', async () => {
    await scenario('editor-no-source-box', async (open) => {
      const editor = await as(open, 'editor')
      const id = await categoryIdByKey(own.api, 'support')
      await editor.goto(`${own.api.baseURL}/admin/collections/partner-categories/${id}?locale=ja`)
      await editor.locator('input[name="name"]').waitFor()
      await editor.getByTestId('review-state').waitFor()
      await expect(editor.locator('.kaiji-source-text').count()).resolves.toBe(0)
    })
  })
})
