import type { Locale, PayloadRequest } from 'payload'

import { localesVisibleTo } from '@/access/visibleLocales'
import { LOCALES } from '@/config/locales'

const locales: Locale[] = LOCALES.map((code) => ({ code, label: code }))
const as = (user: Record<string, unknown> | null) => ({
  locales,
  req: { user } as unknown as PayloadRequest,
})
const codes = (visible: Locale[]) => visible.map((locale) => locale.code)

describe('locales shown in the admin', () => {
  it('a translator sees only the assigned locales, never the source', () => {
    expect(codes(localesVisibleTo(as({ role: 'translator', assignedLocales: ['en'] })))).toEqual([
      'en',
    ])
    expect(
      codes(localesVisibleTo(as({ role: 'translator', assignedLocales: ['ru', 'fr'] }))),
    ).toEqual(['fr', 'ru'])
    expect(codes(localesVisibleTo(as({ role: 'translator', assignedLocales: [] })))).toEqual([])
  })

  it('every other role sees every locale', () => {
    for (const role of ['admin', 'legal-editor', 'legal-reviewer'])
      expect(codes(localesVisibleTo(as({ role })))).toEqual([...LOCALES])
  })
})
