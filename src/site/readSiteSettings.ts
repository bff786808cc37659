import type { Payload } from 'payload'

import { SITE_SETTINGS_SLUG, siteSettingsFromStored, type SiteSettings } from './siteSettings'

/** Every locale of the site settings, as saved (no fallback: the pages choose their own). */
export const readSiteSettings = async (payload: Payload): Promise<SiteSettings> =>
  siteSettingsFromStored(
    (await payload.findGlobal({
      slug: SITE_SETTINGS_SLUG,
      locale: 'all',
      depth: 0,
      overrideAccess: true,
    })) as unknown as Record<string, unknown>,
  )

/** When the settings were last saved (null before the first save): a cheap read to poll. */
export const siteSettingsStamp = async (payload: Payload): Promise<string | null> =>
  siteSettingsFromStored(
    (await payload.findGlobal({
      slug: SITE_SETTINGS_SLUG,
      depth: 0,
      overrideAccess: true,
      select: { updatedAt: true },
    })) as unknown as Record<string, unknown>,
  ).updatedAt
