import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { closeConnectionsAfterTransactions } from '@/database/closeTransactionConnections'
import { takeTurnsWriting } from '@/database/writeTurns'
import { approveChange, releaseAction } from '@support/contentChanges'
import { startIsolatedServer } from '@support/testServer'
import type { TestUserName } from '../helpers/http'
import { startSmtpServer, type ReceivedMail, type SmtpTestServer } from '../helpers/smtpServer'

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let smtp: SmtpTestServer
let nextClient = 1

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startIsolatedServer('subscriptions', {
    KAIJI_SMTP_URL: smtp.url,
    KAIJI_OUTBOX_POLL_MS: '200',
    // Each test speaks for a client address of its own, so the per-address limit is tested alone.
    KAIJI_TRUST_PROXY: '1',
    KAIJI_RATE_LIMIT_SUBSCRIBE: '5/3600',
    KAIJI_RATE_LIMIT_SUBSCRIBE_EMAIL: '3/3600',
    KAIJI_TIMEZONE: 'Asia/Tokyo',
    // The delivery-only public site too: the last test subscribes through it.
    KAIJI_PUBLIC_PORT: '0',
  })
}, 300_000)
afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

const newClientAddress = () => `198.51.100.${nextClient++}`

const post = (
  urlPath: string,
  body: string,
  {
    client = newClientAddress(),
    json = false,
    contentType = 'application/x-www-form-urlencoded',
  } = {},
) =>
  server.client.request<{ message?: string; errors?: Array<{ message: string }> }>(urlPath, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': contentType,
      'X-Forwarded-For': client,
      ...(json ? { Accept: 'application/json' } : {}),
    },
  })

const subscribe = (locale: string, fields: Record<string, string>, options = {}) =>
  post(`/partners/${locale}/subscribe`, new URLSearchParams(fields).toString(), options)

const mailsTo = (address: string, count = 1) =>
  smtp.waitFor((mail) => mail.to.includes(address), count)

const linkIn = (mail: ReceivedMail, pattern: RegExp): string => {
  const found = pattern.exec(mail.parsed.text ?? '')?.[0]
  if (!found) throw new Error(`no link ${pattern} in: ${mail.parsed.text}`)
  return found
}

const relative = (url: string) => {
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? ''

const adminGet = async <T>(urlPath: string) =>
  server.client.request<T>(urlPath, { token: await server.client.login('admin') })

const subscribers = async () =>
  (
    await adminGet<{
      docs: Array<{
        id: number
        email: string
        locale: string
        scope: string
        consentVersion: string
      }>
    }>('/api/subscribers?limit=100')
  ).body.docs

const requestCount = async () =>
  (await adminGet<{ totalDocs: number }>('/api/subscription-requests?limit=1')).body.totalDocs

/** From the raw message: mail parsers fold the List-* headers into a structure of their own. */
const headerOf = (mail: ReceivedMail, name: string): string => {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n(?=[ \t])/g, '') ?? ''
  const line = head
    .split(/\r?\n/)
    .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line ? line.slice(name.length + 1).trim() : ''
}

const expectUnsubscribeHeaders = (mail: ReceivedMail, locale: string) => {
  expect(headerOf(mail, 'list-unsubscribe')).toMatch(
    new RegExp(`^<http://127\\.0\\.0\\.1:\\d+/partners/${locale}/unsubscribe\\?token=[^>]+>$`),
  )
  expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
  expect(mail.parsed.text).toContain('/unsubscribe?token=')
}

/** Subscribes, reads the confirmation email and presses its button: a confirmed subscriber. */
const subscribeAndConfirm = async (
  locale: string,
  email: string,
  scope: 'material' | 'all',
  language?: string,
) => {
  const asked = await subscribe(locale, { email, scope, ...(language ? { language } : {}) })
  expect(asked.status).toBe(202)
  const [mail] = await mailsTo(email)
  if (!mail) throw new Error(`no confirmation email for ${email}`)
  const confirmUrl = linkIn(mail, /http:\/\/\S+\/subscribe\/confirm\?token=\S+/)
  const confirmed = await post(new URL(confirmUrl).pathname, `token=${tokenOf(confirmUrl)}`)
  expect(confirmed.status).toBe(200)
  return { mail, confirmUrl }
}

