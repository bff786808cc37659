import type { PayloadRequest } from 'payload'

import { findUserPreference } from '@/auth/userPreference'
import { adminBaseUrl } from '@/config/publicAddress'
import type { LocaleCode } from '@/config/locales'
import { localeName, sayIn } from '@/i18n/adminText'
import { ADMIN_LANGUAGES, type AdminLanguage } from '@/i18n/adminTranslations'
import { ADMIN_LANGUAGE_PREFERENCE } from '@/i18n/languageChoice'
import { queueMessage } from '@/outbox/queue'
import type { User } from '@/payload-types'
import { describeActor } from '@/audit/actorLabel'
import { subjectName } from '@/audit/recordDisplay'
import { workflowNoticeEmail, type WorkflowNotice } from './notificationEmail'
import { subjectKey, type EndpointAction, type WorkflowSubject } from './types'

const system = { overrideAccess: true, depth: 0 } as const

/** The admin language the recipient chose (kept in their preferences), else English, the admin's fallback. */
const languageOf = async (req: PayloadRequest, user: User): Promise<AdminLanguage> => {
  const saved = await findUserPreference(req, user.id, ADMIN_LANGUAGE_PREFERENCE)
  const value = saved?.value
  return ADMIN_LANGUAGES.find((language) => language === value) ?? 'en'
}

const documentUrl = (subject: WorkflowSubject, locale: LocaleCode): string =>
  subject.kind === 'collection'
    ? `${adminBaseUrl()}/admin/collections/${subject.slug}/${subject.id}?locale=${locale}`
    : `${adminBaseUrl()}/admin/globals/${subject.slug}?locale=${locale}`

/** Reviewers when a document is submitted; the one who submitted it when changes are requested. */
const recipientsFor = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
  locale: LocaleCode,
  action: 'submit' | 'request-changes',
  actor: User,
): Promise<User[]> => {
  if (action === 'submit') {
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { role: { equals: 'legal-reviewer' } },
      limit: 0,
      pagination: false,
      req,
      ...system,
    })
    return docs.filter((user) => user.id !== actor.id)
  }
  const { docs: submissions } = await req.payload.find({
    collection: 'audit-events',
    where: {
      and: [
        { subject: { equals: subjectKey(subject) } },
        { locale: { equals: locale } },
        { action: { equals: 'submit' } },
      ],
    },
    sort: '-id',
    limit: 1,
    req,
    ...system,
  })
  const authorId = Number(submissions[0]?.actorId)
  if (!Number.isInteger(authorId) || authorId === actor.id) return []
  const author = await req.payload
    .findByID({ collection: 'users', id: authorId, req, ...system })
    .catch(() => null)
  return author ? [author] : []
}

/**
 * Queues the emails a workflow action owes, in the action's transaction: a submission tells the
 * reviewers, a request for changes tells whoever submitted. Users who turned them off get none.
 */
export const queueWorkflowNotifications = async (
  req: PayloadRequest,
  {
    actor,
    subject,
    locale,
    action,
    note,
    at,
  }: {
    actor: User
    subject: WorkflowSubject
    locale: LocaleCode
    action: EndpointAction
    note: string | null
    /** When the action was taken: the same document may be submitted many times, each a new email. */
    at: string
  },
): Promise<void> => {
  if (action !== 'submit' && action !== 'request-changes') return
  const recipients = (await recipientsFor(req, subject, locale, action, actor)).filter(
    (user) => user.notifyByEmail !== false,
  )
  for (const recipient of recipients) {
    const say = sayIn(await languageOf(req, recipient))
    const notice: WorkflowNotice = {
      kind: action === 'submit' ? 'submitted' : 'changesRequested',
      actor: describeActor(actor),
      document: await subjectName(req, say, subjectKey(subject)),
      language: localeName(say, locale),
      note,
      url: documentUrl(subject, locale),
      accountUrl: `${adminBaseUrl()}/admin/account`,
      role: say(`kaijiAdmin:records:role:${recipient.role}`),
    }
    const email = workflowNoticeEmail(say, notice)
    await queueMessage(req.payload, req, {
      key: `workflow:${action}:${subjectKey(subject)}:${locale}:${at}:user-${recipient.id}`,
      channel: 'email',
      topic: `workflow.${action}`,
      recipient: recipient.email,
      locale,
      content: { to: recipient.email, ...email },
    })
  }
}
