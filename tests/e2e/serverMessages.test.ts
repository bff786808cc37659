import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { categoryIdByKey } from '@support/contentChanges'
import { browserOnOwnServer } from './browser'

/** The browser asks for Japanese: the server's refusals reach the admin in Japanese, naming what it shows. */
const own = browserOnOwnServer('server-messages-e2e')
const { as, scenario } = own
const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0'

describe('the server speaks Japanese to the admin, in Chromium', () => {
  it('a refused save names the source language; nothing is saved', async () => {
    const id = await categoryIdByKey(own.api, 'cloud-platform')
    const before = await own.api.request<{ name: string }>(
      `/api/partner-categories/${id}?locale=ja`,
      { token: await own.api.login('admin') },
    )
    await scenario('refused-save-ja', async (open) => {
      const editor = await as(open, 'editor')
      await editor.goto(`${own.api.baseURL}/admin/collections/partner-categories/${id}?locale=ja`)
      // The Review panel loads once the form is live: a field emptied before that is not a change.
      await editor.getByTestId('review-state').waitFor()
      await editor.locator('input[name="name"]').fill('')
      await editor.locator('#action-save').click()
      await editor.getByText('この項目は原文（日本語）では必須です。').first().waitFor()
      await expect(editor.getByText('source locale (ja)').count()).resolves.toBe(0)
    })
    const after = await own.api.request<{ name: string }>(
      `/api/partner-categories/${id}?locale=ja`,
      { token: await own.api.login('admin') },
    )
    expect(after.body.name).toBe(before.body.name)
  })

  it('an XLIFF import problem is listed in Japanese, naming the languages', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-xliff-'))
    const file = path.join(dir, 'partners-fr.xlf')
    fs.writeFileSync(
      file,
      `<xliff xmlns="${XLIFF}" version="2.0" srcLang="ja" trgLang="fr"></xliff>`,
    )
    try {
      await scenario('xliff-problem-ja', async (open) => {
        const translator = await as(open, 'translatorEn')
        await translator.goto(`${own.api.baseURL}/admin/translations`)
        await translator.getByTestId('xliff-tools').waitFor()
        await translator.getByTestId('xliff-file').setInputFiles(file)
        await translator.locator('#xliff-import').click()
        const errors = translator.getByTestId('xliff-errors')
        await errors.waitFor()
        await expect(errors.innerText()).resolves.toContain(
          'あなたの担当言語は英語で、フランス語ではありません。',
        )
      })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
