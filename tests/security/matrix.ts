/**
 * Who may do what, over HTTP: every collection, global, custom endpoint and GraphQL operation, for
 * each kind of caller. One row per operation; the roles not listed as allowed must be refused.
 */

export const CALLERS = ['anonymous', 'translatorEn', 'editor', 'reviewer', 'admin'] as const
export type Caller = (typeof CALLERS)[number]

const SIGNED_IN: readonly Caller[] = ['translatorEn', 'editor', 'reviewer', 'admin']
const EVERYONE: readonly Caller[] = CALLERS
const ADMIN: readonly Caller[] = ['admin']
const SOURCE_EDITORS: readonly Caller[] = ['editor', 'admin']
const EN_EDITORS: readonly Caller[] = ['translatorEn', 'editor', 'admin']
const PUBLISHERS: readonly Caller[] = ['reviewer', 'admin']
const NOBODY: readonly Caller[] = []

/** Ids the probes aim at, made by the admin before the matrix runs. */
export type Targets = {
  categoryId: number
  /** A category made for the probes; the admin's delete (the last caller) removes it. */
  disposableCategoryId: number
  categoryVersionId: number
  /** Each signed-in caller's own account id. */
  userIds: Partial<Record<Caller, number>>
  pageVersionId: number
  siteSettingsVersionId: number
  releaseId: number
  webhookId: number
  auditEventId: number
  workflowStateId: number
  otherUserId: number
  disposableUserId: number
  enXliff: string
}

export type RestProbe = {
  what: string
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: (targets: Targets) => string
  body?: (targets: Targets, caller: Caller) => unknown
  /** Raw body (e.g. XLIFF) and its content type. */
  raw?: (targets: Targets) => { body: string; contentType: string }
  allowed: readonly Caller[]
  /**
   * Answers that still mean the caller got past access control: a state-dependent action taken in
   * the wrong state (409), or a lookup of something absent (404).
   */
  grantedAlso?: readonly number[]
  /** How a refusal may look besides 401/403: 404 where the access rule hides the document itself. */
  refusedAlso?: readonly number[]
}