describe('double opt-in', () => {
  it('a request sends a confirmation email; its link shows a button that POSTs, confirms once, and stores only what is needed', async () => {
    const email = 'first@example.com'
    const asked = await subscribe('ja', { email, scope: 'material' })
    expect(asked.status).toBe(202)
    expect(asked.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await subscribers()).toHaveLength(0)

    const [mail] = await mailsTo(email)
    if (!mail) throw new Error('no confirmation email')
    expect(mail.parsed.subject).toContain('購読の確認')
    expect(mail.parsed.html).toContain('<a href="http://127.0.0.1:')
    expectUnsubscribeHeaders(mail, 'ja')
    const confirmUrl = linkIn(mail, /http:\/\/\S+\/subscribe\/confirm\?token=\S+/)

    // Opening the link (as a mail scanner does) confirms nothing: it shows a form that POSTs.
    const page = await server.client.request(relative(confirmUrl))
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/<form method="post" action="\/partners\/ja\/subscribe\/confirm">/)
    expect(page.text).toContain(`value="${tokenOf(confirmUrl)}"`)
    expect(await subscribers()).toHaveLength(0)

    const confirmed = await post('/partners/ja/subscribe/confirm', `token=${tokenOf(confirmUrl)}`)
    expect(confirmed.status).toBe(200)
    const stored = await subscribers()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ email, locale: 'ja', scope: 'material' })
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(
      [
        'confirmedAt',
        'consentVersion',
        'createdAt',
        'email',
        'id',
        'locale',
        'scope',
        'updatedAt',
      ].sort(),
    )

    const again = await post('/partners/ja/subscribe/confirm', `token=${tokenOf(confirmUrl)}`, {
      json: true,
    })
    expect(again.status).toBe(410)
    expect(again.body.errors?.[0]?.message).toMatch(/期限切れか、すでに使用されています/)
  })

  it('an expired link is refused and subscribes nobody', async () => {
    const email = 'late@example.com'
    expect((await subscribe('en', { email, scope: 'all' })).status).toBe(202)
    const [mail] = await mailsTo(email)
    if (!mail) throw new Error('no confirmation email')
    const confirmUrl = linkIn(mail, /http:\/\/\S+\/subscribe\/confirm\?token=\S+/)
    const db = createClient({ url: `file:${path.join(server.dataDir, 'kaiji.db')}` })
    // The server's outbox worker writes too: this write waits its turn as the server's own do.
    closeConnectionsAfterTransactions(db)
    takeTurnsWriting(db)
    try {
      const updated = await db.execute({
        sql: "UPDATE subscription_requests SET expires_at = '2000-01-01T00:00:00.000Z' WHERE email = ?",
        args: [email],
      })
      expect(updated.rowsAffected).toBe(1)
    } finally {
      db.close()
    }
    const refused = await post('/partners/en/subscribe/confirm', `token=${tokenOf(confirmUrl)}`)
    expect(refused.status).toBe(410)
    expect((await subscribers()).map((row) => row.email)).not.toContain(email)
  })

  it('answers the same whether or not the address is already subscribed', async () => {
    const known = await subscribe('ja', { email: 'first@example.com', scope: 'material' })
    const unknown = await subscribe('ja', { email: 'nobody-yet@example.com', scope: 'material' })
    expect(known.status).toBe(unknown.status)
    expect(known.text).toBe(unknown.text)
    const knownJson = await subscribe(
      'ja',
      { email: 'first@example.com', scope: 'all' },
      { json: true },
    )
    const unknownJson = await subscribe(
      'ja',
      { email: 'nobody-2@example.com', scope: 'all' },
      { json: true },
    )
    expect(knownJson.status).toBe(202)
    expect(knownJson.text).toBe(unknownJson.text)
  })
})

