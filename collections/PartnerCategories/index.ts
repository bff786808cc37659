import type { CollectionConfig, PayloadRequest } from 'payload'

import { canEditRequestedLocale } from '@/access/canEditRequestedLocale'
import { isAdmin } from '@/access/isAdmin'
import { isAuthenticated } from '@/access/isAuthenticated'
import { isSourceEditor, isSourceEditorField } from '@/access/isSourceEditor'
import { adminText } from '@/i18n/adminText'
import { byLanguage } from '@/i18n/byLanguage'
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
  labels: {
    singular: byLanguage('kaijiAdmin:collections:categories:singular'),
    plural: byLanguage('kaijiAdmin:collections:categories:plural'),
  },
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
      label: byLanguage('kaijiAdmin:collections:categories:key'),
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) =>
        typeof value === 'string' && CATEGORY_KEY_PATTERN.test(value)
          ? true
          : adminText(req, 'kaijiAdmin:collections:categories:keyInvalid'),
      admin: { description: byLanguage('kaijiAdmin:collections:categories:keyDescription') },
    },
    {
      name: 'icon',
      type: 'text',
      maxLength: 32,
      access: { update: isSourceEditorField },
      label: byLanguage('kaijiAdmin:collections:categories:icon'),
      admin: { description: byLanguage('kaijiAdmin:collections:categories:iconDescription') },
    },
    {
      name: 'order',
      label: byLanguage('kaijiAdmin:collections:categories:order'),
      type: 'number',
      required: true,
      min: 1,
      index: true,
      access: { update: isSourceEditorField },
    },
    {
      name: 'retired',
      label: byLanguage('kaijiAdmin:collections:categories:retired'),
      type: 'checkbox',
      defaultValue: false,
      access: { update: isSourceEditorField },
      admin: {
        position: 'sidebar',
        description: byLanguage('kaijiAdmin:collections:categories:retiredDescription'),
      },
    },
    {
      name: 'name',
      label: byLanguage('kaijiAdmin:collections:categories:name'),
      type: 'text',
      localized: true,
      maxLength: 300,
      validate: requiredInSourceLocale,
    },
    sourceNameField,
    titleField,
    {
      name: 'description',
      label: byLanguage('kaijiAdmin:collections:categories:description'),
      type: 'richText',
      localized: true,
    },
    {
      name: 'dataUsageNote',
      label: byLanguage('kaijiAdmin:collections:categories:dataUsageNote'),
      type: 'richText',
      localized: true,
    },
    importProvenance,
    revisionField,
  ],
}
