import { DOMParser } from '@xmldom/xmldom'

import {
  approveChange,
  categoryIdByKey,
  editContent,
  workflowAction,
} from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { validateXliff } from '../helpers/xmllint'
import { mapText, throughTool } from '../helpers/xliffTool'

type Problem = { errors: Array<{ message: string }> }
type Report = {
  locale: string
  written: Array<{
    file: string
    fields: string[]
    staleUnits: string[]
    sourceBasis: Array<{
      unit: string
      basis: string
      release: number | null
      sourceDiffers: boolean
    }>
  }>
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
    expect(response.body.written).toMatchObject([
      { file: 'page', fields: ['columnLabels.type'], staleUnits: [] },
      { file: 'category.maps', fields: ['name'], staleUnits: [] },
    ])
    // Kaiji's own file names the source version it was exported against, for every unit.
    expect(response.body.written[1]?.sourceBasis).toEqual(
      ['name', 'description', 'dataUsageNote'].map((field) => ({
        unit: `category.maps.${field}`,
        basis: 'named',
        release: null,
        sourceDiffers: false,
      })),
    )
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
    expect(response.body).toMatchObject({
      dryRun: true,
      version: '2.0',
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
      ['reviewer', good, 403, /Your role may not edit translations, so it may not import them/],
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
        /XLIFF version "1.2" in the namespace urn:oasis:names:tc:xliff:document:2.0 is not supported/,
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
    expect(response.body.written).toMatchObject([
      { file: 'category.analytics', fields: ['name'], staleUnits: ['category.analytics.name'] },
    ])
    expect((await categoryIn('analytics', 'en')).name).toBe('Analytics')
    expect((await enState('analytics')).source?.stale).toBe(true)
  })
})

const exportText = async (query: string) => {
  const response = await exportAs('translatorEn', query)
  expect(response.status).toBe(200)
  return response.text
}

describe('XLIFF 1.2 (GET ?version=1.2; the import reads the version from the file)', () => {
  it('writes a file valid against the OASIS XLIFF 1.2 strict schema, refusing versions it does not write', async () => {
    const response = await exportAs('translatorEn', '?locale=en&version=1.2')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kaiji-partners-ja-en.xliff12.xlf"',
    )
    expect(validateXliff(response.text, '1.2')).toEqual({ ok: true, output: '- validates' })
    expect(response.text).toContain('<target state="translated">Maps</target>')
    expect((await exportAs('translatorEn', '?locale=en&version=2.0')).text).toBe(
      (await exportAs('translatorEn', '?locale=en')).text,
    )
    for (const [who, query, status, message] of [
      ['translatorEn', '?locale=en&version=2.2', 400, 'XLIFF version "2.2" cannot be exported'],
      ['translatorEn', '?locale=fr&version=1.2', 403, 'You translate en, not fr.'],
      [null, '?locale=en&version=1.2', 401, 'Sign in to export translations.'],
    ] as Array<[TestUserName | null, string, number, string]>) {
      const refused = await exportAs(who, query)
      expect({ query, status: refused.status }).toEqual({ query, status })
      expect((refused.body as Problem).errors[0]?.message).toContain(message)
    }
  })

  it('refuses a 1.2 file as it refuses a 2.0 one, naming the problem, and writes nothing', async () => {
    const xml = await exportText('?locale=en&version=1.2')
    const events = await auditCount()
    const cases: Array<[TestUserName, string, number, RegExp]> = [
      ['reviewer', xml, 403, /Your role may not edit translations, so it may not import them/],
      [
        'translatorEn',
        xml.replaceAll('target-language="en"', 'target-language="fr"'),
        403,
        /You translate en, not fr/,
      ],
      [
        'translatorEn',
        xml.replaceAll(' target-language="en"', ''),
        400,
        /no target-language on its <file> elements/,
      ],
      [
        'translatorEn',
        xml.replaceAll('target-language="en"', 'target-language="ja"'),
        422,
        /target-language: ja is the source language/,
      ],
      [
        'translatorEn',
        xml.replace('>Maps<', '><bpt id="1">&lt;b&gt;</bpt>Maps<ept id="1">&lt;/b&gt;</ept><'),
        422,
        /inline element <bpt> carries the original format's code/,
      ],
    ]
    for (const [who, input, status, message] of cases) {
      const response = await importAs(who, input)
      expect({ who, status: response.status }).toEqual({ who, status })
      expect(response.body.errors.map((error) => error.message).join('\n')).toMatch(message)
    }
    expect(await auditCount()).toBe(events)
  })
})

