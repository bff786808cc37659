import type { Endpoint, PayloadHandler } from 'payload'

import { hasRole } from '../access/roles'
import { isLocaleCode, LOCALES, SOURCE_LOCALE } from '../config/locales'
import { settings } from '../config/settings'
import { isUniqueViolation } from '../database/uniqueViolation'
import type { User } from '../payload-types'
import { actorLabelFor, describeActor, type Reader } from '../audit/actorLabel'
import {
  assembleFromApprovals,
  planPublish,
  planRollback,
  publishRelease,
  PublishError,
  rollbackRelease,
  type PublishedRelease,
  type Publisher,
  type ReleasePlan,
} from '../releases/publish'
import { renderProspectivePage } from '../delivery/prospectivePage'
import { diffReleases } from '../releases/releaseDiff'
import { announceReleasePublished } from '../releases/releaseSignal'
import {
  findRelease,
  latestRelease,
  listReleaseSummaries,
  type StoredReleaseSummary,
} from '../releases/releaseStore'
import { sourceTiming, type SourceTiming } from '../releases/sourceBasisStore'
import { releaseTimeline } from '../releases/timeline'
import { CHANGE_TYPES, type ChangeType } from '../releases/types'
import { objectionCounts } from '../subscriptions/objections/objectionCounts'
import { queueReleaseWebhooks } from '../webhooks/queueWebhooks'
import { queueReleaseNotices } from '../subscriptions/queueNotices'
import { inTransaction, problem, readJsonObject, unknownKeys } from '../http/endpointHelpers'
import { isContentHash } from '../workflow'

const MAX_TEXT_LENGTH = 2_000

const publisherOf = (user: User): Publisher => ({ id: String(user.id), label: describeActor(user) })

const mayPublish = (user: User | null): user is User => hasRole(user, 'legal-reviewer', 'admin')

/** Optional or required trimmed text with a length limit; returns the text, null when absent, or a refusal. */
const textField = (
  body: Record<string, unknown>,
  name: string,
  required: boolean,
): string | null | Response => {
  const value = body[name]
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    return required
      ? problem(400, `"${name}" is required.`, 'text-required', { field: name })
      : null
  }
  if (typeof value !== 'string')
    return problem(400, `"${name}" must be text.`, 'text-required', { field: name })
  if (value.length > MAX_TEXT_LENGTH)
    return problem(
      400,
      `"${name}" must be at most ${MAX_TEXT_LENGTH} characters.`,
      'text-too-long',
      {
        field: name,
        max: MAX_TEXT_LENGTH,
      },
    )
  return value.trim()
}

const localeRefusal = (locale: unknown, headers?: Record<string, string>) =>
  problem(
    400,
    `Unknown locale ${JSON.stringify(locale)}; use one of ${LOCALES.join(', ')}.`,
    'unknown-locale',
    undefined,
    headers,
  )

const isChangeType = (value: unknown): value is ChangeType =>
  (CHANGE_TYPES as readonly unknown[]).includes(value)
const changeTypeRefusal = (headers?: Record<string, string>) =>
  problem(
    400,
    `"changeType" must be one of ${CHANGE_TYPES.join(', ')}.`,
    'bad-change-type',
    undefined,
    headers,
  )

/** A release as `reader` may see it: the publisher's and approvers' emails for administrators only. */
const releaseSummary = (release: StoredReleaseSummary, reader: Reader, status?: string) => ({
  locale: release.locale,
  number: release.number,
  summary: release.summary,
  changeType: release.changeType,
  effectiveAt: release.effectiveAt,
  publishedAt: release.publishedAt,
  publishedBy: actorLabelFor(release.publishedBy, reader),
  approvers: release.approvers.map((approver) => actorLabelFor(approver, reader)),
  rollbackOf: release.rollbackOf,
  sourceReleaseNumber: release.sourceReleaseNumber,
  contentHash: release.contentHash,
  ...(status ? { status } : {}),
})

/** For a target locale: which source release it translates, whether it waits for it, and why it takes effect when it does. */
const timingView = (timing: SourceTiming | null) =>
  timing
    ? {
        sourceRelease: timing.sourceRelease,
        heldBySource: timing.heldBySource,
        explanation: timing.explanation,
      }
    : null

