import fs from 'node:fs'
import path from 'node:path'

import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { DEFAULT_SOURCE_FILE, describeSeedReport, importSourceFile } from '@seed/importSource'
import { renderSource } from '@seed/parseSource'
import type { PartnerCategory } from '@/payload-types'
import { richTextToPlainText } from '@/utilities/lexical'
import { SOURCE_CATEGORY_NAMES } from '../helpers/sourceFacts'
import { createTestPayload, type TestPayload } from '../helpers/testPayload'

const sourceText = fs.readFileSync(DEFAULT_SOURCE_FILE, 'utf8')

let testPayload: TestPayload
let payload: Payload

beforeAll(async () => {
  testPayload = await createTestPayload('seed')
  payload = testPayload.payload
})
afterAll(async () => testPayload.cleanup())

const categoriesInJa = async (): Promise<PartnerCategory[]> =>
  (
    await payload.find({
      collection: 'partner-categories',
      locale: 'ja',
      sort: 'order',
      limit: 0,
      pagination: false,
    })
  ).docs

/** Everything a partial import could have touched, to prove a refused import changed nothing. */
const snapshot = async () => ({
  categories: await payload.find({
    collection: 'partner-categories',
    locale: 'all',
    limit: 0,
    pagination: false,
  }),
  page: await payload.findGlobal({ slug: 'partners-page', locale: 'all' }),
  versions: await payload.countVersions({ collection: 'partner-categories' }),
})

const writeSource = (name: string, content: string | Buffer): string => {
  const file = path.join(testPayload.dataDir, name)
  fs.writeFileSync(file, content)
  return file
}

describe('importing a malformed source changes nothing', () => {
  const lines = sourceText.split('\n')
  it.each([
    ['missing file', null, /missing\.txt:0: cannot read the source file: no such file/],
    ['empty file', '', /empty\.txt:1: the file is empty/],
    [
      'missing header row',
      [...lines.slice(0, 2), ...lines.slice(5)].join('\n'),
      /no-header\.txt:3: missing header row/,
    ],
    ['short row', lines.slice(0, -1).join('\n'), /short-row\.txt:27: row 8 has 2 cells/],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(lines.slice(0, 4).join('\n') + '\n'), Buffer.from([0xff, 0xfe])]),
      /bad-utf8\.txt:5: invalid UTF-8/,
    ],
  ])('%s', async (label, content, message) => {
    const names: Record<string, string> = {
      'missing file': 'missing.txt',
      'empty file': 'empty.txt',
      'missing header row': 'no-header.txt',
      'short row': 'short-row.txt',
      'invalid UTF-8': 'bad-utf8.txt',
    }
    const name = names[label] ?? 'x.txt'
    const file =
      content === null ? path.join(testPayload.dataDir, name) : writeSource(name, content)
    const before = await snapshot()
    await expect(importSourceFile({ payload, file, actor: 'test' })).rejects.toThrow(message)
    expect(await snapshot()).toEqual(before)
  })
})

describe('importing the Zenly source', () => {
  it('rolls back everything when a write fails half-way (one transaction)', async () => {
    const originalCreate = payload.create.bind(payload)
    let calls = 0
    const spy = jest.spyOn(payload, 'create').mockImplementation(((
      args: Parameters<Payload['create']>[0],
    ) => {
      calls += 1
      if (calls === 4) throw new Error('disk full (simulated)')
      return originalCreate(args)
    }) as Payload['create'])
    const before = await snapshot()
    await expect(importSourceFile({ payload, actor: 'test' })).rejects.toThrow(
      'disk full (simulated)',
    )
    spy.mockRestore()
    expect(calls).toBe(4)
    expect(await snapshot()).toEqual(before)
    expect(before.categories.totalDocs).toBe(0)
  })

  it('creates the page and eight categories in order', async () => {
    const report = await importSourceFile({ payload, actor: 'seed import (test)' })
    expect(report.created).toHaveLength(8)
    expect(report.pageUpdated).toBe(true)
    const categories = await categoriesInJa()
    expect(categories.map((category) => category.name)).toEqual(SOURCE_CATEGORY_NAMES)
    expect(categories.map((category) => category.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(categories.find((category) => category.key === 'support')?.icon).toBe(
      '\u{1F469}\u{1F4BB}',
    )
  })

  it('stores every character: the source is rebuilt exactly from the stored ja content', async () => {
    const page = await payload.findGlobal({ slug: 'partners-page', locale: 'ja' })
    const categories = await categoriesInJa()
    const rebuilt = renderSource({
      intro: richTextToPlainText(page.intro),
      notNamedNote: richTextToPlainText(page.notNamedNote),
      columnLabels: {
        type: page.columnLabels?.type ?? '',
        description: page.columnLabels?.description ?? '',
        dataUsageNote: page.columnLabels?.dataUsageNote ?? '',
      },
      categories: categories.map((category) => ({
        name: category.name ?? '',
        icon: category.icon ?? '',
        description: richTextToPlainText(category.description),
        dataUsageNote: richTextToPlainText(category.dataUsageNote),
      })),
    })
    expect(rebuilt).toBe(sourceText)
  })

  it('records the import: who, when, from which file and its hash', async () => {
    const [first] = await categoriesInJa()
    expect(first?.imported).toMatchObject({
      by: 'seed import (test)',
      sourceFile: 'zenly-partners.ja.txt',
      sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(Date.parse(first?.imported?.at ?? '')).toBeGreaterThan(Date.now() - 60_000)
    const page = await payload.findGlobal({ slug: 'partners-page', locale: 'ja' })
    expect(page.imported?.by).toBe('seed import (test)')
  })

  it('leaves the target locales empty: nothing is invented', async () => {
    const [first] = (
      await payload.find({ collection: 'partner-categories', locale: 'en', sort: 'order' })
    ).docs
    expect(first?.name ?? null).toBeNull()
    expect(first?.description ?? null).toBeNull()
    const page = await payload.findGlobal({ slug: 'partners-page', locale: 'fr' })
    expect(page.intro ?? null).toBeNull()
  })

  it('is idempotent: a second run changes nothing and says so', async () => {
    const before = await snapshot()
    const report = await importSourceFile({ payload, actor: 'seed import (again)' })
    expect(report).toEqual({
      created: [],
      updated: [],
      unchanged: expect.any(Array),
      notInSource: [],
      pageUpdated: false,
    })
    expect(report.unchanged).toHaveLength(8)
    expect(describeSeedReport(report)).toMatch(/^Nothing to change/)
    expect(await snapshot()).toEqual(before)
  })

  it('restores edited source wording and keeps categories the source does not list', async () => {
    const [first] = await categoriesInJa()
    await payload.update({
      collection: 'partner-categories',
      id: first?.id ?? 0,
      locale: 'ja',
      data: { name: '変更' },
    })
    await payload.create({
      collection: 'partner-categories',
      locale: 'ja',
      data: { key: 'payments', order: 9, name: '決済' },
    })
    const report = await importSourceFile({ payload, actor: 'seed import (restore)' })
    expect(report.updated).toEqual(['cloud-platform'])
    expect(report.notInSource).toEqual(['payments'])
    expect((await categoriesInJa())[0]?.name).toBe('クラウド プラットフォーム:計算とストレージ')
  })
})
