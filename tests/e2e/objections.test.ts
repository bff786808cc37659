import type { Browser } from 'playwright-core'

import { signToken } from '@/subscriptions/signedToken'
import { approveChange, releaseAction } from '@support/contentChanges'
import type { ApiClient } from '../helpers/http'
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtpServer'
import { startIsolatedServer } from '@support/testServer'
import { inBrowser, launchBrowser, loginAs, seriousAxeViolations } from './browser'

const SECRET = 'objections-e2e-secret-0123456789abcdef0123456789'
const DAY = 86_400_000
const REASON = '地図データの保存先の国が書かれていません。'

let browser: Browser
let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient
let smtp: SmtpTestServer
let announced = 0

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startIsolatedServer('objections-e2e', {
    PAYLOAD_SECRET: SECRET,
    KAIJI_SMTP_URL: smtp.url,
    KAIJI_OUTBOX_POLL_MS: '200',
  })
  api = server.client
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図サービス' } })
  const published = await releaseAction(api, 'publish', {
    locale: 'ja',
    summary: '地図の提供会社を変更',
    changeType: 'material',
    effectiveAt: new Date(Date.now() + 40 * DAY).toISOString(),
  })
  expect(published.status).toBe(201)
  announced = published.body.release?.number ?? 0
  browser = await launchBrowser()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
})

describe('objecting to an announced material change, in Chromium', () => {
  it('the subscriber opens their link, fills the form and sees the acknowledgement', async () => {
    // The public pages' policy forbids every script, axe's included: this context alone lets it in.
    const context = await browser.newContext({ locale: 'ja-JP', bypassCSP: true })
    try {
      const page = await context.newPage()
      const token = signToken(SECRET, 'object', { s: 'sub-e2e', l: 'ja', n: announced })
      await page.goto(
        `${api.baseURL}/partners/ja/releases/${announced}/object?token=${encodeURIComponent(token)}`,
      )
      await expect(page.locator('h1').textContent()).resolves.toBe(`リリース ${announced} への異議`)
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja')
      await expect(seriousAxeViolations(page)).resolves.toEqual([])
      await page.getByLabel('異議の理由（必須）').fill(REASON)
      await page.getByLabel('組織（任意）').fill('株式会社サンプル')
      await page.getByLabel('返信先メールアドレス（任意）').fill('privacy@example.com')
      await Promise.all([
        page.waitForURL(/\/object$/),
        page.getByRole('button', { name: '異議を送信' }).click(),
      ])
      await expect(page.locator('h1').textContent()).resolves.toBe('異議を受け付けました')
      const [mail] = await smtp.waitFor((received) => received.to.includes('privacy@example.com'))
      expect(mail?.parsed.text).toContain(REASON)
    } finally {
      await context.close()
    }
  })

  it('a reviewer sees it counted in the publish panel, opens it and closes it with an outcome', async () => {
    await inBrowser(
      browser,
      'objections-reviewer',
      async (open) => {
        const { page } = await open()
        await loginAs(page, 'reviewer', api.baseURL)
        await page.goto(`${api.baseURL}/admin/collections/releases`)
        const counts = page.getByTestId('publish-objections')
        await counts.waitFor()
        await expect(counts.textContent()).resolves.toContain(
          `リリース ${announced} への異議：未対応 1 件／全 1 件。`,
        )
        await Promise.all([
          page.waitForURL(/\/admin\/collections\/objections/),
          counts.getByRole('link', { name: '異議を見る' }).click(),
        ])
        await page.getByText('株式会社サンプル').first().waitFor()
        const { body } = await api.request<{ docs: Array<{ id: number }> }>('/api/objections', {
          token: await api.login('reviewer'),
        })
        await page.goto(`${api.baseURL}/admin/collections/objections/${body.docs[0]?.id}`)
        await page.locator('#kaiji-objection-outcome').selectOption('rejected')
        await page.getByLabel('説明（取り下げ以外は必須）').fill('保存先は EU 内であると回答した。')
        await page.getByRole('button', { name: '異議を締めくくる' }).click()
        await page.getByText('対応済み：棄却（変更を実施する）').waitFor()
        const after = await api.request<{ docs: Array<{ status: string; outcome: string }> }>(
          '/api/objections',
          { token: await api.login('reviewer') },
        )
        expect(after.body.docs[0]).toMatchObject({ status: 'closed', outcome: 'rejected' })
        await page.goto(`${api.baseURL}/admin/collections/releases`)
        await expect(page.getByTestId('publish-objections').textContent()).resolves.toContain(
          '未対応 0 件／全 1 件',
        )
      },
      api.baseURL,
    )
  })
})
