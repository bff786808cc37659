import fs from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import { DEFAULT_SOURCE_FILE, importSourceFile } from '@seed/importSource'
import { DeliveryService } from '@/delivery/deliveryService'
import { subjectContentFields } from '@/workflow/contentFields'
import type { WorkflowSubject } from '@/workflow/types'
import {
  readLocaleContent,
  readLocaleWorkflow,
  writeLocaleWorkflow,
} from '@/workflow/workflowStore'
import { publishRelease } from '@/releases/publish'
import { createTestPayload, type TestPayload } from '../helpers/testPayload'

const DAY = 86_400_000
let testPayload: TestPayload
let payload: Payload
let server: Server
let base = ''
let now = Date.now()
const start = now
const delivery = () => new DeliveryService(payload, { publicUrl: () => base, clock: () => now })
let service: DeliveryService

beforeAll(async () => {
  testPayload = await createTestPayload('clock')
  payload = testPayload.payload
  await importSourceFile({ payload, actor: 'clock test' })
  // A re-import of an edited source approves the change in ja: something new to publish.
  const edited = path.join(testPayload.dataDir, 'edited.ja.txt')
  fs.writeFileSync(
    edited,
    fs
      .readFileSync(DEFAULT_SOURCE_FILE, 'utf8')
      .replace('地図プロバイダーと提携し', '地図の提供会社と提携し'),
  )
  await importSourceFile({ payload, file: edited, actor: 'clock test' })
  const req = await createLocalReq({}, payload)
  await publishRelease(payload, req, {
    locale: 'ja',
    summary: 'Map wording, announced 30 days ahead',
    changeType: 'material',
    effectiveAt: new Date(start + 30 * DAY).toISOString(),
    publisher: { id: null, label: 'clock test' },
    now: start,
  })
  service = delivery()
  server = createServer((req, res) => service.handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}, 60_000)
afterAll(async () => {
  server?.close()
  await testPayload?.cleanup()
})

const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' })
const feedEntryIds = async (locale: string) =>
  [
    ...(await (await get(`/partners/${locale}/feed.atom`)).text()).matchAll(
      /<entry>\n<id>([^<]+)<\/id>/g,
    ),
  ].map((match) => match[1])

const served = async () => {
  const response = await fetch(`${base}/content/v1/partners/ja`)
  return (await response.json()) as {
    release: { number: number }
    upcoming: Array<{ number: number }>
    categories: Array<{ description: { html: string } }>
  }
}

describe('the effective release is decided at read time (controllable clock)', () => {
  it('serves release 1 and announces release 2 until its effective time', async () => {
    now = start + DAY
    const before = await served()
    expect(before.release.number).toBe(1)
    expect(before.upcoming.map((release) => release.number)).toEqual([2])
    expect(before.categories[2]?.description.html).toContain('地図プロバイダーと提携し')
    expect((await fetch(`${base}/content/v1/partners/ja/releases/2`)).status).toBe(404)
    const announced = await get('/partners/ja/upcoming/2')
    expect(announced.status).toBe(200)
    const page = await announced.text()
    expect(page).toContain('<h1>予告:リリース 2 は<time datetime="')
    expect(page).toContain('地図の提供会社と提携し')
    expect(page).toContain('<ins>の提供会社</ins>')
    expect(await feedEntryIds('ja')).toEqual([
      'tag:kaiji,2026:partners/ja/upcoming/2',
      'tag:kaiji,2026:partners/ja/releases/1',
    ])
  })

  it('switches to release 2 when the clock passes its effective time, with no write and no invalidation', async () => {
    now = start + 30 * DAY - 1
    expect((await served()).release.number).toBe(1)
    expect((await get('/partners/ja/upcoming/2')).status).toBe(200)
    now = start + 30 * DAY
    const announcement = await get('/partners/ja/upcoming/2')
    expect([announcement.status, announcement.headers.get('location')]).toEqual([
      301,
      '/partners/ja/releases/2',
    ])
    expect(await feedEntryIds('ja')).toEqual([
      'tag:kaiji,2026:partners/ja/releases/2',
      'tag:kaiji,2026:partners/ja/releases/1',
    ])
    const after = await served()
    expect(after.release.number).toBe(2)
    expect(after.upcoming).toEqual([])
    expect(after.categories[2]?.description.html).toContain('地図の提供会社と提携し')
    expect((await fetch(`${base}/content/v1/partners/ja/releases/2`)).status).toBe(200)
    const history = await (await fetch(`${base}/partners/ja/history`)).text()
    expect(history).toContain('Map wording, announced 30 days ahead')
  })
})

describe('a translation waits for the ja release it translates (controllable clock)', () => {
  /** Writes an English translation and its approval (four-eyes is the workflow tests' business; here only the time matters). */
  const approveTranslation = async (subject: WorkflowSubject, data: Record<string, unknown>) => {
    const req = await createLocalReq({}, payload)
    if (subject.kind === 'global')
      await payload.updateGlobal({
        slug: subject.slug,
        locale: 'en',
        data,
        req,
        overrideAccess: true,
      })
    else
      await payload.update({
        collection: subject.slug,
        id: subject.id,
        locale: 'en',
        data,
        req,
        overrideAccess: true,
      })
    const current = await readLocaleContent(
      payload,
      req,
      subject,
      subjectContentFields(payload, subject),
      'en',
    )
    const source = await readLocaleWorkflow(payload, req, subject, 'ja')
    const workflow = await readLocaleWorkflow(payload, req, subject, 'en')
    await writeLocaleWorkflow(payload, req, subject, 'en', {
      ...workflow,
      state: 'approved',
      approvedHash: current?.hash ?? null,
      approvedContent: current?.content ?? null,
      approvedAt: new Date(now).toISOString(),
      approvedBy: 'clock test',
      editedSinceApproval: [],
      sourceHash: source.approvedHash,
      sourceContent: source.approvedContent,
      approvedSourceHash: source.approvedHash,
    })
  }
  const english = async () => {
    const response = await fetch(`${base}/content/v1/partners/en`)
    return {
      status: response.status,
      body: (await response.json()) as {
        release?: { number: number }
        translation?: Record<string, unknown>
        errors?: Array<{ message: string }>
      },
    }
  }

  it('published a day after ja announced the map wording for day 30, the English release takes effect on day 30, not before', async () => {
    now = start + DAY
    service.invalidate()
    await approveTranslation({ kind: 'global', slug: 'partners-page' }, { title: 'Our partners' })
    const { docs } = await payload.find({
      collection: 'partner-categories',
      pagination: false,
      overrideAccess: true,
    })
    for (const category of docs)
      await approveTranslation(
        { kind: 'collection', slug: 'partner-categories', id: category.id },
        { name: `EN ${category.key}` },
      )

    const en = await publishRelease(payload, await createLocalReq({}, payload), {
      locale: 'en',
      summary: 'English, map wording included',
      changeType: 'editorial',
      publisher: { id: null, label: 'clock test' },
      now,
    })
    expect(en.effectiveAt).toBe(new Date(start + 30 * DAY).toISOString())
    expect(en.sourceReleaseNumber).toBe(2)
    expect(en.sourceTiming).toMatchObject({
      heldBySource: true,
      sourceRelease: { number: 2, standing: 'upcoming' },
    })
    service.invalidate()

    expect(await english()).toEqual({
      status: 404,
      body: { errors: [{ message: 'No en release is in effect yet.' }] },
    })
    const upcoming = (await (await fetch(`${base}/content/v1/partners/en/upcoming`)).json()) as {
      upcoming: Array<{
        release: { number: number; effectiveAt: string }
        translation: Record<string, unknown>
        links: unknown
      }>
    }
    expect(
      upcoming.upcoming.map((entry) => [entry.release.number, entry.release.effectiveAt]),
    ).toEqual([[1, new Date(start + 30 * DAY).toISOString()]])
    expect(upcoming.upcoming[0]?.links).toEqual({ page: '/partners/en/upcoming/1', redline: null })
    // The first English release: its page has no redline, there being no release in effect to compare with.
    const first = await get('/partners/en/upcoming/1')
    expect(first.status).toBe(200)
    const firstPage = await first.text()
    expect(firstPage).toContain('No release is in effect yet; this one will be the first.')
    expect(firstPage).toContain('(translates Japanese release 2)')
    expect(firstPage).not.toContain('id="changes"')
    expect(upcoming.upcoming[0]?.translation).toMatchObject({
      behindSource: false,
      translatedFromSourceRelease: 2,
      sourceReleaseInEffect: 2,
    })

    now = start + 30 * DAY - 1
    expect((await english()).status).toBe(404)
    expect((await get('/partners/en/upcoming/1')).status).toBe(200)
    now = start + 30 * DAY
    expect((await get('/partners/en/upcoming/1')).headers.get('location')).toBe(
      '/partners/en/releases/1',
    )
    const served = await english()
    expect(served.status).toBe(200)
    expect(served.body.release?.number).toBe(1)
    expect(served.body.translation).toMatchObject({
      behindSource: false,
      sourceUpdatedAt: null,
      translatedFromSourceRelease: 2,
      sourceReleaseInEffect: 2,
    })
  })
})
