import type { CollectionConfig } from 'payload'

import { refuseMalformedWrite } from '../hooks/refuseMalformedWrite'
import { keepSavedTitle } from '../keepSavedTitle'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isAuthenticated } from '@/access/isAuthenticated'
import { LOCALE_LABELS, TARGET_LOCALES } from '@/config/locales'
import { ROLE_LABELS, ROLES } from '@/config/roles'
import { productionMode, secureCookies, settings } from '@/config/settings'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import { limitSignInAttempts } from './hooks/limitSignInAttempts'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { openAdminInAssignedLocale } from './hooks/openAdminInAssignedLocale'
import { openAdminInChosenLanguage } from './hooks/openAdminInChosenLanguage'
import { refuseChangeUnlessAdmin } from './hooks/refuseChangeUnlessAdmin'
import { refusePasswordResetByEmail } from './hooks/refusePasswordResetByEmail'
import { forgetLockoutOnUnlock, verifySignIn } from './hooks/verifySignIn'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  admin: {
    components: keepSavedTitle,
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role', 'assignedLocales'],
  },
  auth: {
    // Kept for the admin's Unlock and the schema's columns; the lockout that counts is verifySignIn's,
    // per (account, client address), since wrong passwords are refused before Payload counts them.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: secureCookies(productionMode(), settings()) },
  },
  access: {
    admin: isAuthenticated,
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [
      limitSignInAttempts,
      refusePasswordResetByEmail,
      verifySignIn,
      refuseMalformedWrite(),
    ],
    afterOperation: [forgetLockoutOnUnlock],
    beforeValidate: [enforcePasswordPolicy],
    beforeChange: [makeFirstUserAdmin],
    afterLogin: [openAdminInAssignedLocale, openAdminInChosenLanguage],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'legal-editor',
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: ROLE_LABELS[role], value: role })),
      access: { update: isAdminField },
      hooks: { beforeValidate: [refuseChangeUnlessAdmin('role', 'role')] },
      admin: {
        description:
          'Only an administrator changes roles. The first account is always an administrator.',
        // Rendered on the server: create-first-user (nobody signed in) shows no role, since
        // makeFirstUserAdmin makes that account an administrator whatever it sends.
        components: { Field: '/src/ui/RoleField#RoleField' },
      },
    },
    {
      name: 'assignedLocales',
      label: 'Assigned locales',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: TARGET_LOCALES.map((locale) => ({ label: LOCALE_LABELS[locale], value: locale })),
      access: { update: isAdminField },
      hooks: {
        beforeValidate: [
          refuseChangeUnlessAdmin('assignedLocales', 'assigned locales'),
          ({ value, siblingData, originalDoc }) =>
            (siblingData?.role ?? originalDoc?.role) === 'translator' ? value : [],
        ],
      },
      validate: (value, { siblingData }) => {
        const role = (siblingData as { role?: string } | undefined)?.role
        if (role === 'translator' && (!Array.isArray(value) || value.length === 0)) {
          return 'A translator needs at least one assigned locale.'
        }
        return true
      },
      admin: {
        condition: (_, siblingData) => siblingData?.role === 'translator',
        description:
          'The target locales this translator may edit. Translators never edit the source (ja).',
      },
    },
  ],
}
