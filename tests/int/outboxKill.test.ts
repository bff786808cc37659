import { createServer, type Server } from 'node:http'

import { messageIdFor } from '@/outbox/deliverEmail'
import { approveChange } from '@support/contentChanges'
import { makeDataDir, startServer, stopServer, type ServerHandle } from '@support/server.mjs'
import { createTestUsers } from '@support/testServer'
import { ApiClient } from '../helpers/http'
import { mulberry32 } from '../helpers/seededRandom'
import { startSmtpServer, type SmtpTestServer } from '../helpers/smtpServer'

/**
 * The outbox's promise under crashes: the real server is killed with SIGKILL at a random moment
 * during a publish (before, during or after its commit, and while it delivers), then started again
 * on the same database. Every email and webhook that a committed action queued must arrive, none
 * that a rolled-back one would have queued may, and each must arrive once as its receiver counts,
 * by the id every attempt of one delivery shares (Message-ID, webhook-id). A raw second copy is
 * allowed only for a delivery whose process died mid-attempt, and the report counts them.
 */
const SEED = 20_261_207
const ROUNDS = 6
const MAX_KILL_DELAY_MS = 400
const FROM = 'kaiji@kaiji.test'

type OutboxRow = { key: string; channel: 'email' | 'webhook'; status: string; attempts: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('outbox under SIGKILL during publishes', () => {
  const rng = mulberry32(SEED)
  let smtp: SmtpTestServer
  let receiver: Server
  let receiverUrl = ''
  const webhookIds: string[] = []
  const dataDir = makeDataDir('outbox-kill')
  const env = (smtpUrl: string): Record<string, string> => ({
    KAIJI_SMTP_URL: smtpUrl,
    KAIJI_MAIL_FROM: `Kaiji <${FROM}>`,
    KAIJI_WEBHOOK_ALLOW_PRIVATE: 'true',
    KAIJI_OUTBOX_POLL_MS: '200',
    KAIJI_OUTBOX_RETRY_BASE_MS: '200',
    // A claim whose process died lapses after 2 × 1 s + 5 s.
    KAIJI_OUTBOX_TIMEOUT_MS: '1000',
  })
  let server: ServerHandle | null = null

  beforeAll(async () => {
    smtp = await startSmtpServer()
    receiver = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        webhookIds.push(String(req.headers['webhook-id']))
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const address = receiver.address()
    receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })
  afterAll(async () => {
    if (server) await server.stop({ removeData: true })
    receiver?.close()
    await smtp?.stop()
  })

  it(`each email and webhook a committed publish queued is delivered once, across ${ROUNDS} kills (seed ${SEED})`, async () => {
    server = await startServer({ dataDir, env: env(smtp.url) })
    let api = new ApiClient(server.baseURL)
    await createTestUsers(api, ['editor', 'reviewer'])
    for (const name of ['site', 'cdn'])
      expect(
        (
          await api.request('/api/webhook-endpoints', {
            method: 'POST',
            token: await api.login('admin'),
            json: { name, url: `${receiverUrl}/${name}` },
          })
        ).status,
      ).toBe(201)

    const kills: Array<{ round: number; delayMs: number; answered: number | null }> = []
    for (let round = 1; round <= ROUNDS; round++) {
      await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: `地図 ${round}` } })
      const delayMs = Math.floor(rng() * MAX_KILL_DELAY_MS)
      const child = server.child
      const exited = new Promise((resolve) => child.once('exit', resolve))
      let answered: number | null = null
      const publish = api
        .request('/api/releases/publish', {
          method: 'POST',
          token: await api.login('reviewer'),
          json: { locale: 'ja', summary: `Round ${round}`, changeType: 'editorial' },
        })
        .then(
          (response) => {
            answered = response.status
          },
          () => undefined,
        )
      await sleep(delayMs)
      child.kill('SIGKILL')
      await exited
      await publish
      kills.push({ round, delayMs, answered })
      server = await startServer({ dataDir, env: env(smtp.url) })
      api = new ApiClient(server.baseURL)
    }

    const admin = await api.login('admin')
    const rows = async () =>
      (
        await api.request<{ docs: OutboxRow[] }>('/api/outbox-messages?limit=0&depth=0', {
          token: admin,
        })
      ).body.docs
    const deadline = Date.now() + 60_000
    let all = await rows()
    while (all.some((row) => row.status !== 'delivered') && Date.now() < deadline) {
      await sleep(250)
      all = await rows()
    }
    // Let anything still in flight land before counting.
    await sleep(1_000)
    expect(all.filter((row) => row.status !== 'delivered')).toEqual([])

    const releases = (
      await api.request<{ totalDocs: number }>('/api/releases?limit=1&where[locale][equals]=ja', {
        token: admin,
      })
    ).body.totalDocs
    const webhookRows = all.filter((row) => row.channel === 'webhook').map((row) => row.key)
    const emailRows = all
      .filter((row) => row.channel === 'email')
      .map((row) => messageIdFor(row.key, FROM))
    // One webhook per endpoint for each release published after the first (the seed's).
    expect(webhookRows).toHaveLength(2 * (releases - 1))
    // One email to the reviewer per submission, whatever happened to the publish after it.
    expect(emailRows).toHaveLength(ROUNDS)

    const countBy = (ids: string[]) =>
      ids.reduce(
        (counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1),
        new Map<string, number>(),
      )
    const receivedWebhooks = countBy(webhookIds)
    const receivedEmails = countBy(smtp.received.map((mail) => mail.parsed.messageId ?? ''))
    const report = {
      kills,
      releasesPublished: releases - 1,
      webhooks: {
        queued: webhookRows.length,
        received: webhookIds.length,
        distinct: receivedWebhooks.size,
      },
      emails: {
        queued: emailRows.length,
        received: smtp.received.length,
        distinct: receivedEmails.size,
      },
      retriedAfterKill: all.filter((row) => row.attempts > 1).length,
      receivedTwice: [...receivedWebhooks, ...receivedEmails].filter(([, n]) => n > 1).length,
    }
    process.stdout.write(`outbox kill test: ${JSON.stringify(report)}\n`)
    // Nothing lost and nothing extra: the distinct ids are exactly the queued deliveries.
    expect([...receivedWebhooks.keys()].sort()).toEqual([...webhookRows].sort())
    expect([...receivedEmails.keys()].sort()).toEqual([...emailRows].sort())
    // A receiver sees an id twice only when the process died between the receiver's answer and
    // recording it (its attempt stays "unknown"): no sender can know whether that one arrived.
    const interrupted = (
      await api.request<{ docs: Array<{ message: { key: string; channel: string } }> }>(
        '/api/outbox-attempts?limit=0&depth=1&where[outcome][equals]=unknown',
        { token: admin },
      )
    ).body.docs.map(({ message }) =>
      message.channel === 'email' ? messageIdFor(message.key, FROM) : message.key,
    )
    const twice = [...receivedWebhooks, ...receivedEmails].filter(([, n]) => n > 1)
    expect(twice.filter(([id, n]) => n !== 2 || !interrupted.includes(id))).toEqual([])
    await stopServer(server.child)
  }, 600_000)
})
