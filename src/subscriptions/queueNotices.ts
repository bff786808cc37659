import type { Payload, PayloadRequest, Where } from 'payload'

import { publicBaseUrl } from '../config/publicAddress'
import { resolvedPayloadSecret, settings } from '../config/settings'
import { isUniqueViolation } from '../database/uniqueViolation'
import { queueMessage } from '../outbox/queue'
import type { Subscriber } from '../payload-types'
import { diffReleases } from '../releases/releaseDiff'
import {
  findRelease,
  listReleaseSummaries,
  type StoredReleaseSummary,
} from '../releases/releaseStore'
import { releaseTimeline } from '../releases/timeline'
import type { ChangeType, Release, ReleaseSummary } from '../releases/types'
import { objectionUrl, releaseUrl, unsubscribeUrl, upcomingUrl } from './links'
import { noticeEmail, type NoticeKind } from './noticeEmail'

const system = { overrideAccess: true, depth: 0 } as const
const DAY_MS = 86_400_000

/** Material changes reach every subscriber of the language; editorial ones only those who chose "all changes". */
const audienceOf = (locale: string, changeType: ChangeType): Where => ({
  and: [
    { locale: { equals: locale } },
    ...(changeType === 'material' ? [] : [{ scope: { equals: 'all' } }]),
  ],
})

const subscribersOf = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  locale: string,
  changeType: ChangeType,
): Promise<Subscriber[]> =>
  (
    await payload.find({
      collection: 'subscribers',
      where: audienceOf(locale, changeType),
      sort: 'id',
      limit: 0,
      pagination: false,
      ...(req ? { req } : {}),
      ...system,
    })
  ).docs

type Notice = {
  kind: NoticeKind
  release: Release | ReleaseSummary
  /** The release in effect it is compared with; null for the first one or a withdrawal. */
  base: Release | null
  replacement?: ReleaseSummary | null
  authoritativeNote: string | null
  now: number
}

const queueNotice = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  notice: Notice,
): Promise<number> => {
  const { kind, release, now } = notice
  const { locale, number } = release
  const base = publicBaseUrl()
  const secret = resolvedPayloadSecret()
  const ahead = Date.parse(release.effectiveAt) > now
  const diff =
    kind !== 'withdrawn' && notice.base && 'content' in release
      ? diffReleases(notice.base, release)
      : null
  let queued = 0
  for (const subscriber of await subscribersOf(payload, req, locale, release.changeType)) {
    const content = noticeEmail({
      kind,
      to: subscriber.email,
      locale,
      timeZone: settings().timeZone,
      release,
      diff,
      replacement: notice.replacement ?? null,
      authoritativeNote: notice.authoritativeNote,
      links: {
        read: ahead ? upcomingUrl(base, locale, number) : releaseUrl(base, locale, number),
        object:
          release.changeType === 'material' && ahead && kind !== 'withdrawn'
            ? objectionUrl(base, secret, subscriber.id, locale, number)
            : null,
        unsubscribe: unsubscribeUrl(base, secret, subscriber.email, locale),
      },
    })
    try {
      const added = await queueMessage(payload, req, {
        key: `notice:${kind}:${locale}:${number}:${subscriber.id}`,
        channel: 'email',
        topic: `notice.${kind}`,
        recipient: subscriber.email,
        locale,
        releaseNumber: number,
        content,
      })
      if (added) queued += 1
    } catch (error) {
      // Another process queued the same notice a moment earlier (the key is unique): one is enough.
      if (!req && isUniqueViolation(error)) continue
      throw error
    }
  }
  return queued
}

const inEffectBefore = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  others: readonly StoredReleaseSummary[],
  now: number,
): Promise<Release | null> => {
  const current = releaseTimeline(others, now).current
  return current ? findRelease(payload, current.locale, current.number, req) : null
}

/**
 * Tells the subscribers of a release's language about it, in the publish's transaction: announced
 * material changes, other publishes to those who want them, and announced releases this one
 * overtakes (a rollback, a correction) as withdrawn, so nobody waits for a change that will not come.
 */
export const queueReleaseNotices = async (
  payload: Payload,
  req: PayloadRequest,
  release: Release,
  now = Date.now(),
): Promise<void> => {
  const all = await listReleaseSummaries(payload, release.locale, req)
  const others = all.filter((other) => other.number !== release.number)
  const announcedBefore = releaseTimeline(others, now).upcoming
  const after = releaseTimeline(all, now)
  const authoritativeNote = release.content.page.authoritativeLanguageNote
  for (const overtaken of announcedBefore.filter(
    (announced) => after.statusOf(announced) === 'superseded',
  )) {
    await queueNotice(payload, req, {
      kind: 'withdrawn',
      release: overtaken,
      base: null,
      replacement: release,
      authoritativeNote,
      now,
    })
  }
  const announced = release.changeType === 'material' && Date.parse(release.effectiveAt) > now
  await queueNotice(payload, req, {
    kind: announced ? 'announced' : 'published',
    release,
    base: await inEffectBefore(payload, req, others, now),
    authoritativeNote,
    now,
  })
}

/**
 * Reminders of material changes `reminderDays` before they take effect, for releases announced longer
 * ahead than that. Keyed by release and subscriber, so servers that scan at once queue each one once.
 */
export const queueDueReminders = async (
  payload: Payload,
  {
    locales,
    reminderDays,
    now = Date.now(),
  }: { locales: readonly string[]; reminderDays: number; now?: number },
): Promise<number> => {
  let queued = 0
  const window = reminderDays * DAY_MS
  for (const locale of locales) {
    const summaries = await listReleaseSummaries(payload, locale)
    const timeline = releaseTimeline(summaries, now)
    const due = timeline.upcoming.filter((release) => {
      const effectiveAt = Date.parse(release.effectiveAt)
      return (
        release.changeType === 'material' &&
        effectiveAt - Date.parse(release.publishedAt) > window &&
        now >= effectiveAt - window
      )
    })
    for (const summary of due) {
      const release = await findRelease(payload, locale, summary.number)
      if (!release) continue
      queued += await queueNotice(payload, undefined, {
        kind: 'reminder',
        release,
        base: await inEffectBefore(
          payload,
          undefined,
          summaries.filter((other) => other.number < release.number),
          now,
        ),
        authoritativeNote: release.content.page.authoritativeLanguageNote,
        now,
      })
    }
  }
  return queued
}