describe('refusals', () => {
  it('rate-limits per email address and per client address (429 with Retry-After)', async () => {
    const email = 'many@example.com'
    for (let i = 0; i < 3; i++)
      expect((await subscribe('en', { email, scope: 'all' })).status).toBe(202)
    const fourth = await subscribe('en', { email, scope: 'all' }, { json: true })
    expect(fourth.status).toBe(429)
    expect(fourth.body.errors?.[0]?.message).toMatch(/this email address/)
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)

    const client = newClientAddress()
    for (let i = 0; i < 5; i++)
      expect(
        (await subscribe('en', { email: `c${i}@example.com`, scope: 'all' }, { client })).status,
      ).toBe(202)
    const sixth = await subscribe(
      'en',
      { email: 'c6@example.com', scope: 'all' },
      { client, json: true },
    )
    expect(sixth.status).toBe(429)
    expect(sixth.body.errors?.[0]?.message).toMatch(/from this address/)
  })

  it('bad input gets a 400 (or 413) naming the problem and changes nothing', async () => {
    const before = await requestCount()
    const cases: Array<[string, string, number, RegExp, string?]> = [
      ['/partners/en/subscribe', 'scope=all', 400, /email address/],
      ['/partners/en/subscribe', 'email=not-an-address&scope=all', 400, /is not an email address/],
      [
        '/partners/en/subscribe',
        'email=a%40example.com&scope=weekly',
        400,
        /"scope" must be one of material, all/,
      ],
      ['/partners/xx/subscribe', 'email=a%40example.com&scope=all', 400, /Unknown language "xx"/],
      [
        '/partners/en/subscribe',
        'email=a%40example.com&scope=all&admin=1',
        400,
        /Unknown form field/,
      ],
      [
        '/partners/en/subscribe',
        '{"email":"a@example.com"}',
        400,
        /x-www-form-urlencoded/,
        'application/json',
      ],
      [
        '/partners/en/subscribe',
        `email=${'a'.repeat(5000)}%40example.com&scope=all`,
        413,
        /larger than/,
      ],
    ]
    for (const [urlPath, body, status, message, contentType] of cases) {
      const answer = await post(urlPath, body, {
        json: true,
        ...(contentType ? { contentType } : {}),
      })
      expect({ urlPath, body: body.slice(0, 40), status: answer.status }).toEqual({
        urlPath,
        body: body.slice(0, 40),
        status,
      })
      expect(answer.body.errors?.[0]?.message).toMatch(message)
    }
    const get = await server.client.request('/partners/en/subscribe')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect(await requestCount()).toBe(before)
  })
})