/** Reads and checks the common part of a publishing request: who, and a JSON body with only known keys. */
const readPublishingRequest = async (
  req: Parameters<PayloadHandler>[0],
  allowed: readonly string[],
): Promise<{ user: User; body: Record<string, unknown> } | Response> => {
  const user = req.user as User | null
  if (!user) return problem(401, 'Sign in to publish.', 'sign-in')
  if (!mayPublish(user))
    return problem(
      403,
      'Only legal reviewers and admins may publish or roll back releases.',
      'may-not-publish',
    )
  const body = await readJsonObject(req)
  if (!body)
    return problem(
      400,
      `The body must be a JSON object with ${allowed.map((key) => `"${key}"`).join(', ')}.`,
    )
  const unknown = unknownKeys(body, allowed)
  if (unknown.length) {
    return problem(
      400,
      `Unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')}; allowed: ${allowed.join(', ')}.`,
    )
  }
  if (!isLocaleCode(body.locale)) return localeRefusal(body.locale)
  return { user, body }
}

/** Writes the release, its webhooks and its subscribers' notices in one transaction, then tells the delivery layer; refusals roll everything back. */
const publishing = (req: Parameters<PayloadHandler>[0], work: () => Promise<PublishedRelease>) => {
  let published: PublishedRelease | null = null
  return inTransaction(req, async () => {
    try {
      published = await work()
      await queueReleaseWebhooks(req.payload, req, 'release.published', published)
      await queueReleaseNotices(req.payload, req, published)
      return Response.json(
        {
          release: releaseSummary(published, req.user),
          source: timingView(published.sourceTiming),
          warnings: published.warnings,
        },
        { status: 201 },
      )
    } catch (error) {
      if (error instanceof PublishError)
        return problem(error.status, error.message, error.code, error.params)
      if (isUniqueViolation(error)) {
        return problem(
          409,
          'Another release of this locale was published at the same moment; reload and try again.',
          'published-meanwhile',
        )
      }
      throw error
    }
  }).then((response) => {
    if (published && response.ok) announceReleasePublished(published)
    return response
  })
}

const PUBLISH_KEYS = [
  'locale',
  'summary',
  'changeType',
  'effectiveAt',
  'urgencyReason',
  'contentHash',
] as const

const publishHandler: PayloadHandler = async (req) => {
  const checked = await readPublishingRequest(req, PUBLISH_KEYS)
  if (checked instanceof Response) return checked
  const { user, body } = checked
  const summary = textField(body, 'summary', true)
  if (summary instanceof Response) return summary
  const { changeType } = body
  if (!isChangeType(changeType)) return changeTypeRefusal()
  const urgencyReason = textField(body, 'urgencyReason', false)
  if (urgencyReason instanceof Response) return urgencyReason
  if (
    body.effectiveAt !== undefined &&
    body.effectiveAt !== null &&
    typeof body.effectiveAt !== 'string'
  ) {
    return problem(400, '"effectiveAt" must be an ISO 8601 date string.', 'invalid-date')
  }
  const { contentHash } = body
  if (contentHash !== undefined && !isContentHash(contentHash))
    return problem(
      400,
      '"contentHash" must be the 64 lowercase hexadecimal characters of the contentHash that GET /api/releases/prospect returned.',
    )
  return publishing(req, () =>
    publishRelease(req.payload, req, {
      locale: body.locale as string,
      summary: summary as string,
      changeType,
      effectiveAt: (body.effectiveAt as string | null | undefined) ?? null,
      urgencyReason,
      publisher: publisherOf(user),
      ...(typeof contentHash === 'string' ? { previewedContentHash: contentHash } : {}),
    }),
  )
}

const ROLLBACK_KEYS = ['locale', 'toRelease', 'reason', 'changeType'] as const

