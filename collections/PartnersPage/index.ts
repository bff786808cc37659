import type { GlobalConfig } from 'payload'

import { canEditRequestedLocale } from '@/access/canEditRequestedLocale'
import { isAuthenticated } from '@/access/isAuthenticated'
import { byLanguage } from '@/i18n/byLanguage'
import { importProvenance } from '../fields/importProvenance'
import { refuseMalformedGlobalWrite } from '../hooks/refuseMalformedWrite'
import { revisionField } from '../fields/revision'

export const PartnersPage: GlobalConfig<'partners-page'> = {
  slug: 'partners-page',
  label: byLanguage('kaijiAdmin:collections:page:label'),
  access: {
    read: isAuthenticated,
    update: canEditRequestedLocale,
  },
  versions: { max: 0 },
  hooks: { beforeOperation: [refuseMalformedGlobalWrite] },
  fields: [
    {
      name: 'title',
      label: byLanguage('kaijiAdmin:collections:page:title'),
      type: 'text',
      localized: true,
      maxLength: 300,
    },
    {
      name: 'intro',
      label: byLanguage('kaijiAdmin:collections:page:intro'),
      type: 'richText',
      localized: true,
    },
    {
      name: 'notNamedNote',
      label: byLanguage('kaijiAdmin:collections:page:notNamedNote'),
      type: 'richText',
      localized: true,
    },
    {
      name: 'columnLabels',
      label: byLanguage('kaijiAdmin:collections:page:columnLabels'),
      type: 'group',
      fields: [
        {
          name: 'type',
          label: byLanguage('kaijiAdmin:collections:page:columnType'),
          type: 'text',
          localized: true,
          maxLength: 100,
        },
        {
          name: 'description',
          label: byLanguage('kaijiAdmin:collections:page:columnDescription'),
          type: 'text',
          localized: true,
          maxLength: 100,
        },
        {
          name: 'dataUsageNote',
          label: byLanguage('kaijiAdmin:collections:page:columnDataUsageNote'),
          type: 'text',
          localized: true,
          maxLength: 100,
        },
      ],
    },
    {
      name: 'authoritativeLanguageNote',
      label: byLanguage('kaijiAdmin:collections:page:authoritativeLanguageNote'),
      type: 'textarea',
      localized: true,
      maxLength: 2000,
      admin: {
        description: byLanguage('kaijiAdmin:collections:page:authoritativeLanguageNoteDescription'),
      },
    },
    importProvenance,
    revisionField,
  ],
}
