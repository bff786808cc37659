import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'

import { editContent } from '@support/contentChanges'
import type { ApiClient } from '@support/apiClient'
import { TEST_PASSWORD } from '@support/testUsers.mjs'
import { startIsolatedServer } from '@support/testServer'
import { startSmtpServer, type ReceivedMail, type SmtpTestServer } from '../helpers/smtpServer'

type Problem = { errors: Array<{ message: string }> }

const FAST_OUTBOX = { KAIJI_OUTBOX_POLL_MS: '200', KAIJI_OUTBOX_RETRY_BASE_MS: '200' }

const submit = async (
  api: ApiClient,
  { subject, locale, note }: { subject: string; locale: string; note?: string },
) => {
  await editContent(api, { subject, locale, data: { name: `${subject}-${Date.now()}` } })
  const id = (
    await api.request<{ docs: Array<{ id: number }> }>(
      `/api/partner-categories?where[key][equals]=${subject}`,
      { token: await api.login('admin') },
    )
  ).body.docs[0]?.id
  return api.request(`/api/partner-categories/${id}/workflow`, {
    method: 'POST',
    token: await api.login('editor'),
    json: { action: 'submit', locale, ...(note ? { reason: note } : {}) },
  })
}

const to = (address: string) => (mail: ReceivedMail) => mail.to.includes(address)

