import { DOMParser, type Element } from '@xmldom/xmldom'

import { approveChange, publicGet, releaseAction } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { validateXliff } from '../helpers/xmllint'

/**
 * Notice holds across locales: a translation never takes effect before the ja text it translates.
 * One server; the describes run in order and build on each other.
 */

const DAY = 86_400_000
const KEYS = [
  'cloud-platform',
  'bug-detection',
  'maps',
  'sms-providers',
  'analytics',
  'marketing',
  'support',
  'internal-tools',
]
const KAIJI_NAMESPACE = 'urn:kaiji:xliff:1'

type SourceRelease = { number: number; effectiveAt: string; standing: string }
type Translation = {
  behindSource: boolean
  sourceUpdatedAt: string | null
  translatedFromSourceRelease: number | null
  sourceReleaseInEffect: number | null
}
type Delivered = {
  release: { number: number; effectiveAt: string }
  categories: Array<{ key: string; name: string | null }>
  translation: Translation
  upcoming: Array<{ number: number; effectiveAt: string }>
}
type Preview = {
  unchanged: boolean
  missing: string[]
  effective: {
    at: string
    sourceRelease: SourceRelease | null
    heldBySource: boolean
    explanation: string
  } | null
  sourceRefusal: string | null
}
type Published = {
  release?: {
    number: number
    effectiveAt: string
    sourceReleaseNumber: number | null
    rollbackOf: number | null
  }
  source?: { sourceRelease: SourceRelease; heldBySource: boolean; explanation: string } | null
  errors?: Array<{ message: string }>
}

const own = useIsolatedServer('source-notice')

const as = async (who: TestUserName) => own.api.login(who)
const count = async (collection: string) =>
  (
    await own.api.request<{ totalDocs: number }>(`/api/${collection}?limit=1`, {
      token: await as('admin'),
    })
  ).body.totalDocs
const writes = async () => [
  await count('releases'),
  await count('audit-events'),
  (await own.api.request('/api/workflow-states?limit=100&sort=id', { token: await as('admin') }))
    .text,
]
const delivered = async (locale: string) =>
  (await publicGet(own.api, `/content/v1/partners/${locale}`)).body as Delivered
const preview = async (locale: string, who: TestUserName = 'reviewer') =>
  (
    await own.api.request<Preview>(`/api/releases/preview?locale=${locale}`, {
      token: await as(who),
    })
  ).body
const publish = async (body: Record<string, unknown>) =>
  (await releaseAction(own.api, 'publish', body)) as { status: number; body: Published }
const rollback = async (body: Record<string, unknown>) =>
  (await releaseAction(own.api, 'rollback', body)) as { status: number; body: Published }

/** The XLIFF file of each document: its kaiji:sourceRelease attribute and its source-release note. */
const xliffSources = async () => {
  const response = await own.api.request('/api/translations/xliff?locale=en', {
    token: await as('translatorEn'),
  })
  expect(response.status).toBe(200)
  expect(validateXliff(response.text)).toEqual({ ok: true, output: '- validates' })
  const files = Array.from(
    new DOMParser().parseFromString(response.text, 'text/xml').getElementsByTagName('file'),
  ) as Element[]
  return new Map(
    files.map((file) => [
      file.getAttribute('id'),
      {
        release: file.getAttributeNS(KAIJI_NAMESPACE, 'sourceRelease'),
        note: file.getElementsByTagName('note')[0]?.textContent ?? '',
      },
    ]),
  )
}

beforeAll(async () => {
  // English release 1 translates the imported ja release 1, and takes effect at once.
  await approveChange(own.api, {
    subject: 'page',
    locale: 'en',
    editor: 'translatorEn',
    data: { title: 'Our partners', authoritativeLanguageNote: 'The Japanese version prevails.' },
  })
  for (const key of KEYS)
    await approveChange(own.api, {
      subject: key,
      locale: 'en',
      editor: 'translatorEn',
      data: { name: `EN ${key}` },
    })
  const first = await publish({
    locale: 'en',
    summary: 'First English version',
    changeType: 'editorial',
  })
  expect(first.status).toBe(201)
  expect(first.body.source).toMatchObject({
    sourceRelease: { number: 1, standing: 'current' },
    heldBySource: false,
  })
  expect(first.body.release?.sourceReleaseNumber).toBe(1)
}, 300_000)

