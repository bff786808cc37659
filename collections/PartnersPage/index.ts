import type { GlobalConfig } from 'payload'

import { canEditRequestedLocale } from '@/access/canEditRequestedLocale'
import { isAuthenticated } from '@/access/isAuthenticated'
import { importProvenance } from '../fields/importProvenance'
import { refuseMalformedGlobalWrite } from '../hooks/refuseMalformedWrite'
import { revisionField } from '../fields/revision'

export const PartnersPage: GlobalConfig<'partners-page'> = {
  slug: 'partners-page',
  label: 'Partners page',
  access: {
    read: isAuthenticated,
    update: canEditRequestedLocale,
  },
  versions: { max: 0 },
  hooks: { beforeOperation: [refuseMalformedGlobalWrite] },
  fields: [
    { name: 'title', type: 'text', localized: true, maxLength: 300 },
    { name: 'intro', type: 'richText', localized: true },
    {
      name: 'notNamedNote',
      label: 'Why partners are not named',
      type: 'richText',
      localized: true,
    },
    {
      name: 'columnLabels',
      type: 'group',
      fields: [
        { name: 'type', type: 'text', localized: true, maxLength: 100 },
        { name: 'description', type: 'text', localized: true, maxLength: 100 },
        {
          name: 'dataUsageNote',
          label: 'Data-use note',
          type: 'text',
          localized: true,
          maxLength: 100,
        },
      ],
    },
    {
      name: 'authoritativeLanguageNote',
      type: 'textarea',
      localized: true,
      maxLength: 2000,
      admin: {
        description:
          'States that the Japanese version prevails. The source has none: editors write it.',
      },
    },
    importProvenance,
    revisionField,
  ],
}
