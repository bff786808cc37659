import type { Field } from 'payload'

const systemOnly = () => false

/**
 * Who imported this content from which source file, and when. Written only by the importer (which
 * runs with the Local API's system access); read-only for every user.
 */
export const importProvenance: Field = {
  name: 'imported',
  type: 'group',
  label: 'Imported from source',
  access: { create: systemOnly, update: systemOnly },
  admin: { position: 'sidebar', readOnly: true },
  fields: [
    { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'by', type: 'text' },
    { name: 'sourceFile', type: 'text' },
    { name: 'sourceSha256', type: 'text' },
  ],
}
