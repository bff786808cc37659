import type { GlobalConfig } from 'payload'

import { canEditRequestedLocale } from '../../src/access/canEditRequestedLocale'
import { isAuthenticated } from '../../src/access/isAuthenticated'
import { importProvenance } from '../fields/importProvenance'
import { refuseMalformedGlobalRichText } from '../hooks/refuseMalformedRichText'
import { revisionField } from '../fields/revision'

export const PartnersPage: GlobalConfig<'partners-page'> = {
  slug: 'partners-page',
  label: 'Partners page',
  access: {
    read: isAuthenticated,
    update: canEditRequestedLocale,
  },
  versions: { max: 0 },
  hooks: { beforeOperation: [refuseMalformedGlobalRichText] },
  fields: [
    { name: 'title', type: 'text', localized: true },
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
        { name: 'type', type: 'text', localized: true },
        { name: 'description', type: 'text', localized: true },
        { name: 'dataUsageNote', label: 'Data-use note', type: 'text', localized: true },
      ],
    },
    {
      name: 'authoritativeLanguageNote',
      type: 'textarea',
      localized: true,
      admin: { description: 'States that the Japanese version prevails. The source has none: editors write it.' },
    },
    importProvenance,
    revisionField,
  ],
}
