import fs from 'node:fs'
import path from 'node:path'

import { formatAdminDate } from '@/i18n/adminDates'
import { ADMIN_LANGUAGES, adminTranslations } from '@/i18n/adminTranslations'
import type { StringTable } from '@/i18n/defineStrings'

/** Every key path of a table, `a:b:c`, with its text. */
const entries = (table: StringTable, prefix = ''): Array<[string, string]> =>
  Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value, `${prefix}${key}:`),
  )

const keysOf = (table: StringTable) => entries(table).map(([key]) => key)

const KEY_PATTERN = /['"`](kaijiAdmin:[\w:.-]+)(['"`]|\$\{)/g

/**
 * Every `kaijiAdmin:…` key written in the sources (t('kaijiAdmin:…') and the like); a key built in a
 * template (`kaijiAdmin:workflow:state:${state}`) as its fixed start, ending in a colon.
 */
const keysUsedInSources = (): Set<string> => {
  const used = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}i18n${path.sep}`)) {
        for (const match of fs.readFileSync(full, 'utf8').matchAll(KEY_PATTERN)) used.add(match[1]!)
      }
    }
  }
  walk(path.resolve('src'))
  walk(path.resolve('collections'))
  return used
}

describe("the admin's own strings", () => {
  const en = keysOf(adminTranslations.en)
  const ja = keysOf(adminTranslations.ja)

  it('Japanese has every English key and no other', () => {
    expect(ja.filter((key) => !en.includes(key))).toEqual([])
    expect(en.filter((key) => !ja.includes(key))).toEqual([])
  })

  it('no text is empty in English or Japanese', () => {
    for (const language of ['en', 'ja'] as const) {
      const empty = entries(adminTranslations[language]).filter(([, text]) => !text.trim())
      expect(empty.map(([key]) => `${language} ${key}`)).toEqual([])
    }
  })

  it('the Japanese table is a translation, not a copy of the English one', () => {
    const same = entries(adminTranslations.ja).filter(
      ([key, text]) => entries(adminTranslations.en).find(([k]) => k === key)?.[1] === text,
    )
    expect(same.map(([key]) => key)).toEqual([])
  })

  it('every key the sources use exists, in every admin language', () => {
    const used = [...keysUsedInSources()]
    expect(used.length).toBeGreaterThan(0)
    for (const language of ADMIN_LANGUAGES) {
      const known = keysOf(adminTranslations[language])
      const exists = (key: string) =>
        key.endsWith(':') ? known.some((full) => full.startsWith(key)) : known.includes(key)
      expect(used.filter((key) => !exists(key)).map((key) => `${language} ${key}`)).toEqual([])
    }
  })

  it('the key finder sees keys in the ways sources write them', () => {
    const written =
      "t('kaijiAdmin:a:b') t(\"kaijiAdmin:c\") t(`kaijiAdmin:d:${x}`) 'kaiji:sourceHash'"
    const found = [...written.matchAll(KEY_PATTERN)].map((match) => match[1])
    expect(found).toEqual(['kaijiAdmin:a:b', 'kaijiAdmin:c', 'kaijiAdmin:d:'])
  })
})

describe('formatAdminDate', () => {
  const instant = '2026-03-31T15:30:00.000Z'

  it('shows the instant in the configured time zone, named', () => {
    expect(formatAdminDate(instant, 'en', 'Asia/Tokyo')).toMatch(/Apr 1, 2026.*12:30.*AM GMT\+9/)
    expect(formatAdminDate(instant, 'en', 'UTC')).toMatch(/Mar 31, 2026.*3:30.*PM UTC/)
  })

  it("in the user's language", () => {
    expect(formatAdminDate(instant, 'ja', 'Asia/Tokyo')).toMatch(/^2026\/04\/01 0:30 JST$/)
    expect(formatAdminDate(instant, 'ja', 'Asia/Tokyo', 'date')).toBe('2026/04/01')
  })

  it('shows what it cannot read as given', () => {
    expect(formatAdminDate('not a date', 'en', 'Asia/Tokyo')).toBe('not a date')
  })
})
