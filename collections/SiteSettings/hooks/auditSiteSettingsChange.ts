import { createHash } from 'node:crypto'

import type { GlobalAfterChangeHook } from 'payload'

import { describeActor } from '@/audit/actorLabel'
import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { isLocaleCode, SOURCE_LOCALE } from '@/config/locales'
import type { User } from '@/payload-types'
import { SITE_SETTINGS_SLUG } from '@/site/siteSettings'
import { announceSiteSettingsChanged } from '@/site/siteSettingsSignal'
import { stableStringify } from '@/utilities/stableStringify'

const FIELDS = ['siteName', 'logo', 'privacyPolicyUrl', 'footerNote'] as const

const stamp = (value: unknown): string | null =>
  typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null

/**
 * Every saved change of the site settings (REST, GraphQL, the admin, a version restore) is one audit
 * event in the save's own transaction: who, which locale, which fields, and a hash of the settings
 * as saved in every locale. The delivery layer is told at once (the public pages show the change).
 */
export const auditSiteSettingsChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const restoring = req.context.isRestoringVersion === true
  const changed = FIELDS.filter(
    (field) =>
      stableStringify(doc?.[field] ?? null) !== stableStringify(previousDoc?.[field] ?? null),
  )
  if (changed.length === 0 && !restoring) return doc
  // Reading every locale sets the request's locale: the save's answer must stay in its own.
  const { locale: written, fallbackLocale } = req
  const saved = await req.payload
    .findGlobal({ slug: SITE_SETTINGS_SLUG, locale: 'all', depth: 0, overrideAccess: true, req })
    .finally(() => {
      req.locale = written
      req.fallbackLocale = fallbackLocale
    })
  const locale = isLocaleCode(written) ? written : null
  const {
    updatedAt: _updatedAt,
    createdAt: _createdAt,
    ...content
  } = saved as unknown as Record<string, unknown>
  const user = req.user as User | null
  await appendAuditEvent(req.payload, req, {
    actorId: user ? String(user.id) : null,
    actorLabel: describeActor(user),
    action: restoring ? 'site-settings-restore' : 'site-settings-change',
    subject: SITE_SETTINGS_SLUG,
    // A restore writes every locale at once; the event names the source locale then.
    locale: locale ?? SOURCE_LOCALE,
    fromState: null,
    toState: null,
    reason: changed.length > 0 ? `changed: ${changed.join(', ')}` : 'restored a version',
    contentHash: createHash('sha256').update(stableStringify(content)).digest('hex'),
  })
  announceSiteSettingsChanged(stamp(doc?.updatedAt))
  return doc
}
