import type { CollectionConfig } from 'payload'

import { canEditRequestedLocale } from '@/access/canEditRequestedLocale'
import { isAdmin } from '@/access/isAdmin'
import { isAuthenticated } from '@/access/isAuthenticated'
import { isSourceEditor, isSourceEditorField } from '@/access/isSourceEditor'
import { importProvenance } from '../fields/importProvenance'
import { refuseMalformedWrite } from '../hooks/refuseMalformedWrite'
import { revisionField } from '../fields/revision'
import { requiredInSourceLocale } from '../fields/sourceLocaleRequired'
import { sourceNameField, titleField } from './fields/sourceName'
import { freeCopyKey } from './hooks/freeCopyKey'
import { refuseStructureEditsByTranslators } from './hooks/refuseStructureEditsByTranslators'

export const CATEGORY_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const PartnerCategories: CollectionConfig<'partner-categories'> = {
  slug: 'partner-categories',
  labels: { singular: 'Partner category', plural: 'Partner categories' },
  admin: {
    useAsTitle: 'displayTitle',
    // The first column links to the document: the title, so every row links on a name.
    defaultColumns: [
      'displayTitle',
      'order',
      'icon',
      'name',
      'sourceName',
      'key',
      'reviewState',
      'sourceState',
      'updatedAt',
    ],
    listSearchableFields: ['name', 'key'],
  },
  defaultSort: 'order',
  access: {
    read: isAuthenticated,
    create: isSourceEditor,
    update: canEditRequestedLocale,
    delete: isAdmin,
  },
  versions: { maxPerDoc: 0 },
  hooks: { beforeOperation: [refuseMalformedWrite(), refuseStructureEditsByTranslators] },
  fields: [
    {
      name: 'key',
      type: 'text',
      maxLength: 64,
      required: true,
      unique: true,
      index: true,
      access: { update: isSourceEditorField },
      hooks: { beforeDuplicate: [freeCopyKey] },
      validate: (value: string | null | undefined) =>
        typeof value === 'string' && CATEGORY_KEY_PATTERN.test(value)
          ? true
          : 'The key is lowercase words joined by hyphens, e.g. cloud-platform.',
      admin: {
        description:
          'Stable identifier used by the delivery API and the public page; never reuse one.',
      },
    },
    {
      name: 'icon',
      type: 'text',
      maxLength: 32,
      access: { update: isSourceEditorField },
      admin: {
        description: 'Emoji shown with the name, kept exactly as in the source (every code point).',
      },
    },
    {
      name: 'order',
      type: 'number',
      required: true,
      min: 1,
      index: true,
      access: { update: isSourceEditorField },
    },
    {
      name: 'retired',
      type: 'checkbox',
      defaultValue: false,
      access: { update: isSourceEditorField },
      admin: {
        position: 'sidebar',
        description:
          'A retired category leaves the public page with the next release once this change is approved.',
      },
    },
    {
      name: 'name',
      type: 'text',
      localized: true,
      maxLength: 300,
      validate: requiredInSourceLocale,
    },
    sourceNameField,
    titleField,
    { name: 'description', type: 'richText', localized: true },
    { name: 'dataUsageNote', label: 'Data-use note', type: 'richText', localized: true },
    importProvenance,
    revisionField,
  ],
}