describe('a translation of ja text that is approved but not yet published', () => {
  it('cannot be published: the preview says why, the publish answers 409 naming the document, and nothing is written', async () => {
    await approveChange(own.api, {
      subject: 'support',
      locale: 'ja',
      data: { name: 'サポート(改訂)' },
    })
    await approveChange(own.api, {
      subject: 'support',
      locale: 'en',
      editor: 'translatorEn',
      data: { name: 'Support (revised)' },
    })
    const shown = await preview('en')
    expect(shown.effective).toBeNull()
    expect(shown.sourceRefusal).toMatch(
      /^Cannot publish en yet: a translation cannot take effect before the ja text it translates is published; /,
    )
    expect(shown.sourceRefusal).toContain(
      'the en translation of category "support" translates approved ja text that is in no published ja release',
    )
    expect((await xliffSources()).get('category.support')).toEqual({
      release: 'unpublished',
      note: 'Source: approved ja text that is not yet published in any ja release; a translation of it cannot be published until it is.',
    })

    const before = await writes()
    for (const body of [
      { locale: 'en', summary: 'Support revised', changeType: 'editorial' },
      {
        locale: 'en',
        summary: 'Support revised',
        changeType: 'editorial',
        effectiveAt: new Date(Date.now() + 60 * DAY).toISOString(),
      },
    ]) {
      const refused = await publish(body)
      expect(refused.status).toBe(409)
      expect(refused.body.errors?.[0]?.message).toBe(shown.sourceRefusal)
    }
    expect(await writes()).toEqual(before)
    expect((await delivered('en')).release.number).toBe(1)
  })

  it('once ja publishes it for a date, the translation waits for that date, then takes effect with no action', async () => {
    const jaAt = new Date(Date.now() + 8_000).toISOString()
    const ja = await publish({
      locale: 'ja',
      summary: 'Support renamed',
      changeType: 'editorial',
      effectiveAt: jaAt,
    })
    expect([ja.status, ja.body.release?.number]).toEqual([201, 2])
    const en = await publish({ locale: 'en', summary: 'Support revised', changeType: 'editorial' })
    expect(en.status).toBe(201)
    expect(en.body.release).toMatchObject({ number: 2, effectiveAt: jaAt, sourceReleaseNumber: 2 })
    expect(en.body.source).toMatchObject({
      sourceRelease: { number: 2, effectiveAt: jaAt, standing: 'upcoming' },
      heldBySource: true,
    })
    expect(Date.now()).toBeLessThan(Date.parse(jaAt))
    const waiting = await delivered('en')
    expect(waiting.release.number).toBe(1)
    expect(waiting.categories.find((category) => category.key === 'support')?.name).toBe(
      'EN support',
    )
    expect(waiting.upcoming).toEqual([expect.objectContaining({ number: 2, effectiveAt: jaAt })])
    // The ja text in effect is still release 1, which English release 1 translates: not behind.
    expect(waiting.translation).toMatchObject({
      behindSource: false,
      translatedFromSourceRelease: 1,
      sourceReleaseInEffect: 1,
    })

    while (Date.now() < Date.parse(jaAt)) await new Promise((resolve) => setTimeout(resolve, 200))
    let after = await delivered('en')
    for (let tries = 0; after.release.number !== 2 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      after = await delivered('en')
    }
    expect(after.release.number).toBe(2)
    expect(after.categories.find((category) => category.key === 'support')?.name).toBe(
      'Support (revised)',
    )
    expect(after.translation).toMatchObject({
      behindSource: false,
      translatedFromSourceRelease: 2,
      sourceReleaseInEffect: 2,
    })
    expect((await delivered('ja')).release.number).toBe(2)
  })
})

