import type { Say } from '@/i18n/adminText'
import { escapeHtml } from '@/utilities/markupEscape'

export type WorkflowNotice = {
  kind: 'submitted' | 'changesRequested'
  /** Who acted: the author who submitted, or the reviewer who asked for changes. */
  actor: string
  document: string
  language: string
  note: string | null
  /** The document in the admin, in that locale. */
  url: string
  /** The recipient's account page, where the emails are turned off. */
  accountUrl: string
  role: string
}

/** The email a reviewer or an author gets, in the recipient's language, as text and as HTML. */
export const workflowNoticeEmail = (say: Say, notice: WorkflowNotice) => {
  const key = `kaijiAdmin:notifications:${notice.kind}` as const
  const names = {
    document: notice.document,
    language: notice.language,
    author: notice.actor,
    reviewer: notice.actor,
  }
  const subject = say(`${key}:subject`, names)
  const intro = say(`${key}:intro`, names)
  const note = notice.note
    ? `${say('kaijiAdmin:notifications:note')}\n${notice.note}`
    : say('kaijiAdmin:notifications:noNote')
  const why = say('kaijiAdmin:notifications:why', {
    role: notice.role,
    account: notice.accountUrl,
  })
  const text = [
    intro,
    '',
    note,
    '',
    say('kaijiAdmin:notifications:open', { url: notice.url }),
    '',
    '-- ',
    why,
    '',
  ].join('\n')
  const paragraph = (content: string) => `<p>${escapeHtml(content).replace(/\n/g, '<br>')}</p>`
  const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
${paragraph(intro)}
${notice.note ? `<p><strong>${escapeHtml(say('kaijiAdmin:notifications:note'))}</strong></p>\n<blockquote>${escapeHtml(notice.note).replace(/\n/g, '<br>')}</blockquote>` : paragraph(say('kaijiAdmin:notifications:noNote'))}
<p><a href="${escapeHtml(notice.url)}">${escapeHtml(say('kaijiAdmin:notifications:openLink'))}</a></p>
<hr>
${paragraph(why)}
</body></html>
`
  return { subject, text, html }
}
