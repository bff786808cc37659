import { DOMParser } from '@xmldom/xmldom'

import { approveChange, releaseAction } from '@support/contentChanges'
import { publishPublicPagesFixture, type PublicPagesFixture } from '@support/publicPagesFixture'
import { tmxDate } from '@/translations/tmx/writer'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { validateTmx } from '../helpers/xmllint'

type Problem = { errors: Array<{ message: string }> }
type Unit = {
  tuid: string | null
  creationdate: string | null
  changedate: string | null
  releases: number[]
  segments: string[]
  ja: string
  target: string
  langs: Array<string | null>
}

const own = useIsolatedServer('tmx')

const exportAs = async (
  who: TestUserName | null,
  query: string,
  headers: Record<string, string> = {},
) =>
  own.api.request(`/api/translations/tmx${query}`, {
    token: who ? await own.api.login(who) : undefined,
    headers,
  })

const unitsOf = (xml: string): Unit[] =>
  Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('tu')).map(
    (tu) => {
      const props = Array.from(tu.getElementsByTagName('prop'))
      const tuvs = Array.from(tu.getElementsByTagName('tuv'))
      return {
        tuid: tu.getAttribute('tuid'),
        creationdate: tu.getAttribute('creationdate'),
        changedate: tu.getAttribute('changedate'),
        releases: props
          .filter((prop) => prop.getAttribute('type') === 'x-kaiji-release')
          .map((prop) => Number(prop.textContent)),
        segments: props
          .filter((prop) => prop.getAttribute('type') === 'x-kaiji-segment')
          .map((prop) => prop.textContent ?? ''),
        ja: tuvs[0]?.textContent ?? '',
        target: tuvs[1]?.textContent ?? '',
        langs: tuvs.map((tuv) => tuv.getAttribute('xml:lang')),
      }
    },
  )

/** Every unit for one place, in the order of the file. */
const at = (units: Unit[], segment: string) =>
  units
    .filter((unit) => unit.segments.includes(segment))
    .map(({ ja, target, releases }) => ({ ja, target, releases }))

/** What nothing but a write changes: releases, audit events, each locale's workflow states. */
const footprint = async () => {
  const token = await own.api.login('admin')
  const count = async (path: string) =>
    (await own.api.request<{ totalDocs: number }>(`${path}?limit=1`, { token })).body.totalDocs
  return {
    releases: await count('/api/releases'),
    audit: await count('/api/audit-events'),
    workflow: (await own.api.request('/api/workflow-states?limit=200&sort=id', { token })).text,
  }
}

const publishedAt = async (locale: string): Promise<Map<number, string>> => {
  const { body } = await own.api.request<{ docs: Array<{ number: number; publishedAt: string }> }>(
    `/api/releases?where[locale][equals]=${locale}&limit=100&sort=number`,
    { token: await own.api.login('admin') },
  )
  return new Map(body.docs.map((release) => [release.number, release.publishedAt]))
}

let fixture: PublicPagesFixture
let exported = ''

beforeAll(async () => {
  fixture = await publishPublicPagesFixture(own.api)
}, 300_000)