describe('rollback obeys the rule', () => {
  it('rolling back to a translation of ja text that ja has announced again waits for that announcement’s date', async () => {
    // ja: support "B" at once (release 3), then back to the release 2 wording, announced 35 days ahead (release 4).
    await approveChange(own.api, {
      subject: 'support',
      locale: 'ja',
      data: { name: 'サポート(B)' },
    })
    const ja3 = await publish({ locale: 'ja', summary: 'Support B', changeType: 'editorial' })
    expect(ja3.body.release?.number).toBe(3)
    // ja moved on and English has not followed yet: the JSON and the page say behind which ja release.
    const behind = await delivered('en')
    expect(behind.translation).toEqual({
      sourceLocale: 'ja',
      isSource: false,
      behindSource: true,
      sourceUpdatedAt: ja3.body.release?.effectiveAt,
      translatedFromSourceRelease: 2,
      sourceReleaseInEffect: 3,
    })
    const page = (await publicGet(own.api, '/partners/en')).text
    expect(page).toContain(
      'This translation follows Japanese release 2; Japanese release 3 is in effect.',
    )
    expect(page).toContain('The Japanese version prevails.')
    await approveChange(own.api, {
      subject: 'support',
      locale: 'en',
      editor: 'translatorEn',
      data: { name: 'Support B' },
    })
    const enB = await publish({ locale: 'en', summary: 'Support B', changeType: 'editorial' })
    expect(enB.body.release).toMatchObject({ number: 3, sourceReleaseNumber: 3 })
    expect(enB.body.source?.heldBySource).toBe(false)
    await approveChange(own.api, {
      subject: 'support',
      locale: 'ja',
      data: { name: 'サポート(改訂)' },
    })
    const announcedAt = new Date(Date.now() + 35 * DAY).toISOString()
    const ja4 = await publish({
      locale: 'ja',
      summary: 'Support back',
      changeType: 'material',
      effectiveAt: announcedAt,
    })
    expect(ja4.body.release?.number).toBe(4)

    // English release 2 translates exactly the wording ja announced again: rolled back to, it waits for ja release 4.
    const rolledBack = await rollback({
      locale: 'en',
      toRelease: 2,
      reason: 'Back to the revised wording',
    })
    expect(rolledBack.status).toBe(201)
    expect(rolledBack.body.release).toMatchObject({
      number: 4,
      rollbackOf: 2,
      effectiveAt: announcedAt,
      sourceReleaseNumber: 4,
    })
    expect(rolledBack.body.source).toMatchObject({
      sourceRelease: { number: 4, standing: 'upcoming' },
      heldBySource: true,
    })
    expect(rolledBack.body.source?.explanation).toContain('category "support"')
    const en = await delivered('en')
    expect(en.release.number).toBe(3)
    expect(en.categories.find((category) => category.key === 'support')?.name).toBe('Support B')
    expect(en.upcoming).toEqual([expect.objectContaining({ number: 4, effectiveAt: announcedAt })])
  })
})