describe('files as tools save them: encodings and language tags', () => {
  const importBytes = async (bytes: Uint8Array<ArrayBuffer>) =>
    own.api.request<Report & Problem>('/api/translations/xliff', {
      method: 'POST',
      token: await own.api.login('translatorEn'),
      body: bytes,
      headers: { 'Content-Type': 'application/xliff+xml' },
    })
  const withName = (xml: string, name: string) =>
    xml.replace(
      /(<trans-unit id="category\.sms-providers\.name"[^>]*>\s*<source>[^<]*<\/source>)(\s*<target[^>]*>[^<]*<\/target>)?/,
      `$1<target>${name}</target>`,
    )

  it('reads the encoding the file declares, and refuses bytes that are not that encoding without writing', async () => {
    const xml = await exportText('?locale=en&version=1.2')
    const latin1 = withName(xml, 'SMS providers, café').replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
    )
    const events = await auditCount()
    const wrong = await importBytes(new Uint8Array(Buffer.from(withName(xml, 'café'), 'latin1')))
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0]?.message).toBe(
      'The file is not valid UTF-8: some bytes are not characters in the encoding it declares, and nothing was written. Save it again as UTF-8.',
    )
    const unknown = await importBytes(
      new Uint8Array(Buffer.from(latin1.replace('ISO-8859-1', 'x-klingon'), 'latin1')),
    )
    expect(unknown.body.errors[0]?.message).toBe(
      'The file is encoded in x-klingon, which cannot be read here; save it as UTF-8 (or UTF-16).',
    )
    expect(await auditCount()).toBe(events)
    const accepted = await importBytes(new Uint8Array(Buffer.from(latin1, 'latin1')))
    expect(accepted.status).toBe(200)
    expect((await categoryIn('sms-providers', 'en')).name).toBe('SMS providers, café')
    // UTF-16 with its byte-order mark, and a region subtag on the target language (en-US is en).
    const utf16 = withName(xml, 'SMS providers 🙂')
      .replace('encoding="UTF-8"', 'encoding="UTF-16"')
      .replaceAll('target-language="en"', 'target-language="en-US"')
    const response = await importBytes(
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')])),
    )
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ locale: 'en', version: '1.2' })
    expect((await categoryIn('sms-providers', 'en')).name).toBe('SMS providers 🙂')
  })
})

describe('the dry run rehearses the writes', () => {
  it('refuses what the import would refuse (the collections’ own validation), and leaves nothing behind', async () => {
    const xml = (await exportText('?locale=en')).replace(
      /(<unit id="category\.support\.name"[\s\S]*?<source>[^<]*<\/source>)(\s*<target>[^<]*<\/target>)?/,
      `$1<target>${'S'.repeat(400)}</target>`,
    )
    const events = await auditCount()
    const before = await categoryIn('support', 'en')
    const send = async (query: string) =>
      own.api.request<Problem>(`/api/translations/xliff${query}`, {
        method: 'POST',
        token: await own.api.login('translatorEn'),
        body: xml,
        headers: { 'Content-Type': 'application/xliff+xml' },
      })
    const dryRun = await send('?dryRun=true')
    const real = await send('')
    expect(dryRun.status).toBe(400)
    expect(real.status).toBe(400)
    expect(dryRun.body.errors[0]?.message).toBe(real.body.errors[0]?.message)
    expect(dryRun.body.errors[0]?.message).toMatch(/name/i)
    expect(await auditCount()).toBe(events)
    expect(await categoryIn('support', 'en')).toEqual(before)
  })
})