describe('TMX export of the seeded page with three en releases (GET /api/translations/tmx?locale=en)', () => {
  it('is a TMX 1.4b file of the approved ja→en pairs, valid against the DTD, one unit per distinct pair', async () => {
    expect(fixture.en).toEqual({ first: 1, current: 2, announced: 3 })
    const response = await exportAs('translatorEn', '?locale=en')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kaiji-partners-ja-en.tmx"',
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    exported = response.text
    expect(validateTmx(exported)).toEqual({ ok: true, output: '' })
    const units = unitsOf(exported)
    // The number to quote: units and bytes of the memory of this fixture.
    console.log(`TMX: ${units.length} tu, ${Buffer.byteLength(exported, 'utf8')} bytes`)

    const header = new DOMParser()
      .parseFromString(exported, 'text/xml')
      .getElementsByTagName('header')[0]
    expect(header?.getAttribute('srclang')).toBe('ja')
    expect(header?.getAttribute('segtype')).toBe('paragraph')
    expect(units.every((unit) => unit.langs.join() === 'ja,en')).toBe(true)
    // Each pair once: no two units with the same Japanese and the same English.
    expect(new Set(units.map((unit) => `${unit.ja}\u0000${unit.target}`)).size).toBe(units.length)
    expect(new Set(units.map((unit) => unit.tuid)).size).toBe(units.length)

    // Unchanged through the three releases: one unit in all three.
    expect(at(units, 'page.columnLabels.type#s1')).toEqual([
      { ja: 'タイプ', target: 'Type', releases: [1, 2, 3] },
    ])
    // The seeded Japanese page has no title: its English title pairs with nothing.
    expect(units.some((unit) => unit.target === 'Our third-party partners')).toBe(false)
    expect(at(units, 'page.intro#s1')[0]?.target).toMatch(/^Like many companies/)
    // The category renamed in ja before the first en release: paired with the renamed text.
    expect(at(units, 'category.analytics.name#s1')).toEqual([
      { ja: '分析と計測', target: 'Analytics and measurement', releases: [1, 2, 3] },
    ])
    // A translation changed in en 2: the old pair stays, with the releases that published it.
    const support = at(units, 'category.support.name#s1')
    expect(support).toEqual([
      { ja: 'サポート', target: 'Support', releases: [1] },
      { ja: 'サポート', target: 'Customer support', releases: [2, 3] },
    ])
    // ja 3 renamed maps; en 3 translates that: two Japanese texts, each with its translation.
    expect(at(units, 'category.maps.name#s1')).toEqual([
      { ja: '地図', target: 'Maps', releases: [1, 2] },
      { ja: '地図と位置情報', target: 'Maps and location', releases: [3] },
    ])

    // Dates: creationdate is the first release that published the pair, changedate the last.
    const dates = await publishedAt('en')
    const date = (number: number) => tmxDate(dates.get(number) ?? '')
    const [oldSupport, newSupport] = units.filter((unit) =>
      unit.segments.includes('category.support.name#s1'),
    )
    expect([oldSupport?.creationdate, oldSupport?.changedate]).toEqual([date(1), date(1)])
    expect([newSupport?.creationdate, newSupport?.changedate]).toEqual([date(2), date(3)])
    expect(newSupport?.creationdate).toMatch(/^\d{8}T\d{6}Z$/)
  })

  it('gives editors and admins the same file; translators of the locale only; reviewers and others are refused', async () => {
    for (const who of ['editor', 'admin'] as TestUserName[]) {
      const response = await exportAs(who, '?locale=en')
      expect({ who, status: response.status }).toEqual({ who, status: 200 })
      expect(response.text).toBe(exported)
    }
    // A locale without releases: a valid memory without units.
    const fr = await exportAs('translatorFrRu', '?locale=fr')
    expect(fr.status).toBe(200)
    expect(validateTmx(fr.text)).toEqual({ ok: true, output: '' })
    expect(unitsOf(fr.text)).toEqual([])

    const refusals: Array<[TestUserName | null, string, number, string]> = [
      [null, '?locale=en', 401, 'Sign in to export the translation memory.'],
      [
        'reviewer',
        '?locale=en',
        403,
        'Your role may not export the translation memory of en: translators of that language, legal editors and admins may.',
      ],
      ['translatorEn', '?locale=fr', 403, 'You translate en, not fr.'],
      ['translatorFrRu', '?locale=en', 403, 'You translate fr, ru, not en.'],
    ]
    for (const [who, query, status, message] of refusals) {
      const response = await exportAs(who, query)
      expect({ who, query, status: response.status }).toEqual({ who, query, status })
      expect((response.body as Problem).errors[0]?.message).toBe(message)
      expect(response.text).not.toContain('<tu')
    }
    const japanese = await exportAs('reviewer', '?locale=en', { 'Accept-Language': 'ja' })
    expect(japanese.status).toBe(403)
    expect((japanese.body as Problem).errors[0]?.message).toContain('翻訳メモリを書き出せません')
  })

  it('answers a missing, unknown or source locale with 400 naming the problem, and changes nothing', async () => {
    const before = await footprint()
    const cases: Array<[string, string]> = [
      ['', 'Unknown target locale null'],
      ['?locale=', 'Unknown target locale ""'],
      ['?locale=ja', 'ja is the source language'],
      ['?locale=xx', 'Unknown target locale "xx"'],
      ['?locale=EN', 'Unknown target locale "EN"'],
    ]
    for (const [query, message] of cases) {
      const response = await exportAs('editor', query)
      expect({ query, status: response.status }).toEqual({ query, status: 400 })
      expect((response.body as Problem).errors[0]?.message).toContain(message)
    }
    // Not a write route: another method is not served.
    const post = await own.api.request('/api/translations/tmx?locale=en', {
      method: 'POST',
      token: await own.api.login('admin'),
      body: exported,
      headers: { 'Content-Type': 'application/xml' },
    })
    expect(post.status).toBeGreaterThanOrEqual(400)
    expect(post.status).toBeLessThan(500)
    // Unknown parameters are ignored, as by the XLIFF export.
    expect((await exportAs('editor', '?locale=en&extra=1')).text).toBe(exported)
    expect(await footprint()).toEqual(before)
  })

  it('is REST only: GraphQL has no translation-memory operation', async () => {
    const token = await own.api.login('admin')
    for (const query of ['{ tmx(locale: "en") }', '{ translationMemory }', '{ TranslationsTmx }']) {
      const { body } = await own.api.graphql(query, token)
      expect(body.errors?.[0]?.message).toMatch(/^Cannot query field/)
      expect(body.data ?? null).toBeNull()
    }
  })

  it('pairs a stale translation, published again, with the Japanese it translates, not the newer Japanese', async () => {
    // ja 4 renames "support" (announced after ja 3); the en translation of it is not updated.
    const { body: ja3 } = await own.api.request<{ docs: Array<{ effectiveAt: string }> }>(
      `/api/releases?where[locale][equals]=ja&where[number][equals]=${fixture.ja.announced}`,
      { token: await own.api.login('admin') },
    )
    await approveChange(own.api, {
      subject: 'support',
      locale: 'ja',
      data: { name: 'カスタマーサポート' },
    })
    const ja4 = await releaseAction(own.api, 'publish', {
      locale: 'ja',
      summary: 'サポートの名前を変更',
      changeType: 'editorial',
      effectiveAt: new Date(Date.parse(ja3.docs[0]!.effectiveAt) + 86_400_000).toISOString(),
    })
    expect(ja4.status).toBe(201)
    await approveChange(own.api, {
      subject: 'marketing',
      locale: 'en',
      editor: 'translatorEn',
      data: { name: 'Marketing and advertising' },
    })
    const en4 = await releaseAction(own.api, 'publish', {
      locale: 'en',
      summary: 'Clearer name for marketing',
      changeType: 'editorial',
    })
    expect(en4.status).toBe(201)
    expect(en4.body.release?.number).toBe(4)

    const response = await exportAs('translatorEn', '?locale=en')
    expect(validateTmx(response.text)).toEqual({ ok: true, output: '' })
    const units = unitsOf(response.text)
    expect(at(units, 'category.support.name#s1')).toEqual([
      { ja: 'サポート', target: 'Support', releases: [1] },
      { ja: 'サポート', target: 'Customer support', releases: [2, 3, 4] },
    ])
    expect(units.some((unit) => unit.ja === 'カスタマーサポート')).toBe(false)
    expect(at(units, 'category.marketing.name#s1').map((unit) => unit.target)).toEqual([
      'Marketing',
      'Marketing and advertising',
    ])
  })
})
