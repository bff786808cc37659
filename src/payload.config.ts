import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { ja } from '@payloadcms/translations/languages/ja'
import { ru } from '@payloadcms/translations/languages/ru'
import { buildConfig, defaultLoggerOptions } from 'payload'

import { PartnerCategories } from '@collections/PartnerCategories'
import { PartnersPage } from '@collections/PartnersPage'
import { SiteSettings } from '@collections/SiteSettings'
import { Releases } from '@collections/Releases'
import { Users } from '@collections/Users'
import { OutboxAttempts } from '@collections/OutboxAttempts'
import { OutboxMessages } from '@collections/OutboxMessages'
import { Objections } from '@collections/Objections'
import { WebhookEndpoints } from '@collections/WebhookEndpoints'
import { Subscribers } from '@collections/Subscribers'
import { SubscriptionRequests } from '@collections/SubscriptionRequests'
import { localesVisibleTo } from './access/visibleLocales'
import { LOCALE_LABELS, LOCALES, SOURCE_LOCALE } from './config/locales'
import { projectPath } from './config/paths'
import { resolvedPayloadSecret, settings } from './config/settings'
import { kaijiEmailAdapter } from './email/emailAdapter'
import { createDatabaseAdapter } from './database/createDatabaseAdapter'
import { readableJsonFields } from './components/readableJsonFields'
import { reviewQueueEndpoints } from './endpoints/reviewQueue'
import { translationEndpoints } from './endpoints/translations'
import { adminTranslations } from './i18n/adminTranslations'
import type { AdminCustomConfig } from './i18n/adminDates'
import { reviewWorkflow } from './workflow'
import { csrfOrigins } from './security/allowedOrigins'
import { graphqlGuards } from './server/graphqlGuards'
import { logRefusalsQuietly } from './server/refusalLogging'

const { queries, validationRules } = graphqlGuards()

export default buildConfig({
  admin: {
    user: Users.slug,
    // Gravatar is an outside host; the admin must work offline and leak nothing.
    avatar: 'default',
    importMap: { baseDir: projectPath() },
    meta: { titleSuffix: ' — Kaiji' },
    custom: { timeZone: settings().timeZone } satisfies AdminCustomConfig,
    components: {
      afterNavLinks: ['/src/components/TranslationsNavLink#TranslationsNavLink'],
      beforeDashboard: ['/src/components/ReviewQueue#ReviewQueue'],
      providers: [
        '/src/ui/AdminAccessibility#AdminAccessibility',
        '/src/ui/RememberLanguageChoice#RememberLanguageChoice',
      ],
      views: {
        translations: {
          Component: '/src/components/TranslationsDashboard#TranslationsDashboard',
          path: '/translations',
        },
      },
    },
  },
  collections: [
    PartnerCategories,
    Releases,
    WebhookEndpoints,
    OutboxMessages,
    OutboxAttempts,
    Objections,
    Subscribers,
    SubscriptionRequests,
    Users,
  ],
  // Every message leaves through the outbox (src/outbox); this adapter is its email channel.
  email: kaijiEmailAdapter({
    smtpUrl: settings().mail.smtpUrl,
    from: settings().mail.from,
    outboxDir: settings().mail.outboxDir,
    timeoutMs: settings().outbox.timeoutMs,
  }),
  globals: [PartnersPage, SiteSettings],
  // The browser's Accept-Language picks the first language; a user's own choice is kept after that, in
  // their preferences too (src/i18n/languageChoice.ts), so it follows them to another browser.
  i18n: {
    supportedLanguages: { ja, en, fr, ru },
    fallbackLanguage: 'en',
    translations: adminTranslations,
  },
  endpoints: [...translationEndpoints, ...reviewQueueEndpoints],
  localization: {
    locales: LOCALES.map((code) => ({ code, label: LOCALE_LABELS[code] })),
    defaultLocale: SOURCE_LOCALE,
    // A missing translation must show as missing, never as the Japanese text.
    fallback: false,
    filterAvailableLocales: localesVisibleTo,
  },
  editor: lexicalEditor(),
  db: createDatabaseAdapter(settings().database),
  secret: resolvedPayloadSecret(),
  // The server adds its own addresses to this list once it listens.
  csrf: csrfOrigins(),
  cors: [...settings().allowedOrigins],
  telemetry: false,
  // KAIJI_LOG_FORMAT=json: one JSON object per line (for log shippers); otherwise Payload's readable lines.
  // Either way a refusal (4xx) is one line at info/warn, not an error with a stack.
  logger:
    settings().log.format === 'json'
      ? {
          options: {
            name: 'kaiji',
            level: settings().log.level,
            hooks: { logMethod: logRefusalsQuietly },
          },
        }
      : {
          options: { hooks: { logMethod: logRefusalsQuietly } },
          destination: defaultLoggerOptions,
        },
  // Queries the REST guard would refuse are refused in GraphQL too; the Access queries answer in their declared shape.
  graphQL: { disablePlaygroundInProduction: true, queries, validationRules },
  typescript: { outputFile: projectPath('src/payload-types.ts') },
  plugins: [
    reviewWorkflow({ collections: ['partner-categories'], globals: ['partners-page'] }),
    readableJsonFields(),
  ],
})