const category = (t: Targets) => `/api/partner-categories/${t.categoryId}`
const unique = (caller: Caller) =>
  `${caller}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export const REST_PROBES: readonly RestProbe[] = [
  // partner-categories
  {
    what: 'list categories',
    method: 'GET',
    path: () => '/api/partner-categories?locale=ja',
    allowed: SIGNED_IN,
  },
  {
    what: 'read a category',
    method: 'GET',
    path: (t) => `${category(t)}?locale=ja`,
    allowed: SIGNED_IN,
  },
  {
    what: 'count categories',
    method: 'GET',
    path: () => '/api/partner-categories/count',
    allowed: SIGNED_IN,
  },
  {
    what: 'list category versions',
    method: 'GET',
    path: () => '/api/partner-categories/versions',
    allowed: SIGNED_IN,
  },
  {
    what: 'read a category version',
    method: 'GET',
    path: (t) => `/api/partner-categories/versions/${t.categoryVersionId}`,
    allowed: SIGNED_IN,
  },
  {
    what: 'create a category',
    method: 'POST',
    path: () => '/api/partner-categories?locale=ja',
    body: (_t, caller) => ({ key: unique(caller), order: 900, name: `probe ${caller}` }),
    allowed: SOURCE_EDITORS,
  },
  {
    what: 'save a category in ja',
    method: 'PATCH',
    path: (t) => `${category(t)}?locale=ja`,
    body: () => ({ name: 'matrix probe (ja)' }),
    allowed: SOURCE_EDITORS,
  },
  {
    what: 'save a category in en',
    method: 'PATCH',
    path: (t) => `${category(t)}?locale=en`,
    body: () => ({ name: 'matrix probe (en)' }),
    allowed: EN_EDITORS,
  },
  {
    what: 'save a category in fr',
    method: 'PATCH',
    path: (t) => `${category(t)}?locale=fr`,
    body: () => ({ name: 'matrix probe (fr)' }),
    allowed: SOURCE_EDITORS,
  },
  {
    what: 'delete a category',
    method: 'DELETE',
    path: (t) => `/api/partner-categories/${t.disposableCategoryId}`,
    allowed: ADMIN,
  },
  {
    what: 'read a category workflow',
    method: 'GET',
    path: (t) => `${category(t)}/workflow?locale=en`,
    allowed: SIGNED_IN,
  },
  {
    what: 'submit a category in en',
    method: 'POST',
    path: (t) => `${category(t)}/workflow`,
    body: () => ({ action: 'submit', locale: 'en' }),
    allowed: ['translatorEn', 'editor'],
    grantedAlso: [409],
  },
  {
    what: 'submit a category in ja',
    method: 'POST',
    path: (t) => `${category(t)}/workflow`,
    body: () => ({ action: 'submit', locale: 'ja' }),
    allowed: ['editor'],
    grantedAlso: [409],
  },
  {
    what: 'approve a category in ru',
    method: 'POST',
    path: (t) => `${category(t)}/workflow`,
    body: () => ({ action: 'approve', locale: 'ru' }),
    allowed: PUBLISHERS,
    grantedAlso: [409],
  },

  // partners-page (global)
  {
    what: 'read the page',
    method: 'GET',
    path: () => '/api/globals/partners-page?locale=ja',
    allowed: SIGNED_IN,
  },
  {
    what: 'list page versions',
    method: 'GET',
    path: () => '/api/globals/partners-page/versions',
    allowed: SIGNED_IN,
  },
  {
    what: 'save the page in ja',
    method: 'POST',
    path: () => '/api/globals/partners-page?locale=ja',
    body: () => ({ columnLabels: { type: '種類' } }),
    allowed: SOURCE_EDITORS,
  },
  {
    what: 'save the page in en',
    method: 'POST',
    path: () => '/api/globals/partners-page?locale=en',
    body: () => ({ columnLabels: { type: 'Type' } }),
    allowed: EN_EDITORS,
  },
  {
    what: 'read the page workflow',
    method: 'GET',
    path: () => '/api/globals/partners-page/workflow?locale=ja',
    allowed: SIGNED_IN,
  },
  {
    what: 'withdraw the page in ja',
    method: 'POST',
    path: () => '/api/globals/partners-page/workflow',
    body: () => ({ action: 'withdraw', locale: 'ja' }),
    allowed: ['editor'],
    grantedAlso: [409],
  },
  {
    what: 'request changes to the page in ru',
    method: 'POST',
    path: () => '/api/globals/partners-page/workflow',
    body: () => ({ action: 'request-changes', locale: 'ru', reason: 'matrix probe' }),
    allowed: PUBLISHERS,
    grantedAlso: [409],
  },

  // releases: written only through publish and rollback
  { what: 'list releases', method: 'GET', path: () => '/api/releases', allowed: SIGNED_IN },
  {
    what: 'read a release',
    method: 'GET',
    path: (t) => `/api/releases/${t.releaseId}`,
    allowed: SIGNED_IN,
  },
  {
    what: 'create a release directly',
    method: 'POST',
    path: () => '/api/releases',
    body: () => ({ title: 'x', locale: 'ja', number: 99, summary: 'x', changeType: 'editorial' }),
    allowed: NOBODY,
  },
  {
    what: 'change a release',
    method: 'PATCH',
    path: (t) => `/api/releases/${t.releaseId}`,
    body: () => ({ summary: 'rewritten' }),
    allowed: NOBODY,
  },
  {
    what: 'delete a release',
    method: 'DELETE',
    path: (t) => `/api/releases/${t.releaseId}`,
    allowed: NOBODY,
  },
  {
    what: 'preview a publish',
    method: 'GET',
    path: () => '/api/releases/preview?locale=ja',
    allowed: SIGNED_IN,
  },
  {
    what: 'publish',
    method: 'POST',
    path: () => '/api/releases/publish',
    body: () => ({ locale: 'fr', summary: 'matrix probe', changeType: 'editorial' }),
    allowed: PUBLISHERS,
    grantedAlso: [409],
  },
  {
    what: 'roll back',
    method: 'POST',
    path: () => '/api/releases/rollback',
    body: () => ({ locale: 'ja', toRelease: 999, reason: 'matrix probe' }),
    allowed: PUBLISHERS,
    grantedAlso: [404, 409],
  },

  // webhooks
  {
    what: 'list webhook endpoints',
    method: 'GET',
    path: () => '/api/webhook-endpoints',
    allowed: ADMIN,
  },
  {
    what: 'read a webhook endpoint',
    method: 'GET',
    path: (t) => `/api/webhook-endpoints/${t.webhookId}`,
    allowed: ADMIN,
  },
  {
    what: 'create a webhook endpoint',
    method: 'POST',
    path: () => '/api/webhook-endpoints',
    body: (_t, caller) => ({ name: `probe ${caller}`, url: 'http://192.0.2.1:9/hook' }),
    allowed: ADMIN,
  },
  {
    what: 'change a webhook endpoint',
    method: 'PATCH',
    path: (t) => `/api/webhook-endpoints/${t.webhookId}`,
    body: () => ({ name: 'renamed by probe' }),
    allowed: ADMIN,
  },
  {
    what: 'delete a webhook endpoint',
    method: 'DELETE',
    path: (t) => `/api/webhook-endpoints/${t.webhookId}`,
    allowed: ADMIN,
  },
  {
    what: 'list outbox messages',
    method: 'GET',
    path: () => '/api/outbox-messages',
    allowed: ADMIN,
  },
  {
    what: 'create an outbox message',
    method: 'POST',
    path: () => '/api/outbox-messages',
    body: () => ({
      key: 'x',
      channel: 'webhook',
      topic: 'release.published',
      recipient: 'http://example.com/',
      nextAttemptAt: new Date().toISOString(),
      content: { event: 'release.published', body: '{}' },
    }),
    allowed: NOBODY,
  },
  {
    what: 'list delivery attempts',
    method: 'GET',
    path: () => '/api/outbox-attempts',
    allowed: ADMIN,
  },
  {
    what: 'redeliver an outbox message',
    method: 'POST',
    path: () => '/api/outbox-messages/999999/redeliver',
    body: () => ({}),
    allowed: ADMIN,
    // There is no such message: the admin is let through to the 404, the others are refused first.
    grantedAlso: [404],
  },

  // objections: subscribers make them through their link; reviewers and admins read and close them
  {
    what: 'list objections',
    method: 'GET',
    path: () => '/api/objections',
    allowed: PUBLISHERS,
  },
  {
    what: 'read an objection',
    method: 'GET',
    path: () => '/api/objections/999999',
    allowed: PUBLISHERS,
    grantedAlso: [404],
  },
  {
    what: 'create an objection',
    method: 'POST',
    path: () => '/api/objections',
    body: () => ({
      title: 'x',
      key: 'probe',
      locale: 'ja',
      releaseNumber: 1,
      subscriber: '1',
      reason: 'probe',
      receivedAt: new Date().toISOString(),
    }),
    allowed: NOBODY,
  },
  {
    what: 'change an objection',
    method: 'PATCH',
    path: () => '/api/objections/999999',
    body: () => ({ status: 'closed' }),
    allowed: NOBODY,
    refusedAlso: [404],
  },
  {
    what: 'close an objection',
    method: 'POST',
    path: () => '/api/objections/999999/close',
    body: () => ({ outcome: 'rejected', note: 'probe' }),
    allowed: PUBLISHERS,
    // There is no such objection: reviewers and admins get through to the 404.
    grantedAlso: [404],
  },

  // subscribers
  { what: 'list subscribers', method: 'GET', path: () => '/api/subscribers', allowed: ADMIN },
  {
    what: 'export subscribers as CSV',
    method: 'GET',
    path: () => '/api/subscribers/export.csv',
    allowed: ADMIN,
  },
  {
    what: 'create a subscriber',
    method: 'POST',
    path: () => '/api/subscribers',
    body: (_t, caller) => ({
      email: `${caller}@example.com`,
      locale: 'ja',
      scope: 'all',
      confirmedAt: new Date().toISOString(),
      consentVersion: 'x',
    }),
    allowed: NOBODY,
  },
  {
    what: 'change a subscriber',
    method: 'PATCH',
    path: () => '/api/subscribers/999999',
    body: () => ({ scope: 'material' }),
    allowed: NOBODY,
    refusedAlso: [404],
  },
  {
    what: 'erase a subscriber',
    method: 'DELETE',
    path: () => '/api/subscribers/999999',
    allowed: ADMIN,
    grantedAlso: [404],
  },
  {
    what: 'list unconfirmed subscriptions',
    method: 'GET',
    path: () => '/api/subscription-requests',
    allowed: ADMIN,
  },
  {
    what: 'create an unconfirmed subscription',
    method: 'POST',
    path: () => '/api/subscription-requests',
    body: () => ({
      email: 'x@example.com',
      locale: 'ja',
      scope: 'all',
      tokenHash: 'x',
      expiresAt: new Date().toISOString(),
      consentVersion: 'x',
    }),
    allowed: NOBODY,
  },

  // users
  { what: 'list users', method: 'GET', path: () => '/api/users', allowed: SIGNED_IN },
  {
    what: "read another user's account",
    method: 'GET',
    path: (t) => `/api/users/${t.otherUserId}`,
    allowed: ADMIN,
    refusedAlso: [404],
  },
  {
    what: 'create a user',
    method: 'POST',
    path: () => '/api/users',
    body: (_t, caller) => ({
      email: `${unique(caller)}@kaiji.test`,
      password: 'Probe-Passw0rd-long',
      role: 'legal-editor',
    }),
    allowed: ADMIN,
  },
  {
    what: "change another user's account",
    method: 'PATCH',
    path: (t) => `/api/users/${t.otherUserId}`,
    body: () => ({ name: 'renamed by probe' }),
    allowed: ADMIN,
    refusedAlso: [404],
  },
  {
    what: 'delete a user',
    method: 'DELETE',
    path: (t) => `/api/users/${t.disposableUserId}`,
    allowed: ADMIN,
    refusedAlso: [404],
  },
  {
    what: 'unlock an account',
    method: 'POST',
    path: () => '/api/users/unlock',
    body: () => ({ email: 'editor2@kaiji.test' }),
    allowed: ADMIN,
  },
  {
    what: 'register a first user when users exist',
    method: 'POST',
    path: () => '/api/users/first-register',
    body: (_t, caller) => ({
      email: `${unique(caller)}@kaiji.test`,
      password: 'Probe-Passw0rd-long',
      role: 'admin',
    }),
    allowed: NOBODY,
  },

  // the review workflow's own records: written by the workflow only
  {
    what: 'list workflow states',
    method: 'GET',
    path: () => '/api/workflow-states?where[state][equals]=approved',
    allowed: SIGNED_IN,
  },
  {
    what: 'create a workflow state',
    method: 'POST',
    path: () => '/api/workflow-states',
    body: () => ({ key: 'x', subject: 'x', locale: 'ja', state: 'approved' }),
    allowed: NOBODY,
  },
  {
    what: 'change a workflow state',
    method: 'PATCH',
    path: (t) => `/api/workflow-states/${t.workflowStateId}`,
    body: () => ({ state: 'approved' }),
    allowed: NOBODY,
  },
  {
    what: 'list the audit trail',
    method: 'GET',
    path: () => '/api/audit-events?where[action][equals]=approve',
    allowed: ADMIN,
  },
  {
    what: 'add to the audit trail',
    method: 'POST',
    path: () => '/api/audit-events',
    body: () => ({
      action: 'approve',
      subject: 'x',
      locale: 'ja',
      actorLabel: 'x',
      previousHash: 'x',
    }),
    allowed: NOBODY,
  },
  {
    what: 'change an audit event',
    method: 'PATCH',
    path: (t) => `/api/audit-events/${t.auditEventId}`,
    body: () => ({ reason: 'rewritten' }),
    allowed: NOBODY,
  },
  {
    what: 'delete an audit event',
    method: 'DELETE',
    path: (t) => `/api/audit-events/${t.auditEventId}`,
    allowed: NOBODY,
  },

  // translations
  {
    what: 'translation overview',
    method: 'GET',
    path: () => '/api/translations/overview',
    allowed: SIGNED_IN,
  },
  {
    what: 'export XLIFF for en',
    method: 'GET',
    path: () => '/api/translations/xliff?locale=en',
    allowed: SIGNED_IN,
  },
  {
    what: 'export XLIFF for fr',
    method: 'GET',
    path: () => '/api/translations/xliff?locale=fr',
    allowed: ['editor', 'reviewer', 'admin'],
  },
  {
    what: 'import XLIFF for en',
    method: 'POST',
    path: () => '/api/translations/xliff',
    raw: (t) => ({ body: t.enXliff, contentType: 'application/xliff+xml' }),
    allowed: EN_EDITORS,
  },
  {
    what: 'export the translation memory (TMX) of en',
    method: 'GET',
    path: () => '/api/translations/tmx?locale=en',
    // A translator's tool: the locale's translators, legal editors and admins; not reviewers.
    allowed: EN_EDITORS,
  },
  {
    what: 'export the translation memory (TMX) of fr',
    method: 'GET',
    path: () => '/api/translations/tmx?locale=fr',
    allowed: SOURCE_EDITORS,
  },
  {
    what: 'bulk-submit my drafts in en',
    method: 'POST',
    path: () => '/api/translations/bulk',
    body: () => ({ action: 'submit', locale: 'en' }),
    // Admins may edit any locale but submitting is for the locale's editors.
    allowed: ['translatorEn', 'editor'],
  },
  {
    what: 'bulk-approve everything in review in en',
    method: 'POST',
    path: () => '/api/translations/bulk',
    body: () => ({ action: 'approve', locale: 'en' }),
    allowed: PUBLISHERS,
  },

  // Payload's own collections
  {
    what: 'list document locks',
    method: 'GET',
    path: () => '/api/payload-locked-documents?depth=2',
    allowed: SIGNED_IN,
  },
  {
    what: 'list preferences',
    method: 'GET',
    path: () => '/api/payload-preferences',
    allowed: SIGNED_IN,
  },
  {
    what: 'read the key-value store',
    method: 'GET',
    path: () => '/api/payload-kv',
    allowed: NOBODY,
  },
  {
    what: 'write the key-value store',
    method: 'POST',
    path: () => '/api/payload-kv',
    body: () => ({ key: 'x', data: {} }),
    allowed: NOBODY,
  },
  {
    what: 'list migrations',
    method: 'GET',
    path: () => '/api/payload-migrations',
    allowed: NOBODY,
    refusedAlso: [404],
  },
  {
    what: 'record a migration',
    method: 'POST',
    path: () => '/api/payload-migrations',
    body: () => ({ name: 'x', batch: 99 }),
    allowed: NOBODY,
    refusedAlso: [404],
  },

  // site-settings (global): read by everyone signed in, changed by admins only
  {
    what: 'read the site settings',
    method: 'GET',
    path: () => '/api/globals/site-settings?locale=ja',
    allowed: SIGNED_IN,
  },
  {
    what: 'list site-settings versions',
    method: 'GET',
    path: () => '/api/globals/site-settings/versions',
    allowed: SIGNED_IN,
  },
  {
    what: 'save the site settings',
    method: 'POST',
    path: () => '/api/globals/site-settings?locale=ru',
    body: (_t, caller) => ({ footerNote: `matrix probe ${caller}` }),
    allowed: ADMIN,
  },
  {
    what: 'restore a site-settings version',
    method: 'POST',
    path: (t) => `/api/globals/site-settings/versions/${t.siteSettingsVersionId}`,
    allowed: ADMIN,
  },

  // the public site
  {
    what: 'public content API',
    method: 'GET',
    path: () => '/content/v1/partners/ja',
    allowed: EVERYONE,
  },
  { what: 'public page', method: 'GET', path: () => '/partners/ja', allowed: EVERYONE },
]

export type GraphqlProbe = {
  /** The operation (a Query or Mutation field) this row covers. */
  operation: string
  query: (targets: Targets, caller: Caller) => string
  allowed: readonly Caller[]
  /** As for REST: a document the rule hides answers "not found". */
  refusedAlso?: readonly number[]
  /** As for REST: answers that still mean access control let the caller through (an absent document's 404). */
  grantedAlso?: readonly number[]
}

type IdOf = (targets: Targets) => number | string
type CollectionRules = {
  single: string
  plural: string
  id: IdOf
  read: readonly Caller[]
  create: readonly Caller[]
  update: readonly Caller[]
  delete: readonly Caller[]
  /** GraphQL input literals that pass validation, so an allowed caller is not refused for another reason. */
  createData: (caller: Caller, targets: Targets) => string
  updateData: string
  /** Locale argument for localized collections. */
  locale?: string
  versions?: boolean
  /**
   * Restoring a version rewrites every locale at once, and the update rule needs the locale being
   * written, so nobody restores through the API: the old wording comes back as a new, reviewed change.
   */
  restore?: readonly Caller[]
  /** The read rule hides other people's documents rather than refusing (users). */
  hides?: boolean
  /** Who may duplicate the document `id` names, when not the same as who may create. */
  duplicate?: readonly Caller[]
  /** Auth collections have no duplicate operation. */
  auth?: boolean
}

const ABSENT = () => 999_999

/**
 * Every operation Payload generates for a collection, each under the collection's rule. Ids that
 * name no document answer "not found": that counts as allowed where someone may do it (access let
 * the caller through) and as refused where nobody may (nothing was done), and as refused where the
 * rule hides the document from the caller.
 */
const collectionOperations = (c: CollectionRules): GraphqlProbe[] => {
  const locale = c.locale ? `locale: ${c.locale}, ` : ''
  const absent = (allowed: readonly Caller[], hidden = c.hides) =>
    hidden || allowed.length === 0 ? { refusedAlso: [404] } : { grantedAlso: [404] }
  const duplicate = c.duplicate ?? c.create
  return [
    {
      operation: c.single,
      query: (t) => `{ ${c.single}(${locale}id: ${JSON.stringify(c.id(t))}) { id } }`,
      allowed: c.read,
      ...absent(c.read),
    },
    {
      operation: c.plural,
      query: () => `{ ${c.plural}(${locale}limit: 5) { docs { id } } }`,
      allowed: c.read,
    },
    {
      operation: `count${c.plural}`,
      query: () => `{ count${c.plural} { totalDocs } }`,
      allowed: c.read,
    },
    {
      operation: `create${c.single}`,
      query: (t, caller) =>
        `mutation { create${c.single}(${locale}data: ${c.createData(caller, t)}) { id } }`,
      allowed: c.create,
    },
    {
      operation: `update${c.single}`,
      query: (t) =>
        `mutation { update${c.single}(${locale}id: ${JSON.stringify(c.id(t))}, data: ${c.updateData}) { id } }`,
      allowed: c.update,
      ...absent(c.update),
    },
    {
      operation: `delete${c.single}`,
      query: () => `mutation { delete${c.single}(id: ${ABSENT()}) { id } }`,
      allowed: c.delete,
      ...absent(c.delete, false),
    },
    ...(c.auth
      ? []
      : [
          {
            operation: `duplicate${c.single}`,
            query: (t: Targets) =>
              `mutation { duplicate${c.single}(id: ${JSON.stringify(c.id(t))}, data: ${c.createData('admin', t)}) { id } }`,
            allowed: duplicate,
            ...absent(duplicate),
          },
        ]),
    ...(c.versions
      ? [
          {
            operation: `version${c.single}`,
            query: (t: Targets) => `{ version${c.single}(id: ${t.categoryVersionId}) { id } }`,
            allowed: c.read,
          },
          {
            operation: `versions${c.plural}`,
            query: () => `{ versions${c.plural} { docs { id } } }`,
            allowed: c.read,
          },
          {
            operation: `restoreVersion${c.single}`,
            query: (t: Targets) =>
              `mutation { restoreVersion${c.single}(id: ${t.categoryVersionId}) { id } }`,
            allowed: c.restore ?? c.update,
          },
        ]
      : []),
  ]
}

const systemWritten = (
  single: string,
  plural: string,
  id: IdOf,
  read: readonly Caller[],
  createData: string,
  updateData: string,
): CollectionRules => ({
  single,
  plural,
  id,
  read,
  create: NOBODY,
  update: NOBODY,
  delete: NOBODY,
  createData: () => createData,
  updateData,
})

export const GRAPHQL_PROBES: readonly GraphqlProbe[] = [
  ...collectionOperations({
    single: 'PartnerCategory',
    plural: 'PartnerCategories',
    id: (t) => t.categoryId,
    read: SIGNED_IN,
    create: SOURCE_EDITORS,
    update: EN_EDITORS,
    delete: ADMIN,
    createData: (caller) => `{ key: "${unique(caller)}", order: 901, name: "gql probe" }`,
    updateData: '{ name: "gql probe (en)" }',
    locale: 'en',
    versions: true,
    restore: NOBODY,
  }),
  ...collectionOperations(
    systemWritten(
      'Release',
      'Releases',
      (t) => t.releaseId,
      SIGNED_IN,
      '{ title: "x", locale: ja, number: 98, summary: "x", changeType: editorial, effectiveAt: "2026-01-01T00:00:00Z", publishedAt: "2026-01-01T00:00:00Z", publishedBy: "x", approvers: [], contentHash: "x", content: {}, sources: [] }',
      '{ summary: "rewritten" }',
    ),
  ),
  ...collectionOperations({
    single: 'WebhookEndpoint',
    plural: 'WebhookEndpoints',
    id: (t) => t.webhookId,
    read: ADMIN,
    create: ADMIN,
    update: ADMIN,
    delete: ADMIN,
    createData: (caller) =>
      `{ name: "gql probe ${caller}", url: "http://192.0.2.1:9/gql", secret: "${'s'.repeat(40)}", events: [release_published] }`,
    updateData: '{ name: "renamed by gql probe" }',
  }),
  ...collectionOperations(
    systemWritten(
      'OutboxMessage',
      'OutboxMessages',
      ABSENT,
      ADMIN,
      '{ key: "x", channel: webhook, topic: "release.published", recipient: "http://192.0.2.1/", nextAttemptAt: "2026-01-01T00:00:00.000Z", content: {}, status: pending, attempts: 0 }',
      '{ attempts: 5 }',
    ),
  ),
  ...collectionOperations(
    systemWritten(
      'OutboxAttempt',
      'OutboxAttempts',
      ABSENT,
      ADMIN,
      '{ key: "x", message: 1, attempt: 1, worker: "probe", outcome: delivered, startedAt: "2026-01-01T00:00:00.000Z" }',
      '{ attempt: 5 }',
    ),
  ),
  // Subscribers are personal data: admins read and erase them; only the confirmation flow writes them.
  ...collectionOperations({
    single: 'Subscriber',
    plural: 'Subscribers',
    id: ABSENT,
    read: ADMIN,
    create: NOBODY,
    update: NOBODY,
    delete: ADMIN,
    createData: () =>
      '{ email: "gql@example.com", locale: ja, scope: all, confirmedAt: "2026-01-01T00:00:00Z", consentVersion: "x" }',
    updateData: '{ scope: material }',
  }),
  ...collectionOperations({
    single: 'SubscriptionRequest',
    plural: 'SubscriptionRequests',
    id: ABSENT,
    read: ADMIN,
    create: NOBODY,
    update: NOBODY,
    delete: ADMIN,
    createData: () =>
      '{ email: "gql@example.com", locale: ja, scope: all, tokenHash: "x", expiresAt: "2026-01-01T00:00:00Z", consentVersion: "x" }',
    updateData: '{ scope: material }',
  }),
  ...collectionOperations({
    single: 'User',
    plural: 'Users',
    id: (t) => t.otherUserId,
    read: ADMIN,
    create: ADMIN,
    update: ADMIN,
    delete: ADMIN,
    createData: (caller) =>
      `{ email: "${unique(caller)}@kaiji.test", password: "Probe-Passw0rd-long", role: legal_editor }`,
    updateData: '{ name: "renamed by gql probe" }',
    hides: true,
    auth: true,
  }).map((probe) =>
    probe.operation === 'Users' || probe.operation === 'countUsers'
      ? { ...probe, allowed: SIGNED_IN }
      : probe,
  ),
  {
    operation: 'unlockUser',
    query: () => 'mutation { unlockUser(email: "editor2@kaiji.test") }',
    allowed: ADMIN,
  },
  ...collectionOperations(
    systemWritten(
      'WorkflowState',
      'WorkflowStates',
      (t) => t.workflowStateId,
      SIGNED_IN,
      '{ key: "x", subject: "x", locale: "ja", state: approved }',
      '{ state: approved }',
    ),
  ),
  ...collectionOperations(
    systemWritten(
      'AuditEvent',
      'AuditEvents',
      (t) => t.auditEventId,
      ADMIN,
      '{ at: "2026-01-01T00:00:00Z", action: "approve", subject: "x", locale: "ja", actorLabel: "x", previousHash: "x", hash: "x" }',
      '{ reason: "rewritten" }',
    ),
  ),
  ...collectionOperations(
    systemWritten(
      'Objection',
      'Objections',
      ABSENT,
      PUBLISHERS,
      '{ title: "x", key: "probe", locale: "ja", releaseNumber: 1, subscriber: "1", reason: "probe", receivedAt: "2026-01-01T00:00:00Z", status: open }',
      '{ status: closed }',
    ),
  ),
  ...collectionOperations(
    systemWritten(
      'PayloadKv',
      'PayloadKvs',
      ABSENT,
      NOBODY,
      '{ key: "x", data: {} }',
      '{ key: "y" }',
    ),
  ),
  ...collectionOperations({
    // Payload's edit locks: any signed-in user may take or release one; the revision check guards the content.
    single: 'PayloadLockedDocument',
    plural: 'PayloadLockedDocuments',
    id: ABSENT,
    read: SIGNED_IN,
    create: SIGNED_IN,
    update: SIGNED_IN,
    delete: SIGNED_IN,
    createData: (caller, t) =>
      `{ globalSlug: "partners-page", user: { relationTo: users, value: ${t.userIds[caller] ?? 0} } }`,
    updateData: '{ globalSlug: "partners-page" }',
  }),
  ...collectionOperations({
    // Everyone reads and writes only their own preferences (the rule is a constraint on the owner),
    // so by an id nobody owns, every caller is refused.
    single: 'PayloadPreference',
    plural: 'PayloadPreferences',
    id: ABSENT,
    read: SIGNED_IN,
    create: SIGNED_IN,
    update: NOBODY,
    delete: NOBODY,
    duplicate: NOBODY,
    createData: () => '{ key: "gql-probe", value: "{}" }',
    updateData: '{ key: "gql-probe" }',
  }),

  {
    operation: 'PartnersPage',
    query: () => '{ PartnersPage(locale: ja) { title } }',
    allowed: SIGNED_IN,
  },
  {
    operation: 'updatePartnersPage',
    query: () =>
      'mutation { updatePartnersPage(locale: en, data: { columnLabels: { type: "Type" } }) { title } }',
    allowed: EN_EDITORS,
  },
  {
    operation: 'versionsPartnersPage',
    query: () => '{ versionsPartnersPage { docs { id } } }',
    allowed: SIGNED_IN,
  },
  {
    operation: 'versionPartnersPage',
    query: (t) => `{ versionPartnersPage(id: ${t.pageVersionId}) { id } }`,
    allowed: SIGNED_IN,
  },
  // As for categories: a restore writes every locale, which no update rule allows.
  {
    operation: 'restoreVersionPartnersPage',
    query: (t) => `mutation { restoreVersionPartnersPage(id: ${t.pageVersionId}) { title } }`,
    allowed: NOBODY,
  },

  {
    operation: 'SiteSetting',
    query: () => '{ SiteSetting(locale: ja) { siteName } }',
    allowed: SIGNED_IN,
  },
  {
    operation: 'updateSiteSetting',
    query: (_t, caller) =>
      `mutation { updateSiteSetting(locale: ru, data: { footerNote: "gql probe ${caller}" }) { footerNote } }`,
    allowed: ADMIN,
  },
  {
    operation: 'versionsSiteSetting',
    query: () => '{ versionsSiteSetting { docs { id } } }',
    allowed: SIGNED_IN,
  },
  {
    operation: 'versionSiteSetting',
    query: (t) => `{ versionSiteSetting(id: ${t.siteSettingsVersionId}) { id } }`,
    allowed: SIGNED_IN,
  },
  // Site settings are not reviewed content: an administrator may bring an older version back.
  {
    operation: 'restoreVersionSiteSetting',
    query: (t) =>
      `mutation { restoreVersionSiteSetting(id: ${t.siteSettingsVersionId}) { siteName } }`,
    allowed: ADMIN,
  },
]

/**
 * Operations open to anyone by design, each answering only about the caller: who am I, may I,
 * sign in and out, password reset. Their rules are asserted by the session tests, not the matrix.
 */
export const OPEN_GRAPHQL_OPERATIONS = [
  'Access',
  'meUser',
  'initializedUser',
  'loginUser',
  'logoutUser',
  'refreshTokenUser',
  'forgotPasswordUser',
  'resetPasswordUser',
  'verifyEmailUser',
  'docAccessPartnerCategory',
  'docAccessRelease',
  'docAccessWebhookEndpoint',
  'docAccessOutboxMessage',
  'docAccessOutboxAttempt',
  'docAccessSubscriber',
  'docAccessSubscriptionRequest',
  'docAccessUser',
  'docAccessWorkflowState',
  'docAccessAuditEvent',
  'docAccessObjection',
  'docAccessPayloadKv',
  'docAccessPayloadLockedDocument',
  'docAccessPayloadPreference',
  'docAccessPartnersPage',
  'docAccessSiteSetting',
] as const
