import type { CollectionConfig } from 'payload'

import { refuseMalformedWrite } from '../hooks/refuseMalformedWrite'
import { keepSavedTitle } from '../keepSavedTitle'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isAuthenticated } from '@/access/isAuthenticated'
import { TARGET_LOCALES } from '@/config/locales'
import { ROLES } from '@/config/roles'
import { byLanguage } from '@/i18n/byLanguage'
import { productionMode, secureCookies, settings } from '@/config/settings'
import { adminText } from '@/i18n/adminText'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import { limitSignInAttempts } from './hooks/limitSignInAttempts'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { openAdminInAssignedLocale } from './hooks/openAdminInAssignedLocale'
import {
  forgetLanguageAtSignOut,
  openAdminInChosenLanguage,
} from './hooks/openAdminInChosenLanguage'
import { refuseChangeUnlessAdmin } from './hooks/refuseChangeUnlessAdmin'
import { refusePasswordResetByEmail } from './hooks/refusePasswordResetByEmail'
import { forgetLockoutOnUnlock, verifySignIn } from './hooks/verifySignIn'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: {
    singular: byLanguage('kaijiAdmin:records:users:singular'),
    plural: byLanguage('kaijiAdmin:records:users:plural'),
  },
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
    forgotPassword: {
      expiration: 60 * 60 * 1000,
      // Payload's per-account interval reserves the account outside the operation's own write
      // transaction, which SQLite cannot interleave (a 500); limitSignInAttempts limits resets per
      // client address instead.
      minRequestInterval: 0,
    },
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
    afterLogout: [forgetLanguageAtSignOut],
  },
  fields: [
    { name: 'name', label: byLanguage('kaijiAdmin:records:users:name'), type: 'text' },
    {
      name: 'role',
      label: byLanguage('kaijiAdmin:records:users:role'),
      type: 'select',
      required: true,
      defaultValue: 'legal-editor',
      saveToJWT: true,
      options: ROLES.map((role) => ({
        label: byLanguage(`kaijiAdmin:records:role:${role}`),
        value: role,
      })),
      access: { update: isAdminField },
      hooks: { beforeValidate: [refuseChangeUnlessAdmin('role')] },
      admin: {
        description: byLanguage('kaijiAdmin:records:users:roleDescription'),
        // Rendered on the server: create-first-user (nobody signed in) shows no role, since
        // makeFirstUserAdmin makes that account an administrator whatever it sends.
        components: { Field: '/src/ui/RoleField#RoleField' },
      },
    },
    {
      name: 'notifyByEmail',
      label: byLanguage('kaijiAdmin:notifications:notifyByEmail'),
      type: 'checkbox',
      defaultValue: true,
      admin: { description: byLanguage('kaijiAdmin:notifications:notifyByEmailDescription') },
    },
    {
      name: 'assignedLocales',
      label: byLanguage('kaijiAdmin:records:users:assignedLocales'),
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: TARGET_LOCALES.map((locale) => ({
        label: byLanguage(`kaijiAdmin:collections:localeName:${locale}`),
        value: locale,
      })),
      access: { update: isAdminField },
      hooks: {
        beforeValidate: [
          refuseChangeUnlessAdmin('assignedLocales'),
          ({ value, siblingData, originalDoc }) =>
            (siblingData?.role ?? originalDoc?.role) === 'translator' ? value : [],
        ],
      },
      validate: (value, { siblingData, req }) => {
        const role = (siblingData as { role?: string } | undefined)?.role
        if (role === 'translator' && (!Array.isArray(value) || value.length === 0)) {
          return adminText(req, 'kaijiAdmin:messages:users:translatorNeedsLocale')
        }
        return true
      },
      admin: {
        condition: (_, siblingData) => siblingData?.role === 'translator',
        description: byLanguage('kaijiAdmin:records:users:assignedLocalesDescription'),
      },
    },
  ],
}