const rollbackHandler: PayloadHandler = async (req) => {
  const checked = await readPublishingRequest(req, ROLLBACK_KEYS)
  if (checked instanceof Response) return checked
  const { user, body } = checked
  const { toRelease } = body
  if (typeof toRelease !== 'number' || !Number.isInteger(toRelease) || toRelease < 1) {
    return problem(
      400,
      '"toRelease" must be a release number (a whole number, 1 or more).',
      'bad-release-number',
    )
  }
  const reason = textField(body, 'reason', true)
  if (reason instanceof Response) return reason
  if (body.changeType !== undefined && !isChangeType(body.changeType)) return changeTypeRefusal()
  return publishing(req, () =>
    rollbackRelease(req.payload, req, {
      locale: body.locale as string,
      toRelease,
      reason: reason as string,
      changeType: isChangeType(body.changeType) ? body.changeType : undefined,
      publisher: publisherOf(user),
    }),
  )
}

/**
 * When a publish now (with no effectiveAt) would take effect and why: for a target locale no earlier
 * than the source release its translations are based on; or why it could not be published yet.
 */
const previewTiming = async (
  req: Parameters<PayloadHandler>[0],
  locale: string,
  assembly: Awaited<ReturnType<typeof assembleFromApprovals>>,
  now: number,
) => {
  if (!assembly.ok) return { effective: null, sourceRefusal: null }
  if (locale === SOURCE_LOCALE) {
    return {
      effective: {
        at: new Date(now).toISOString(),
        sourceRelease: null,
        heldBySource: false,
        explanation: 'Takes effect at once, or on the date you give.',
      },
      sourceRefusal: null,
    }
  }
  const decided = await sourceTiming(req.payload, req, {
    locale,
    needs: assembly.needs,
    content: assembly.content,
    requested: null,
    now,
  })
  if (!decided.ok) return { effective: null, sourceRefusal: decided.message }
  return {
    effective: {
      at: new Date(decided.timing.effectiveAt).toISOString(),
      ...timingView(decided.timing),
    },
    sourceRefusal: null,
  }
}

/** GET ?locale=xx: what a publish would ship now, against the newest release, when it would take effect, and the locale's timeline. */
const previewHandler: PayloadHandler = async (req) => {
  const user = req.user as User | null
  if (!user) return problem(401, 'Sign in to preview a release.')
  const locale = req.searchParams.get('locale')
  if (!isLocaleCode(locale)) return localeRefusal(locale)
  const now = Date.now()
  const releases = await listReleaseSummaries(req.payload, locale)
  const timeline = releaseTimeline(releases, now)
  const latest = releases.length ? await latestRelease(req.payload, locale) : null
  const assembly = await assembleFromApprovals(req.payload, req, locale)
  // Objections are private to reviewers and admins, as the collection's read rule says.
  const objections = mayPublish(user) ? await objectionCounts(req.payload, req, locale) : null
  return Response.json({
    locale,
    canPublish: mayPublish(user),
    materialNoticeDays: settings().materialNoticeDays,
    missing: assembly.ok ? [] : assembly.missing,
    unchanged: Boolean(assembly.ok && latest && latest.contentHash === assembly.contentHash),
    ...(await previewTiming(req, locale, assembly, now)),
    diff:
      assembly.ok && latest
        ? diffReleases(latest, {
            ...latest,
            number: latest.number + 1,
            content: assembly.content,
            contentHash: assembly.contentHash,
          })
        : null,
    current: timeline.current ? releaseSummary(timeline.current, user, 'current') : null,
    releases: [...releases].reverse().map((release) => ({
      ...releaseSummary(release, user, timeline.statusOf(release)),
      ...(objections
        ? { objections: objections.get(release.number) ?? { open: 0, total: 0 } }
        : {}),
    })),
  })
}

/** What the publish panel shows is for publishers only and must never sit in a shared cache. */
const NO_STORE = { 'Cache-Control': 'no-store, private', Vary: 'Cookie' }

const PROSPECT_PARAMS = [
  'locale',
  'action',
  'changeType',
  'effectiveAt',
  'shorterNotice',
  'toRelease',
] as const

/**
 * GET ?locale=xx&action=publish|rollback&…: the release a publish (or a rollback to `toRelease`) would
 * write now, as the public page will render it once in effect, its changes against the release in
 * effect, and its effective date with the source and notice rules applied. Nothing is written.
 */