describe('round trips through an independent XLIFF library (the xliff npm package as the translator’s tool)', () => {
  /** Everything an import must not touch: the Japanese source and the other locales, as their exports show them. */
  const untouchedLocales = async () => ({
    fr: (await exportAs('admin', '?locale=fr')).text,
    ru: (await exportAs('admin', '?locale=ru')).text,
    // The Japanese text and its state (a document's updatedAt is shared by its locales, so it moves).
    ja: (
      await own.api.request<{ docs: Array<Record<string, unknown>> }>(
        '/api/partner-categories?locale=ja&depth=0&limit=50',
        { token: await own.api.login('admin') },
      )
    ).body.docs.map(({ updatedAt: _updatedAt, ...rest }) => rest),
  })

  it.each(['2.0', '1.2'] as const)(
    'XLIFF %s: an untouched round trip writes nothing',
    async (version) => {
      const exported = await exportText(`?locale=en&version=${version}`)
      const back = await throughTool(exported, version)
      expect(back).not.toContain('kaiji')
      const events = await auditCount()
      const response = await importAs('translatorEn', back)
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ version, locale: 'en', written: [] })
      expect(await auditCount()).toBe(events)
    },
  )

  it.each(['2.0', '1.2'] as const)(
    'XLIFF %s: the targets the translator fills in land as drafts, and nothing else changes',
    async (version) => {
      const before = await untouchedLocales()
      const exported = await exportText(`?locale=en&version=${version}`)
      const mark = version === '2.0' ? 'EN' : 'EN12'
      const translated = new Set<string>()
      const back = await throughTool(exported, version, (id, unit) => {
        if (!id.startsWith('category.support.') && !id.startsWith('category.marketing.'))
          return undefined
        translated.add(id)
        return mapText(unit.source ?? '', (piece) => `${mark}(${piece})`)
      })
      const events = await auditCount()
      const response = await importAs('translatorEn', back)
      expect(response.status).toBe(200)
      expect(response.body.written.map((entry) => entry.file)).toEqual([
        'category.marketing',
        'category.support',
      ])
      expect(
        response.body.written
          .flatMap((entry) => entry.fields.map((field) => `${entry.file}.${field}`))
          .sort(),
      ).toEqual([...translated].sort())
      for (const entry of response.body.written)
        expect(
          entry.sourceBasis.every((unit) => unit.basis === 'current' && !unit.sourceDiffers),
        ).toBe(true)
      for (const key of ['support', 'marketing']) {
        const category = await categoryIn(key, 'en')
        expect(category.name).toMatch(new RegExp(`^${mark}\\(`))
        expect(JSON.stringify(category.description)).toContain(`${mark}(`)
        expect((await enState(key)).state).toBe('draft')
      }
      // One audited edit per document written; the source and the other locales are as they were.
      expect(await auditCount()).toBe(events + 2)
      expect(await untouchedLocales()).toEqual(before)
      // Exported again and sent back untouched, the translation changes nothing.
      const again = await throughTool(await exportText(`?locale=en&version=${version}`), version)
      expect((await importAs('translatorEn', again)).body).toMatchObject({ written: [] })
      expect(await auditCount()).toBe(events + 2)
    },
  )

  it('a file that names no source version is recognised by its source text: an older approved text makes the translation stale', async () => {
    const exported = await throughTool(await exportText('?locale=en'), '2.0')
    await approveChange(own.api, {
      subject: 'internal-tools',
      locale: 'ja',
      data: { name: '社内ツール（改訂）' },
    })
    const back = await throughTool(exported, '2.0', (id) =>
      id === 'category.internal-tools.name' ? 'Internal tools' : undefined,
    )
    const dryRun = await own.api.request<{ documents: Report['written'] }>(
      '/api/translations/xliff?dryRun=true',
      {
        method: 'POST',
        token: await own.api.login('translatorEn'),
        body: back,
        headers: { 'Content-Type': 'application/xliff+xml' },
      },
    )
    const response = await importAs('translatorEn', back)
    expect(response.status).toBe(200)
    const [entry] = response.body.written
    expect(entry).toMatchObject({
      file: 'category.internal-tools',
      fields: ['name'],
      staleUnits: ['category.internal-tools.name'],
    })
    expect(entry?.sourceBasis[0]).toEqual({
      unit: 'category.internal-tools.name',
      basis: 'identified',
      release: 1,
      sourceDiffers: true,
    })
    expect(dryRun.body.documents[0]?.sourceBasis).toEqual(entry?.sourceBasis)
    expect((await enState('internal-tools')).source?.stale).toBe(true)
  })
})
