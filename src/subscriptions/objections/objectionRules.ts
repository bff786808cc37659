import { releaseTimeline, type Scheduled } from '@/releases/timeline'

/** How a reviewer closes an objection: the change was revised for it, went ahead regardless, the objector withdrew, or it was settled another way. */
export const OBJECTION_OUTCOMES = ['upheld', 'rejected', 'withdrawn', 'addressed'] as const
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number]
export const OBJECTION_STATUSES = ['open', 'closed'] as const

export const MAX_REASON_CHARS = 4_000
export const MAX_ORGANISATION_CHARS = 200
export const MAX_EMAIL_CHARS = 254
export const MAX_NOTE_CHARS = 4_000
/** Far above what the form's three fields may hold once URL-encoded (up to 9 bytes per character). */
export const MAX_FORM_BYTES = 64 * 1024

export const FORM_FIELDS = ['token', 'reason', 'organisation', 'email'] as const

export type ObjectionForm = {
  token: string
  reason: string
  organisation: string | null
  email: string | null
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/

/** Line endings made one, and the ends trimmed: what a reviewer reads is what was typed. */
const cleanText = (value: string): string => value.replace(/\r\n?/g, '\n').trim()

const tooLong = (label: string, max: number, length: number) =>
  `The ${label} is too long: at most ${max} characters (it has ${length}).`

/** The objection form's fields from a URL-encoded body, or the first problem with them, named. */
export const parseObjectionForm = (body: string): Checked<ObjectionForm> => {
  const fields = new URLSearchParams(body)
  const names = [...new Set(fields.keys())]
  const unknown = names.filter((name) => !(FORM_FIELDS as readonly string[]).includes(name))
  if (unknown.length)
    return {
      ok: false,
      problem: `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => JSON.stringify(name)).join(', ')}; send only ${FORM_FIELDS.join(', ')}.`,
    }
  const repeated = names.filter((name) => fields.getAll(name).length > 1)
  if (repeated.length) return { ok: false, problem: `The field "${repeated[0]}" is sent twice.` }
  const token = fields.get('token') ?? ''
  if (!token) return { ok: false, problem: 'The link token is missing.' }
  const reason = cleanText(fields.get('reason') ?? '')
  if (!reason) return { ok: false, problem: 'The reason is required: say why you object.' }
  if ([...reason].length > MAX_REASON_CHARS)
    return { ok: false, problem: tooLong('reason', MAX_REASON_CHARS, [...reason].length) }
  const organisation = cleanText(fields.get('organisation') ?? '')
  if ([...organisation].length > MAX_ORGANISATION_CHARS)
    return {
      ok: false,
      problem: tooLong('organisation', MAX_ORGANISATION_CHARS, [...organisation].length),
    }
  if (/[\n]/.test(organisation))
    return { ok: false, problem: 'The organisation must fit on one line.' }
  const email = (fields.get('email') ?? '').trim()
  if (email.length > MAX_EMAIL_CHARS)
    return { ok: false, problem: tooLong('email address', MAX_EMAIL_CHARS, email.length) }
  if (email && !EMAIL.test(email))
    return { ok: false, problem: `"${email}" is not an email address.` }
  return {
    ok: true,
    value: { token, reason, organisation: organisation || null, email: email || null },
  }
}

export type ObjectionClaim = { subscriberId: string; locale: string; number: number }

/** The subscriber a verified token's fields name, provided it was made for this locale and release. */
export const claimFromToken = (
  fields: Record<string, unknown> | null,
  route: { locale: string; number: number },
): ObjectionClaim | null => {
  if (!fields) return null
  const { s, l, n } = fields
  const subscriberId = typeof s === 'number' || typeof s === 'string' ? String(s) : ''
  if (!subscriberId || subscriberId.length > 100) return null
  if (l !== route.locale || Number(n) !== route.number) return null
  return { subscriberId, locale: route.locale, number: route.number }
}

export type ReleaseFacts = Scheduled & { changeType: string }

/** Whether a release takes objections now: only a material change, announced, still ahead, and not overtaken by a later release. */
export type ObjectionWindow =
  | { state: 'open'; effectiveAt: string }
  | { state: 'closed'; effectiveAt: string }
  | { state: 'not-material' }
  | { state: 'superseded' }
  | { state: 'not-announced' }

export const objectionWindow = (
  releases: readonly ReleaseFacts[],
  number: number,
  now: number,
): ObjectionWindow => {
  const release = releases.find((candidate) => candidate.number === number)
  if (!release) return { state: 'not-announced' }
  if (release.changeType !== 'material') return { state: 'not-material' }
  const status = releaseTimeline(releases, now).statusOf(release)
  if (status === 'superseded') return { state: 'superseded' }
  if (status === 'upcoming') return { state: 'open', effectiveAt: release.effectiveAt }
  return { state: 'closed', effectiveAt: release.effectiveAt }
}

/** The one objection a subscriber may make per release, as a unique key. */
export const objectionKey = (claim: ObjectionClaim): string =>
  `${claim.locale}:${claim.number}:${claim.subscriberId}`

export type CloseRequest = { outcome: ObjectionOutcome; note: string | null }

/** The body of POST /api/objections/:id/close, or the problem with it. */
export const parseCloseRequest = (body: Record<string, unknown> | null): Checked<CloseRequest> => {
  if (!body) return { ok: false, problem: 'Send a JSON object: { "outcome": …, "note": … }.' }
  const unknown = Object.keys(body).filter((key) => key !== 'outcome' && key !== 'note')
  if (unknown.length)
    return {
      ok: false,
      problem: `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}; send only outcome, note.`,
    }
  const { outcome, note } = body
  if (!(OBJECTION_OUTCOMES as readonly unknown[]).includes(outcome))
    return {
      ok: false,
      problem: `The outcome must be one of ${OBJECTION_OUTCOMES.join(', ')}.`,
    }
  if (note !== undefined && note !== null && typeof note !== 'string')
    return { ok: false, problem: 'The note must be text.' }
  const text = typeof note === 'string' ? cleanText(note) : ''
  if ([...text].length > MAX_NOTE_CHARS)
    return { ok: false, problem: tooLong('note', MAX_NOTE_CHARS, [...text].length) }
  if (!text && outcome !== 'withdrawn')
    return { ok: false, problem: 'A note is required: record why the objection was closed so.' }
  return { ok: true, value: { outcome: outcome as ObjectionOutcome, note: text || null } }
}