describe('email through a real SMTP server (KAIJI_SMTP_URL)', () => {
  let smtp: SmtpTestServer
  let server: Awaited<ReturnType<typeof startIsolatedServer>>
  let api: ApiClient

  beforeAll(async () => {
    smtp = await startSmtpServer()
    server = await startIsolatedServer('email-smtp', {
      KAIJI_SMTP_URL: smtp.url,
      KAIJI_MAIL_FROM: 'Kaiji Legal <legal@kaiji.test>',
      ...FAST_OUTBOX,
    })
    api = server.client
  }, 300_000)
  afterAll(async () => {
    await server?.stop()
    await smtp?.stop()
  })

  it('a submission emails the reviewers with the note and a link to the document in that locale; a request for changes emails the author', async () => {
    const submitted = await submit(api, {
      subject: 'maps',
      locale: 'ja',
      note: '地図の名称を変更しました。',
    })
    expect(submitted.status).toBe(200)
    const [review] = await smtp.waitFor(to('reviewer@kaiji.test'))
    expect(review).toBeDefined()
    const mail = review!.parsed
    expect(mail.from?.value).toEqual([{ name: 'Kaiji Legal', address: 'legal@kaiji.test' }])
    expect(mail.subject).toMatch(/^\[Kaiji\] Review requested: Category: .+ \(Japanese\)$/)
    expect(mail.text).toContain('地図の名称を変更しました。')
    expect(mail.text).toMatch(
      /Open it in Kaiji: http:\/\/127\.0\.0\.1:\d+\/admin\/collections\/partner-categories\/\d+\?locale=ja/,
    )
    expect(mail.html).toContain('地図の名称を変更しました。')
    expect(mail.html).toMatch(
      /<a href="http:\/\/127\.0\.0\.1:\d+\/admin\/collections\/partner-categories\/\d+\?locale=ja">/,
    )
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@kaiji\.test>$/)
    // The author is not told of their own submission; nobody else is a reviewer.
    expect(smtp.received.filter(to('editor@kaiji.test'))).toHaveLength(0)

    const id = /partner-categories\/(\d+)/.exec(String(mail.text))?.[1]
    const requested = await api.request(`/api/partner-categories/${id}/workflow`, {
      method: 'POST',
      token: await api.login('reviewer'),
      json: { action: 'request-changes', locale: 'ja', reason: '表記を元に戻してください。' },
    })
    expect(requested.status).toBe(200)
    const [back] = await smtp.waitFor(to('editor@kaiji.test'))
    expect(back?.parsed.subject).toMatch(/^\[Kaiji\] Changes requested: /)
    expect(back?.parsed.text).toContain('表記を元に戻してください。')
  }, 120_000)

  it('a reviewer who turns the emails off in their account gets none; another user cannot turn them off for them', async () => {
    const reviewerToken = await api.login('reviewer')
    const me = await api.request<{ user: { id: number } }>('/api/users/me', {
      token: reviewerToken,
    })
    const reviewerId = me.body.user.id
    const byEditor = await api.request(`/api/users/${reviewerId}`, {
      method: 'PATCH',
      token: await api.login('editor'),
      json: { notifyByEmail: false },
    })
    expect([403, 404]).toContain(byEditor.status)
    const off = await api.request(`/api/users/${reviewerId}`, {
      method: 'PATCH',
      token: reviewerToken,
      json: { notifyByEmail: false },
    })
    expect(off.status).toBe(200)
    const before = smtp.received.filter(to('reviewer@kaiji.test')).length
    expect((await submit(api, { subject: 'cloud-platform', locale: 'ja' })).status).toBe(200)
    // The outbox looks every 200 ms; give it ample time to (wrongly) send.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(smtp.received.filter(to('reviewer@kaiji.test'))).toHaveLength(before)
  }, 120_000)

  it('password reset by email works: the link arrives and sets a new password', async () => {
    const asked = await api.request('/api/users/forgot-password', {
      method: 'POST',
      json: { email: 'editor2@kaiji.test' },
    })
    expect(asked.status).toBe(200)
    const [reset] = await smtp.waitFor(to('editor2@kaiji.test'))
    const token = /reset\/([0-9a-f]{40})/.exec(
      String(reset?.parsed.html ?? reset?.parsed.text),
    )?.[1]
    expect(token).toBeDefined()
    const newPassword = `${TEST_PASSWORD}-renewed-2`
    const done = await api.request('/api/users/reset-password', {
      method: 'POST',
      json: { token, password: newPassword },
    })
    expect(done.status).toBe(200)
    const login = await api.request('/api/users/login', {
      method: 'POST',
      json: { email: 'editor2@kaiji.test', password: newPassword },
    })
    expect(login.status).toBe(200)
    // Single use: the same link does not work twice.
    const again = await api.request('/api/users/reset-password', {
      method: 'POST',
      json: { token, password: `${newPassword}-x` },
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
  }, 120_000)
})

describe('without SMTP (the quick start)', () => {
  let server: Awaited<ReturnType<typeof startIsolatedServer>>
  let api: ApiClient

  beforeAll(async () => {
    server = await startIsolatedServer('email-files', FAST_OUTBOX)
    api = server.client
  }, 300_000)
  afterAll(async () => server?.stop())

  it('messages are written as .eml files under <data dir>/outbox, complete and readable', async () => {
    expect(
      (await submit(api, { subject: 'maps', locale: 'ja', note: 'ご確認ください。' })).status,
    ).toBe(200)
    const outbox = path.join(server.dataDir, 'outbox')
    const deadline = Date.now() + 15_000
    let files: string[] = []
    while (Date.now() < deadline) {
      files = fs.existsSync(outbox)
        ? fs.readdirSync(outbox).filter((name) => name.endsWith('.eml'))
        : []
      if (files.length) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(files).toHaveLength(1)
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, files[0]!)))
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('reviewer@kaiji.test')
    expect(mail.subject).toMatch(/^\[Kaiji\] Review requested: /)
    expect(mail.text).toContain('ご確認ください。')
    expect(mail.html).toContain('ご確認ください。')
    // The outbox row says where it went.
    const rows = await api.request<{ docs: Array<{ status: string; channel: string }> }>(
      '/api/outbox-messages?where[channel][equals]=email',
      { token: await api.login('admin') },
    )
    expect(rows.body.docs.map((row) => row.status)).toEqual(['delivered'])
  }, 120_000)

  it('password reset by email is refused, with the reason, and nothing is written', async () => {
    const refused = await api.request<Problem>('/api/users/forgot-password', {
      method: 'POST',
      json: { email: 'editor@kaiji.test' },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0]?.message).toMatch(
      /no mail server is configured \(KAIJI_SMTP_URL\)/,
    )
    const graph = await api.graphql<{ forgotPasswordUser: boolean | null }>(
      'mutation { forgotPasswordUser(email: "editor@kaiji.test") }',
    )
    expect(JSON.stringify(graph.body.errors)).toMatch(/no mail server is configured/)
  })
})
