import type { Field, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'
import { byLanguage } from '@/i18n/byLanguage'
import { READING_SOURCE_CATEGORIES, sourceCategories } from '@/utilities/sourceCategories'

/** The category's name in the source language, or null (the stored data of a read, in any locale). */
const readSourceName = async (
  data: Record<string, unknown> | undefined,
  req: PayloadRequest,
): Promise<string | null> => {
  if (!data?.id || req.context[READING_SOURCE_CATEGORIES]) return null
  if (req.locale === SOURCE_LOCALE && typeof data.name === 'string') return data.name
  return (await sourceCategories(req)).get(String(data.id))?.name ?? null
}

/**
 * The category's name in the source language, in every locale: translators see only their locales,
 * where a name not yet translated is empty, and still need to know which category a row is.
 */
export const sourceNameField: Field = {
  name: 'sourceName',
  label: byLanguage('kaijiAdmin:collections:categories:sourceName'),
  type: 'text',
  virtual: true,
  admin: { readOnly: true, position: 'sidebar' },
  hooks: { afterRead: [({ data, req }) => readSourceName(data, req)] },
}

/**
 * What the admin titles a category by (edit view header, the list's linked column): its name in the
 * locale read, or its Japanese name while it is not translated, never its id. Worked out on each read
 * from the saved document and never stored (Payload refuses a virtual field as `useAsTitle`, so it has
 * a column that stays empty); the header therefore shows the saved name, not one a refused save typed.
 */
export const titleField: Field = {
  name: 'displayTitle',
  label: byLanguage('kaijiAdmin:sourceText:title'),
  type: 'text',
  admin: {
    readOnly: true,
    disableBulkEdit: true,
    components: { Field: '/src/ui/NoInput#NoInput' },
  },
  hooks: {
    beforeChange: [() => null],
    afterRead: [
      async ({ data, req }) =>
        typeof data?.name === 'string' && data.name.trim() !== ''
          ? data.name
          : readSourceName(data, req),
    ],
  },
}
