/**
 * How the workflow names a person, and how a stored name is shown to each reader. The trail, the
 * workflow rows and releases store one label per actor, `Name <email> (role #id)`, written once and
 * never rewritten (audit events are hash-chained). Only administrators see the email; everyone else
 * sees the display name, or the role and id when a user has no name: never the email or a part of it.
 */

export type Actor = { id: number | string; name?: string | null; email: string; role: string }

/** Who reads: only an administrator sees colleagues' email addresses. */
export type Reader = { role?: string | null } | null | undefined

export const seesEmails = (reader: Reader): boolean => reader?.role === 'admin'

/** The stored label; `system` for unattended writes. */
export const describeActor = (user: Actor | null | undefined): string =>
  user ? `${user.name ? `${user.name} ` : ''}<${user.email}> (${user.role} #${user.id})` : 'system'

export type ParsedLabel = { name: string | null; email: string; role: string; id: string | null }

// Greedy name: an email never contains `<` or `>`, so the last `<…>` before the role is the email.
// Labels written before ids were added end in `(role)`.
const LABEL = /^(?:([\s\S]*) )?<([^<>\s]*)> \(([a-z][a-z-]*)(?: #([^()\s]+))?\)$/

export const parseActorLabel = (label: string): ParsedLabel | null => {
  const match = LABEL.exec(label)
  if (!match) return null
  const [, name, email = '', role = '', id] = match
  return { name: name?.trim() || null, email, role, id: id ?? null }
}

const EMAIL_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g
const HIDDEN = '[email hidden]'

const looksLikeEmail = (text: string): boolean => text.includes('@')

/** A label as `reader` may see it. Labels that are not a person's (`system`, an import) pass unchanged. */
export const actorLabelFor = (label: string, reader: Reader): string => {
  if (seesEmails(reader)) return label
  const parsed = parseActorLabel(label)
  if (!parsed) return label.replace(EMAIL_LIKE, HIDDEN)
  // A name that holds an address would leak it: such a user is shown as if unnamed.
  if (parsed.name && !looksLikeEmail(parsed.name)) return `${parsed.name} (${parsed.role})`
  return parsed.id ? `${parsed.role} #${parsed.id}` : `${parsed.role} (unnamed)`
}

/** For a nullable stored label (a field that may be empty). */
export const optionalActorLabelFor = <T>(value: T, reader: Reader): T | string =>
  typeof value === 'string' ? actorLabelFor(value, reader) : value

/** A list of labels (a release's approvers); anything else is returned as it is. */
export const actorLabelsFor = (value: unknown, reader: Reader): unknown =>
  Array.isArray(value) ? value.map((label) => optionalActorLabelFor(label, reader)) : value

/** An object whose `key` holds a label, with that label as the reader may see it. */
const withLabelAt = (value: unknown, key: string, reader: Reader): unknown => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  const record = value as Record<string, unknown>
  const label = record[key]
  return typeof label === 'string' ? { ...record, [key]: actorLabelFor(label, reader) } : value
}

/** A workflow row's last action (`{ action, by, at, … }`) with `by` as the reader may see it. */
export const lastActionFor = (value: unknown, reader: Reader): unknown =>
  withLabelAt(value, 'by', reader)

/** A release's sources (`[{ subject, contentHash, approvedBy }]`) with each approver as the reader may see them. */
export const releaseSourcesFor = (value: unknown, reader: Reader): unknown =>
  Array.isArray(value) ? value.map((source) => withLabelAt(source, 'approvedBy', reader)) : value