const prospectHandler: PayloadHandler = async (req) => {
  const refuse = (
    status: number,
    message: string,
    code: string,
    params?: Record<string, string | number>,
  ) => problem(status, message, code, params, NO_STORE)
  const user = req.user as User | null
  if (!user) return refuse(401, 'Sign in to preview a release.', 'sign-in')
  if (!mayPublish(user))
    return refuse(
      403,
      'Only legal reviewers and admins may preview a release before publishing it.',
      'may-not-publish',
    )
  const query = req.searchParams
  const unknown = [...query.keys()].filter(
    (key) => !(PROSPECT_PARAMS as readonly string[]).includes(key),
  )
  if (unknown.length)
    return refuse(
      400,
      `Unknown parameter(s) ${unknown.join(', ')}; allowed: ${PROSPECT_PARAMS.join(', ')}.`,
      'bad-parameter',
    )
  const locale = query.get('locale')
  if (!isLocaleCode(locale)) return localeRefusal(locale, NO_STORE)
  const action = query.get('action') ?? 'publish'
  if (action !== 'publish' && action !== 'rollback')
    return refuse(400, '"action" must be publish or rollback.', 'bad-parameter')
  const changeType = query.get('changeType') ?? undefined
  if (changeType !== undefined && !isChangeType(changeType)) return changeTypeRefusal(NO_STORE)
  const now = Date.now()
  let plan: ReleasePlan
  try {
    if (action === 'rollback') {
      const toRelease = Number(query.get('toRelease'))
      if (!Number.isInteger(toRelease) || toRelease < 1)
        return refuse(
          400,
          '"toRelease" must be a release number (a whole number, 1 or more).',
          'bad-release-number',
        )
      plan = await planRollback(req.payload, req, { locale, toRelease, changeType, now })
    } else {
      plan = await planPublish(req.payload, req, {
        locale,
        changeType: changeType ?? 'editorial',
        effectiveAt: query.get('effectiveAt') || null,
        urgencyReason: query.get('shorterNotice') === 'true' ? 'given' : null,
        now,
      })
    }
  } catch (error) {
    if (error instanceof PublishError)
      return refuse(error.status, error.message, error.code ?? 'refused', error.params)
    throw error
  }
  const releases = await listReleaseSummaries(req.payload, locale)
  const latest = releases.length ? await latestRelease(req.payload, locale) : null
  const inEffect = releaseTimeline(releases, now).current
  const current = inEffect ? await findRelease(req.payload, locale, inEffect.number) : null
  const prospective = {
    locale,
    number: (latest?.number ?? 0) + 1,
    summary: '',
    changeType: plan.changeType,
    effectiveAt: new Date(plan.effectiveAt).toISOString(),
    publishedAt: new Date(now).toISOString(),
    publishedBy: describeActor(user),
    approvers: plan.approvers,
    contentHash: plan.contentHash,
    content: plan.content,
    sources: plan.sources,
    rollbackOf: plan.rollbackOf,
    urgencyReason: null,
    sourceReleaseNumber: plan.timing?.sourceRelease.number ?? null,
  }
  return Response.json(
    {
      locale,
      action,
      number: prospective.number,
      // Publish sends it back, so only the content previewed here is published.
      contentHash: plan.contentHash,
      changeType: plan.changeType,
      effectiveAt: prospective.effectiveAt,
      sourceRelease: plan.timing
        ? {
            number: plan.timing.sourceRelease.number,
            effectiveAt: new Date(plan.timing.sourceRelease.effectiveAt).toISOString(),
          }
        : null,
      heldBySource: plan.timing?.heldBySource ?? false,
      notice: { ...plan.notice, earliest: new Date(plan.notice.earliest).toISOString() },
      unchanged: latest?.contentHash === plan.contentHash,
      inEffect: current?.number ?? null,
      diff: current ? diffReleases(current, prospective) : null,
      html: await renderProspectivePage(req.payload, prospective),
    },
    { headers: NO_STORE },
  )
}

export const releaseEndpoints: Endpoint[] = [
  { path: '/prospect', method: 'get', handler: prospectHandler },
  { path: '/publish', method: 'post', handler: publishHandler },
  { path: '/rollback', method: 'post', handler: rollbackHandler },
  { path: '/preview', method: 'get', handler: previewHandler },
]
