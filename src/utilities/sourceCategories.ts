import type { PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'

/** Set in the context of the read below, so that reading categories does not read them again. */
export const READING_SOURCE_CATEGORIES = 'kaiji.readingSourceCategories'
const SOURCE_CATEGORIES = 'kaiji.sourceCategories'

export type SourceCategory = { name: string | null; icon: string | null }

/**
 * Every category's Japanese name and icon by id, read once per request however many rows or
 * fields ask: category titles in other locales, and the records that name a category.
 */
export const sourceCategories = (req: PayloadRequest): Promise<Map<string, SourceCategory>> => {
  const cached = req.context[SOURCE_CATEGORIES] as Promise<Map<string, SourceCategory>> | undefined
  if (cached) return cached
  const loading = req.payload
    .find({
      collection: 'partner-categories',
      locale: SOURCE_LOCALE,
      depth: 0,
      pagination: false,
      select: { name: true, icon: true },
      overrideAccess: true,
      context: { [READING_SOURCE_CATEGORIES]: true },
    })
    .then(
      ({ docs }) =>
        new Map(
          docs.map((doc) => [
            String(doc.id),
            {
              name: typeof doc.name === 'string' && doc.name.trim() !== '' ? doc.name : null,
              icon: doc.icon ?? null,
            },
          ]),
        ),
    )
  req.context[SOURCE_CATEGORIES] = loading
  return loading
}