describe('notices', () => {
  const materialOnly = 'material-only@example.com'
  const allChanges = 'all-changes@example.com'
  const english = 'english@example.com'
  let announcedNumber = 0

  beforeAll(async () => {
    await subscribeAndConfirm('ja', materialOnly, 'material')
    await subscribeAndConfirm('ja', allChanges, 'all')
    // Chosen on the Japanese page, in English: told of English releases only.
    await subscribeAndConfirm('ja', english, 'all', 'en')
  }, 120_000)

  it('a material change announced for a later date: each subscriber of the language gets a notice in their language, with the date, the redline, links and headers', async () => {
    await approveChange(server.client, {
      subject: 'page',
      locale: 'ja',
      data: { title: '第三者提供先の一覧' },
    })
    const effectiveAt = new Date(Date.now() + 40 * 86_400_000)
    effectiveAt.setUTCHours(3, 0, 0, 0)
    const published = await releaseAction(server.client, 'publish', {
      locale: 'ja',
      summary: 'タイトルを変更します',
      changeType: 'material',
      effectiveAt: effectiveAt.toISOString(),
    })
    expect(published.status).toBe(201)
    announcedNumber = published.body.release?.number ?? 0

    for (const address of [materialOnly, allChanges]) {
      const [notice] = await smtp.waitFor(
        (mail) => mail.to.includes(address) && /予告/.test(mail.parsed.subject ?? ''),
      )
      if (!notice) throw new Error(`no notice for ${address}`)
      const text = notice.parsed.text ?? ''
      expect(notice.parsed.subject).toContain(`リリース${announcedNumber}`)
      const expectedDate = new Intl.DateTimeFormat('ja', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Asia/Tokyo',
      }).format(effectiveAt)
      expect(text).toContain(`発効日時: ${expectedDate} (JST)`)
      expect(text).toContain('変更の概要: タイトルを変更します')
      expect(text).toMatch(/\{\+第三者提供先の一覧\+\}/)
      expect(text).toContain(`/partners/ja/upcoming/${announcedNumber}`)
      expect(text).toMatch(
        new RegExp(`/partners/ja/releases/${announcedNumber}/object\\?token=\\S+`),
      )
      expect(text).toContain('日本語版が優先されます')
      expect(notice.parsed.html).toContain('<ins>第三者提供先の一覧</ins>')
      expectUnsubscribeHeaders(notice, 'ja')
      if (address === materialOnly) process.stdout.write(`\n--- ja notice ---\n${text}\n`)
    }
    const toEnglish = smtp.received.filter((mail) => mail.to.includes(english))
    expect(toEnglish).toHaveLength(1) // the confirmation only
  })

  it('an editorial publish reaches only "all changes" subscribers; the announcement it overtakes is withdrawn for everyone told of it', async () => {
    await approveChange(server.client, {
      subject: 'page',
      locale: 'ja',
      data: { title: 'パートナー' },
    })
    const published = await releaseAction(server.client, 'publish', {
      locale: 'ja',
      summary: '表記の修正',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    const number = published.body.release?.number ?? 0
    const [editorial] = await smtp.waitFor(
      (mail) =>
        mail.to.includes(allChanges) &&
        mail.parsed.subject === `リリース${number}を公開しました（編集上の変更）`,
    )
    expect(editorial).toBeDefined()
    for (const address of [materialOnly, allChanges]) {
      const [withdrawn] = await smtp.waitFor(
        (mail) => mail.to.includes(address) && /取り消し/.test(mail.parsed.subject ?? ''),
      )
      expect(withdrawn?.parsed.subject).toContain(`リリース${announcedNumber}`)
      expect(withdrawn?.parsed.text).toContain(`リリース${number}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(
      smtp.received.filter(
        (mail) =>
          mail.to.includes(materialOnly) && /を公開しました/.test(mail.parsed.subject ?? ''),
      ),
    ).toHaveLength(0)
  })

  it('a rollback withdraws the announcement it overtakes, for everyone told of it', async () => {
    await approveChange(server.client, {
      subject: 'page',
      locale: 'ja',
      data: { title: '提供先の一覧' },
    })
    const announced = await releaseAction(server.client, 'publish', {
      locale: 'ja',
      summary: 'もう一度タイトルを変更します',
      changeType: 'material',
      effectiveAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    })
    expect(announced.status).toBe(201)
    const announcedAgain = announced.body.release?.number ?? 0
    const toldOf = (address: string, pattern: RegExp) =>
      smtp.waitFor(
        (mail) =>
          mail.to.includes(address) &&
          (mail.parsed.subject ?? '').includes(`リリース${announcedAgain}`) &&
          pattern.test(mail.parsed.subject ?? ''),
      )
    for (const address of [materialOnly, allChanges]) await toldOf(address, /予告/)

    const rolledBack = await releaseAction(server.client, 'rollback', {
      locale: 'ja',
      toRelease: 1,
      reason: '予告した変更を取りやめます',
    })
    expect(rolledBack.status).toBe(201)
    const rollback = rolledBack.body.release?.number ?? 0
    for (const address of [materialOnly, allChanges]) {
      const [withdrawn] = await toldOf(address, /取り消し/)
      expect(withdrawn?.parsed.text).toContain(`リリース${rollback}`)
    }
  })

  it('one-click unsubscribe: a POST of List-Unsubscribe=One-Click to the header URL unsubscribes; GET only shows a button', async () => {
    const [mail] = await mailsTo(allChanges)
    if (!mail) throw new Error('no mail')
    const url = headerOf(mail, 'list-unsubscribe').slice(1, -1)
    const page = await server.client.request(relative(url))
    expect(page.status).toBe(200)
    expect(page.text).toContain('<form method="post"')
    expect((await subscribers()).map((row) => row.email)).toContain(allChanges)
    const done = await post(relative(url), 'List-Unsubscribe=One-Click')
    expect(done.status).toBe(200)
    expect((await subscribers()).map((row) => row.email)).not.toContain(allChanges)
    const forged = await post(
      '/partners/ja/unsubscribe?token=abc.def',
      'List-Unsubscribe=One-Click',
    )
    expect(forged.status).toBe(400)
  })
})

describe('subscribers are for admins only', () => {
  it.each<TestUserName | null>([null, 'editor', 'reviewer', 'translatorEn'])(
    '%s can neither list, export, create nor erase them (REST and GraphQL)',
    async (who) => {
      const token = who ? await server.client.login(who) : undefined
      for (const urlPath of [
        '/api/subscribers',
        '/api/subscribers/export.csv',
        '/api/subscription-requests',
      ])
        expect([401, 403]).toContain((await server.client.request(urlPath, { token })).status)
      const created = await server.client.request('/api/subscribers', {
        method: 'POST',
        token,
        json: {
          email: 'x@example.com',
          locale: 'ja',
          scope: 'all',
          confirmedAt: new Date().toISOString(),
          consentVersion: 'x',
        },
      })
      expect([401, 403]).toContain(created.status)
      const graph = await server.client.graphql<{ Subscribers: unknown }>(
        '{ Subscribers { docs { email } } }',
        token,
      )
      expect(graph.body.data?.Subscribers ?? null).toBeNull()
      const [first] = await subscribers()
      if (!first) throw new Error('no subscriber')
      expect([401, 403, 404]).toContain(
        (await server.client.request(`/api/subscribers/${first.id}`, { method: 'DELETE', token }))
          .status,
      )
    },
  )

  it('nobody creates or changes them through the API, admins included', async () => {
    const token = await server.client.login('admin')
    const created = await server.client.request('/api/subscribers', {
      method: 'POST',
      token,
      json: {
        email: 'x@example.com',
        locale: 'ja',
        scope: 'all',
        confirmedAt: new Date().toISOString(),
        consentVersion: 'x',
      },
    })
    expect(created.status).toBe(403)
    const mutation = await server.client.graphql(
      'mutation { createSubscriber(data: { email: "x@example.com", locale: ja, scope: all, confirmedAt: "2026-01-01T00:00:00Z", consentVersion: "x" }) { id } }',
      token,
    )
    expect(mutation.body.errors?.length).toBeGreaterThan(0)
  })

  it('admins export them as CSV and erase one, with its outbox messages', async () => {
    const token = await server.client.login('admin')
    const csv = await server.client.request('/api/subscribers/export.csv', { token })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.text).toContain('email,locale,scope,confirmed_at,consent_version')
    expect(csv.text).toContain('material-only@example.com,ja,material,')
    const graph = await server.client.graphql<{ Subscribers: { docs: Array<{ email: string }> } }>(
      '{ Subscribers { docs { email } } }',
      token,
    )
    expect(graph.body.data?.Subscribers.docs.map((row) => row.email)).toContain(
      'material-only@example.com',
    )

    const target = (await subscribers()).find((row) => row.email === 'material-only@example.com')
    if (!target) throw new Error('no subscriber to erase')
    const messagesOf = async () =>
      (
        await adminGet<{ totalDocs: number }>(
          `/api/outbox-messages?limit=1&where[recipient][equals]=${encodeURIComponent(target.email)}`,
        )
      ).body.totalDocs
    expect(await messagesOf()).toBeGreaterThan(0)
    const erased = await server.client.request(`/api/subscribers/${target.id}`, {
      method: 'DELETE',
      token,
    })
    expect(erased.status).toBe(200)
    expect(await messagesOf()).toBe(0)
    expect((await subscribers()).map((row) => row.email)).not.toContain(target.email)
  })
})

describe('without SMTP', () => {
  it('the confirmation email is written as an .eml file under <dataDir>/outbox', async () => {
    const offline = await startIsolatedServer('subscriptions-eml', { KAIJI_OUTBOX_POLL_MS: '200' })
    try {
      const answer = await offline.client.request('/partners/fr/subscribe', {
        method: 'POST',
        body: 'email=eml%40example.com&scope=material',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
      expect(answer.status).toBe(202)
      const dir = path.join(offline.dataDir, 'outbox')
      const deadline = Date.now() + 15_000
      let files: string[] = []
      while (Date.now() < deadline) {
        files = fs.existsSync(dir)
          ? fs.readdirSync(dir).filter((name) => name.endsWith('.eml'))
          : []
        if (files.length) break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect(files).toHaveLength(1)
      const eml = fs.readFileSync(path.join(dir, files[0] ?? ''), 'utf8')
      expect(eml).toMatch(/^To: eml@example\.com/m)
      expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    } finally {
      await offline.stop()
    }
  }, 300_000)
})

describe('on the public-site process', () => {
  it('subscribing, confirming and one-click unsubscribing work there as on the main port, and the links name it', async () => {
    const site = server.publicSite
    if (!site) throw new Error('the public site did not start')
    const email = 'through-the-public-site@example.com'
    const form = (body: string) => ({
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': newClientAddress(),
      },
    })
    const asked = await site.request('/partners/en/subscribe', form(`email=${email}&scope=all`))
    expect(asked.status).toBe(202)
    const [mail] = await mailsTo(email)
    if (!mail) throw new Error('no confirmation email')
    const confirmUrl = linkIn(mail, /http:\/\/\S+\/subscribe\/confirm\?token=\S+/)
    expect(new URL(confirmUrl).origin).toBe(site.baseURL)
    const confirmed = await site.request(
      new URL(confirmUrl).pathname,
      form(`token=${tokenOf(confirmUrl)}`),
    )
    expect(confirmed.status).toBe(200)
    expect((await subscribers()).map((row) => row.email)).toContain(email)

    const unsubscribe = headerOf(mail, 'list-unsubscribe').slice(1, -1)
    expect(new URL(unsubscribe).origin).toBe(site.baseURL)
    const done = await site.request(relative(unsubscribe), form('List-Unsubscribe=One-Click'))
    expect(done.status).toBe(200)
    expect((await subscribers()).map((row) => row.email)).not.toContain(email)
  })
})