describe('a ja material change announced 40 days ahead', () => {
  let jaAt = ''

  it('its English translation, approved, would take effect on the ja date: the preview says when and why', async () => {
    await approveChange(own.api, { subject: 'maps', locale: 'ja', data: { name: '地図(予告)' } })
    jaAt = new Date(Date.now() + 40 * DAY).toISOString()
    const ja = await publish({
      locale: 'ja',
      summary: 'Maps renamed',
      changeType: 'material',
      effectiveAt: jaAt,
    })
    expect([ja.status, ja.body.release?.number]).toEqual([201, 5])
    await approveChange(own.api, {
      subject: 'maps',
      locale: 'en',
      editor: 'translatorEn',
      data: { name: 'Maps (announced)' },
    })

    for (const who of ['reviewer', 'translatorEn'] as const) {
      const shown = await preview('en', who)
      expect(shown.sourceRefusal).toBeNull()
      expect(shown.effective).toEqual({
        at: jaAt,
        sourceRelease: { number: 5, effectiveAt: jaAt, standing: 'upcoming' },
        heldBySource: true,
        explanation: `Takes effect on ${jaAt}, not before: it translates ja release 5 (category "maps"), announced to take effect then.`,
      })
    }
  })

  it('the XLIFF export names the ja release of each unit’s source', async () => {
    const files = await xliffSources()
    expect(files.get('category.maps')).toEqual({
      release: '5',
      note: `Source: ja release 5, announced to take effect on ${jaAt}; a translation of it takes effect no earlier.`,
    })
    // Support's approved wording is in ja release 4 (announced) as well as the replaced release 2: the announced one is named.
    expect(files.get('category.support')?.release).toBe('4')
    expect(files.get('page')).toEqual({
      release: '3',
      note: expect.stringMatching(/^Source: ja release 3, in effect since /),
    })
  })

  it('an explicit effectiveAt before the ja date is refused with 409 naming the date, and nothing is written', async () => {
    const before = await writes()
    const early = new Date(Date.now() + 39 * DAY).toISOString()
    const refused = await publish({
      locale: 'en',
      summary: 'Maps renamed',
      changeType: 'material',
      effectiveAt: early,
    })
    expect(refused.status).toBe(409)
    expect(refused.body.errors?.[0]?.message).toBe(
      `The en release translates ja release 5 (category "maps"), which takes effect on ${jaAt}; it cannot take effect before that (you asked for ${early}). ` +
        'Omit "effectiveAt" to have it take effect then, or give a later date.',
    )
    expect(await writes()).toEqual(before)
  })

  it('published, the English release is upcoming until the ja date; the JSON, the HTML and the preview say so', async () => {
    const published = await publish({
      locale: 'en',
      summary: 'Maps renamed',
      changeType: 'material',
    })
    expect(published.status).toBe(201)
    expect(published.body.release).toMatchObject({
      number: 5,
      effectiveAt: jaAt,
      sourceReleaseNumber: 5,
    })
    expect(published.body.source).toMatchObject({
      sourceRelease: { number: 5, standing: 'upcoming' },
      heldBySource: true,
    })

    const en = await delivered('en')
    expect(en.release.number).toBe(3)
    expect(en.categories.find((category) => category.key === 'maps')?.name).toBe('EN maps')
    expect(en.upcoming.map((release) => [release.number, release.effectiveAt])).toEqual([
      [4, expect.any(String)],
      [5, jaAt],
    ])
    // English release 3 translates ja release 3, the one in effect.
    expect(en.translation).toEqual({
      sourceLocale: 'ja',
      isSource: false,
      behindSource: false,
      sourceUpdatedAt: null,
      translatedFromSourceRelease: 3,
      sourceReleaseInEffect: 3,
    })
    // Judged against the ja release in effect at its date (ja 5). Its support text translates "B", which ja 5
    // no longer has (ja announced the revised wording again): it will be behind on that, and says so.
    const upcoming = (await publicGet(own.api, '/content/v1/partners/en/upcoming')).body as {
      upcoming: Array<{ release: { number: number }; translation: Translation }>
    }
    expect(
      upcoming.upcoming.find((entry) => entry.release.number === 5)?.translation,
    ).toMatchObject({
      behindSource: true,
      translatedFromSourceRelease: 5,
      sourceReleaseInEffect: 5,
    })
    // The rollback (4) translates exactly ja 4, in effect at its date: not behind.
    expect(
      upcoming.upcoming.find((entry) => entry.release.number === 4)?.translation,
    ).toMatchObject({
      behindSource: false,
      translatedFromSourceRelease: 4,
      sourceReleaseInEffect: 4,
    })
    for (const path of ['/content/v1/partners/en/releases/5', '/partners/en/releases/5'])
      expect((await publicGet(own.api, path)).status).toBe(404)
    for (const path of [
      '/content/v1/partners/en',
      '/partners/en',
      '/partners/en.json',
      '/partners/en.csv',
      '/partners/en/feed.atom',
    ]) {
      expect([path, (await publicGet(own.api, path)).text.includes('Maps (announced)')]).toEqual([
        path,
        false,
      ])
    }
    const html = (await publicGet(own.api, '/partners/en')).text
    expect(html).toContain('Maps renamed (translates Japanese release 5)')
    expect((await preview('en')).unchanged).toBe(true)
  })

  it('GraphQL and REST reads of releases expose only the release fields, and nothing to the public', async () => {
    const token = await as('translatorEn')
    const { body } = await own.api.graphql<{
      Releases: {
        docs: Array<{ number: number; effectiveAt: string; sourceReleaseNumber: number | null }>
      }
    }>(
      '{ Releases(where: { locale: { equals: en } }, sort: "number", limit: 10) { docs { number effectiveAt sourceReleaseNumber } } }',
      token,
    )
    expect(body.errors).toBeUndefined()
    expect(
      body.data?.Releases.docs.map((release) => [release.number, release.sourceReleaseNumber]),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ])
    expect(body.data?.Releases.docs[4]?.effectiveAt).toBe(jaAt)
    const rest = await own.api.request<{ docs: Array<Record<string, unknown>> }>(
      '/api/releases?where[locale][equals]=en&where[number][equals]=5',
      { token },
    )
    expect(Object.keys(rest.body.docs[0] ?? {}).sort()).toEqual(
      [
        'approvers',
        'changeType',
        'content',
        'contentHash',
        'createdAt',
        'effectiveAt',
        'id',
        // Set only on the release an import published (null here).
        'importedFrom',
        'locale',
        'number',
        'publishedAt',
        'publishedBy',
        'rollbackOf',
        'sourceReleaseNumber',
        'sources',
        'summary',
        'title',
        'updatedAt',
        'urgencyReason',
      ].sort(),
    )
    const anonymous = await own.api.graphql('{ Releases { docs { number content } } }')
    expect(anonymous.text).not.toContain('Maps (announced)')
    expect(anonymous.body.errors?.[0]?.message).toMatch(/not allowed|forbidden/i)
  })
})

