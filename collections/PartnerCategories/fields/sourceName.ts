import type { Field } from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'

const READING_SOURCE_NAME = 'kaiji.readingSourceName'

/**
 * The category's name in the source language, in every locale: translators see only their locales,
 * where a name not yet translated is empty, and still need to know which category a row is.
 */
export const sourceNameField: Field = {
  name: 'sourceName',
  label: 'Japanese name (source)',
  type: 'text',
  virtual: true,
  admin: { readOnly: true, position: 'sidebar' },
  hooks: {
    afterRead: [
      async ({ data, req }) => {
        if (!data?.id || req.context[READING_SOURCE_NAME]) return null
        if (req.locale === SOURCE_LOCALE && typeof data.name === 'string') return data.name
        const source = await req.payload.findByID({
          collection: 'partner-categories',
          id: data.id as number,
          locale: SOURCE_LOCALE,
          depth: 0,
          select: { name: true },
          disableErrors: true,
          overrideAccess: true,
          context: { [READING_SOURCE_NAME]: true },
        })
        return source?.name ?? null
      },
    ],
  },
}
