import { DOMParser } from '@xmldom/xmldom'

import { categoryIdByKey, editContent, workflowAction } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { validateXliff } from '../helpers/xmllint'

type Problem = { errors: Array<{ message: string }> }
type Report = {
  locale: string
  written: Array<{ file: string; fields: string[]; staleUnits: string[] }>
  unchanged: number
}

const own = useIsolatedServer('xliff')

const exportAs = async (who: TestUserName | null, query: string) =>
  own.api.request(`/api/translations/xliff${query}`, {
    token: who ? await own.api.login(who) : undefined,
  })

const importAs = async (who: TestUserName | null, xml: string) =>
  own.api.request<Report & Problem>('/api/translations/xliff', {
    method: 'POST',
    token: who ? await own.api.login(who) : undefined,
    body: xml,
    headers: { 'Content-Type': 'application/xliff+xml' },
  })

const auditCount = async () =>
  (
    await own.api.request<{ totalDocs: number }>('/api/audit-events?limit=1', {
      token: await own.api.login('admin'),
    })
  ).body.totalDocs

const categoryIn = async (key: string, locale: string) =>
  (
    await own.api.request<Record<string, unknown>>(
      `/api/partner-categories/${await categoryIdByKey(own.api, key)}?locale=${locale}`,
      { token: await own.api.login('admin') },
    )
  ).body

const enState = async (key: string) =>
  (
    await own.api.request<{ state: string; source: { stale: boolean } | null }>(
      `/api/partner-categories/${await categoryIdByKey(own.api, key)}/workflow?locale=en`,
      {
        token: await own.api.login('reviewer'),
      },
    )
  ).body

/** Adds a target to a unit's first segment (the file as a translator's tool would return it). */
const withTarget = (xml: string, unitId: string, target: string) =>
  xml.replace(
    new RegExp(
      `(<unit id="${unitId.replaceAll('.', '\\.')}"[\\s\\S]*?<segment id="s1" state=")initial(">\\n\\s*<source>[\\s\\S]*?</source>)`,
    ),
    `$1translated$2\n        <target>${target}</target>`,
  )

let exported = ''

describe('XLIFF 2.0 export (GET /api/translations/xliff?locale=)', () => {
  it('refuses without a session, without a target locale, and outside a translator’s locales', async () => {
    const cases: Array<[TestUserName | null, string, number, string]> = [
      [null, '?locale=en', 401, 'Sign in to export translations.'],
      ['translatorEn', '', 400, 'Unknown target locale null'],
      ['translatorEn', '?locale=ja', 400, 'ja is the source language'],
      ['editor', '?locale=xx', 400, 'Unknown target locale "xx"'],
      ['translatorEn', '?locale=fr', 403, 'You translate en, not fr.'],
    ]
    for (const [who, query, status, message] of cases) {
      const response = await exportAs(who, query)
      expect({ who, query, status: response.status }).toEqual({ who, query, status })
      expect((response.body as Problem).errors[0]?.message).toContain(message)
    }
  })

  it('gives every translatable unit of the page and the categories, and validates against the XLIFF 2.0 schema', async () => {
    const response = await exportAs('translatorEn', '?locale=en')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xliff+xml; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kaiji-partners-ja-en.xlf"',
    )
    exported = response.text
    expect(validateXliff(exported)).toEqual({ ok: true, output: '- validates' })
    const document = new DOMParser().parseFromString(exported, 'text/xml')
    const files = Array.from(document.getElementsByTagName('file')).map((file) =>
      file.getAttribute('id'),
    )
    expect(files).toEqual([
      'page',
      'category.cloud-platform',
      'category.bug-detection',
      'category.maps',
      'category.sms-providers',
      'category.analytics',
      'category.marketing',
      'category.support',
      'category.internal-tools',
    ])
    const units = Array.from(document.getElementsByTagName('unit')).map((unit) =>
      unit.getAttribute('id'),
    )
    expect(units).toContain('page.intro')
    expect(units).toContain('page.columnLabels.type')
    expect(units).toContain('category.maps.description')
    // Nothing translated yet: every segment is initial, and sources are the approved Japanese text.
    expect(
      Array.from(document.getElementsByTagName('segment')).every(
        (segment) => segment.getAttribute('state') === 'initial',
      ),
    ).toBe(true)
    expect(exported).toContain('<source>タイプ</source>')
    for (const who of ['reviewer', 'editor', 'admin'] as TestUserName[])
      expect((await exportAs(who, '?locale=en')).text).toBe(exported)
  })
})

