import type { Field } from 'payload'

import { changedLocales, localeView } from '@/workflow/localeChanges'

const LOCALES = ['ja', 'en', 'fr']

const fields: Field[] = [
  { name: 'key', type: 'text' },
  { name: 'order', type: 'number' },
  { name: 'retired', type: 'checkbox' },
  { name: 'name', type: 'text', localized: true },
  {
    name: 'columnLabels',
    type: 'group',
    fields: [
      { name: 'type', type: 'text', localized: true },
      { name: 'note', type: 'text', localized: true },
    ],
  },
  { name: 'revision', type: 'number', localized: true },
  { name: 'updatedAt', type: 'date' },
]

const stored = {
  id: 3,
  key: 'maps',
  order: 3,
  retired: null,
  name: { ja: '地図', en: 'Maps' },
  columnLabels: { type: { ja: 'タイプ', en: 'Type' }, note: { ja: '注意' } },
  revision: { ja: 4, en: 2 },
  updatedAt: '2026-12-01T00:00:00.000Z',
}

describe('localeView', () => {
  it('shows one locale of a document read in every locale, groups included, missing values as null', () => {
    expect(localeView(stored, fields, 'en')).toEqual({
      key: 'maps',
      order: 3,
      retired: false,
      name: 'Maps',
      columnLabels: { type: 'Type', note: null },
      revision: 2,
      updatedAt: '2026-12-01T00:00:00.000Z',
    })
    expect(localeView(stored, fields, 'fr')).toMatchObject({
      name: null,
      columnLabels: { type: null, note: null },
    })
  })
})

describe('changedLocales', () => {
  const change = (patch: Record<string, unknown>) =>
    changedLocales(stored, { ...stored, ...patch }, fields, LOCALES)

  it('finds nothing when only bookkeeping changed (revision, updatedAt) or an unset checkbox reads as false', () => {
    expect(
      change({ revision: { ja: 5, en: 3 }, updatedAt: '2026-12-02T00:00:00.000Z', retired: false }),
    ).toEqual([])
  })

  it('gives a shared field to the source locale, whatever locale the request named', () => {
    expect(change({ retired: true })).toEqual([{ locale: 'ja', fields: ['retired'] }])
    expect(change({ key: 'maps-2', order: 9 })).toEqual([
      { locale: 'ja', fields: ['key', 'order'] },
    ])
  })

  it('finds every locale a single write changed, and only those', () => {
    expect(change({ name: { ja: '地図', en: 'Map', fr: 'Cartes' } })).toEqual([
      { locale: 'en', fields: ['name'] },
      { locale: 'fr', fields: ['name'] },
    ])
    expect(
      change({ columnLabels: { type: { ja: '種類', en: 'Type' }, note: { ja: '注意' } } }),
    ).toEqual([{ locale: 'ja', fields: ['columnLabels'] }])
  })

  it('treats a new document as changed in every locale that has content', () => {
    expect(changedLocales(null, stored, fields, LOCALES)).toEqual([
      { locale: 'ja', fields: ['key', 'order', 'name', 'columnLabels'] },
      { locale: 'en', fields: ['name', 'columnLabels'] },
    ])
  })
})
