import type { GlobalConfig, TextFieldSingleValidation } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isAuthenticated } from '@/access/isAuthenticated'
import { byLanguage } from '@/i18n/byLanguage'
import { checkLogo, MAX_LOGO_URI_CHARS } from '@/site/logoImage'
import { MAX_SITE_LINK_CHARS, siteLinkProblem } from '@/site/siteLink'
import { SITE_SETTINGS_SLUG } from '@/site/siteSettings'
import { refuseMalformedGlobalWrite } from '../hooks/refuseMalformedWrite'
import { auditSiteSettingsChange } from './hooks/auditSiteSettingsChange'

const validateLink: TextFieldSingleValidation = (value) => siteLinkProblem(value) ?? true

const validateLogo: TextFieldSingleValidation = (value) => {
  const check = checkLogo(value)
  return !check || check.ok ? true : check.problem
}

/**
 * The public site's chrome: its name, logo, privacy-policy link and footer line. Not disclosure
 * text, so not reviewed: an administrator's save applies at once, every change is in the audit trail
 * and kept as a version. Everyone signed in may read it; only administrators change it.
 */
export const SiteSettings: GlobalConfig<'site-settings'> = {
  slug: SITE_SETTINGS_SLUG,
  label: byLanguage('kaijiAdmin:collections:siteSettings:label'),
  access: { read: isAuthenticated, readVersions: isAuthenticated, update: isAdmin },
  versions: { max: 100 },
  admin: { description: byLanguage('kaijiAdmin:collections:siteSettings:description') },
  hooks: {
    beforeOperation: [refuseMalformedGlobalWrite],
    afterChange: [auditSiteSettingsChange],
  },
  fields: [
    {
      name: 'siteName',
      label: byLanguage('kaijiAdmin:collections:siteSettings:siteName'),
      type: 'text',
      localized: true,
      maxLength: 100,
      admin: {
        description: byLanguage('kaijiAdmin:collections:siteSettings:siteNameDescription'),
      },
    },
    {
      name: 'logo',
      label: byLanguage('kaijiAdmin:collections:siteSettings:logo'),
      type: 'text',
      maxLength: MAX_LOGO_URI_CHARS,
      validate: validateLogo,
      hooks: {
        // Stored as the type its bytes are, whatever type the client named.
        beforeChange: [
          ({ value }) => {
            const check = checkLogo(value)
            return check?.ok ? check.dataUri : value
          },
        ],
      },
      admin: {
        description: byLanguage('kaijiAdmin:collections:siteSettings:logoDescription'),
        components: { Field: '/src/components/LogoField#LogoField' },
      },
    },
    {
      name: 'privacyPolicyUrl',
      label: byLanguage('kaijiAdmin:collections:siteSettings:privacyPolicyUrl'),
      type: 'text',
      localized: true,
      maxLength: MAX_SITE_LINK_CHARS,
      validate: validateLink,
      admin: {
        description: byLanguage('kaijiAdmin:collections:siteSettings:privacyPolicyUrlDescription'),
      },
    },
    {
      name: 'footerNote',
      label: byLanguage('kaijiAdmin:collections:siteSettings:footerNote'),
      type: 'text',
      localized: true,
      maxLength: 300,
      admin: {
        description: byLanguage('kaijiAdmin:collections:siteSettings:footerNoteDescription'),
      },
    },
  ],
}