describe('XLIFF 2.0 import (POST /api/translations/xliff)', () => {
  it('re-importing the untouched file changes nothing', async () => {
    const events = await auditCount()
    const response = await importAs('translatorEn', exported)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ locale: 'en', written: [], unchanged: 9 })
    expect(await auditCount()).toBe(events)
  })

  it('writes the translated targets as drafts of the uploader, which enter the workflow', async () => {
    const xml = withTarget(
      withTarget(exported, 'category.maps.name', 'Maps'),
      'page.columnLabels.type',
      'Type',
    )
    const response = await importAs('translatorEn', xml)
    expect(response.status).toBe(200)
    expect(response.body.written).toEqual([
      { file: 'page', fields: ['columnLabels.type'], staleUnits: [] },
      { file: 'category.maps', fields: ['name'], staleUnits: [] },
    ])
    expect((await categoryIn('maps', 'en')).name).toBe('Maps')
    expect((await categoryIn('maps', 'ja')).name).toBe('地図')
    expect((await enState('maps')).state).toBe('draft')
    const page = (
      await own.api.request<{ columnLabels: Record<string, unknown> }>(
        '/api/globals/partners-page?locale=en',
        { token: await own.api.login('admin') },
      )
    ).body
    expect(page.columnLabels).toMatchObject({ type: 'Type', description: null })
    const events = (
      await own.api.request<{
        docs: Array<{ action: string; actorLabel: string; locale: string }>
      }>('/api/audit-events?sort=-id&limit=2', { token: await own.api.login('admin') })
    ).body.docs
    expect(events.map((event) => [event.action, event.locale])).toEqual([
      ['edit', 'en'],
      ['edit', 'en'],
    ])
    expect(events[0]?.actorLabel).toContain('translator-en@kaiji.test')
    // The next export carries the draft as the target, and the same file again changes nothing.
    const again = (await exportAs('translatorEn', '?locale=en')).text
    expect(again).toContain('<target>Maps</target>')
    expect((await importAs('translatorEn', again)).body).toMatchObject({ written: [] })
    await workflowAction(own.api, 'maps', 'en', 'submit', 'translatorEn')
    expect((await enState('maps')).state).toBe('in_review')
  })

  it('a dry run (?dryRun=true) answers the plan, naming what goes back to draft, and writes nothing', async () => {
    const dryRun = async (who: TestUserName | null, xml: string, query = '?dryRun=true') =>
      own.api.request<Problem & { dryRun: boolean; documents: unknown[]; unchanged: number }>(
        `/api/translations/xliff${query}`,
        {
          method: 'POST',
          token: who ? await own.api.login(who) : undefined,
          body: xml,
          headers: { 'Content-Type': 'application/xliff+xml' },
        },
      )
    const current = (await exportAs('translatorEn', '?locale=en')).text
    const xml = withTarget(
      current.replace('<target>Maps</target>', '<target>Map providers</target>'),
      'category.analytics.name',
      'Analytics',
    )
    const events = await auditCount()
    const response = await dryRun('translatorEn', xml)
    expect(response.status).toBe(200)
    expect(response.body).toEqual({
      dryRun: true,
      locale: 'en',
      documents: [
        {
          file: 'category.maps',
          subject: `partner-categories:${await categoryIdByKey(own.api, 'maps')}`,
          fields: ['name'],
          staleUnits: [],
          state: 'in_review',
          sendsBackToDraft: true,
        },
        {
          file: 'category.analytics',
          subject: `partner-categories:${await categoryIdByKey(own.api, 'analytics')}`,
          fields: ['name'],
          staleUnits: [],
          state: null,
          sendsBackToDraft: false,
        },
      ],
      unchanged: 7,
    })
    expect(await auditCount()).toBe(events)
    expect((await categoryIn('maps', 'en')).name).toBe('Maps')
    expect((await categoryIn('analytics', 'en')).name ?? null).not.toBe('Analytics')
    expect((await enState('maps')).state).toBe('in_review')
    // The dry run refuses as the import does, and a bad flag is named.
    expect((await dryRun(null, xml)).status).toBe(401)
    expect((await dryRun('reviewer', xml)).status).toBe(403)
    const bad = await dryRun('translatorEn', xml, '?dryRun=yes')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0]?.message).toBe('dryRun must be true or false, not "yes".')
    expect(await auditCount()).toBe(events)
  })

  it('refuses, naming each problem, and writes nothing', async () => {
    const events = await auditCount()
    const good = withTarget(exported, 'category.support.name', 'Support')
    const cases: Array<[TestUserName | null, string, number, RegExp]> = [
      [null, good, 401, /Sign in to import translations/],
      ['reviewer', good, 403, /Your role may not edit en content/],
      [
        'translatorEn',
        good.replace('trgLang="en"', 'trgLang="fr"'),
        403,
        /You translate en, not fr/,
      ],
      [
        'translatorEn',
        good.replace('trgLang="en"', 'trgLang="ja"'),
        422,
        /trgLang: ja is the source language/,
      ],
      ['translatorEn', good.replace(' trgLang="en"', ''), 400, /no trgLang/],
      ['translatorEn', good.replace('srcLang="ja"', 'srcLang="en"'), 422, /srcLang is "en"/],
      ['translatorEn', good.replace('</xliff>', ''), 400, /not well-formed XML/],
      [
        'translatorEn',
        good.replace('version="2.0"', 'version="1.2"'),
        400,
        /XLIFF version "1.2" is not supported/,
      ],
      [
        'translatorEn',
        good.replace(/<unit id="category\.analytics\.name"[\s\S]*?<\/unit>/, ''),
        422,
        /Missing units .*category\.analytics\.name/,
      ],
      ['translatorEn', '', 400, /The body is empty/],
    ]
    for (const [who, xml, status, message] of cases) {
      const response = await importAs(who, xml)
      expect({ who, status: response.status }).toEqual({ who, status })
      expect(response.body.errors.map((error) => error.message).join('\n')).toMatch(message)
    }
    const huge = await importAs(
      'translatorEn',
      good.replace('</xliff>', `<!--${'x'.repeat(2 * 1024 * 1024)}--></xliff>`),
    )
    expect(huge.status).toBe(413)
    expect(huge.body.errors[0]?.message).toBe('The request body is larger than 2 MB.')
    expect((await categoryIn('support', 'en')).name ?? null).toBeNull()
    expect(await auditCount()).toBe(events)
  })

  it('a unit whose source changed since the export is imported and the translation shows as stale', async () => {
    const before = (await exportAs('translatorEn', '?locale=en')).text
    await editContent(own.api, { subject: 'analytics', locale: 'ja', data: { name: '分析と計測' } })
    await workflowAction(own.api, 'analytics', 'ja', 'submit', 'editor')
    await workflowAction(own.api, 'analytics', 'ja', 'approve', 'reviewer')
    const response = await importAs(
      'translatorEn',
      withTarget(before, 'category.analytics.name', 'Analytics'),
    )
    expect(response.status).toBe(200)
    expect(response.body.written).toEqual([
      { file: 'category.analytics', fields: ['name'], staleUnits: ['category.analytics.name'] },
    ])
    expect((await categoryIn('analytics', 'en')).name).toBe('Analytics')
    expect((await enState('analytics')).source?.stale).toBe(true)
  })
})