describe('cancelling the ja release a translation waits for', () => {
  it('a ja rollback that cancels announced ja releases names the translations still waiting for them', async () => {
    const published = (
      await own.api.request<{ docs: Array<{ number: number; effectiveAt: string }> }>(
        '/api/releases?where[locale][equals]=en&sort=number',
        { token: await as('admin') },
      )
    ).body.docs
    const rolledBack = (await releaseAction(own.api, 'rollback', {
      locale: 'ja',
      toRelease: 3,
      reason: 'Withdraw the announced changes',
    })) as {
      status: number
      body: Published & { warnings?: string[] }
    }
    expect(rolledBack.status).toBe(201)
    expect(rolledBack.body.release).toMatchObject({
      number: 6,
      rollbackOf: 3,
      sourceReleaseNumber: null,
    })
    expect(rolledBack.body.warnings).toEqual(
      [4, 5].map(
        (number) =>
          `en release ${number} waits for ja release ${number}, which ja release 6 cancels; it still takes effect on ${published[number - 1]?.effectiveAt}. ` +
          'Republish or roll back en if its text should not take effect then.',
      ),
    )
    // English withdraws them (a rollback at once, to the release translating ja 3, in effect again); then nothing waits in vain.
    const en = await rollback({ locale: 'en', toRelease: 3, reason: 'Follow the ja withdrawal' })
    expect(en.body.release).toMatchObject({ number: 6, sourceReleaseNumber: 6 })
    expect(en.body.source?.heldBySource).toBe(false)
    expect((await delivered('en')).upcoming).toEqual([])
    await approveChange(own.api, {
      subject: 'bug-detection',
      locale: 'ja',
      data: { name: 'バグ検出(改訂)' },
    })
    const plain = (await publish({
      locale: 'ja',
      summary: 'Bug detection renamed',
      changeType: 'editorial',
    })) as { status: number; body: Published & { warnings?: string[] } }
    expect([plain.status, plain.body.warnings]).toEqual([201, []])
  })
})
