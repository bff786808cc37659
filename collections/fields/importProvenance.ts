import type { Field } from 'payload'

import { byLanguage } from '@/i18n/byLanguage'

const systemOnly = () => false

/**
 * Who imported this content from which source file, and when. Written only by the importer (which
 * runs with the Local API's system access); read-only for every user.
 */
export const importProvenance: Field = {
  name: 'imported',
  type: 'group',
  label: byLanguage('kaijiAdmin:records:imported:label'),
  access: { create: systemOnly, update: systemOnly },
  admin: { position: 'sidebar', readOnly: true },
  fields: [
    {
      name: 'at',
      label: byLanguage('kaijiAdmin:records:imported:at'),
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'by', label: byLanguage('kaijiAdmin:records:imported:by'), type: 'text' },
    {
      name: 'sourceFile',
      label: byLanguage('kaijiAdmin:records:imported:sourceFile'),
      type: 'text',
    },
    {
      name: 'sourceSha256',
      label: byLanguage('kaijiAdmin:records:imported:sourceSha256'),
      type: 'text',
    },
  ],
}
