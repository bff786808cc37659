import type { EmailContent } from '../outbox/types'
import { htmlBody, paragraph, textBody } from './emailParts'
import { unsubscribeHeaders } from './links'
import { subscriptionStrings } from './strings'
import { CONFIRMATION_VALID_MS, type SubscriptionScope } from './subscriptionTerms'

export type ConfirmationEmailInput = {
  to: string
  locale: string
  scope: SubscriptionScope
  confirmUrl: string
  unsubscribeUrl: string
}

/** The double opt-in message: what was asked, the single-use link, and that ignoring it is enough. */
export const confirmationEmail = ({
  to,
  locale,
  scope,
  confirmUrl,
  unsubscribeUrl,
}: ConfirmationEmailInput): EmailContent => {
  const strings = subscriptionStrings(locale)
  const page = strings.pageName
  const subject = paragraph(strings.confirm.subject, { page }).text
  const paragraphs = [
    paragraph(strings.confirm.body, { page, scope: strings.scopes[scope] }),
    paragraph(strings.confirm.action, {}, confirmUrl),
    paragraph(strings.confirm.expires, { hours: CONFIRMATION_VALID_MS / 3_600_000 }),
    paragraph(strings.confirm.ignore),
    paragraph(strings.unsubscribeLine, {}, unsubscribeUrl),
  ]
  return {
    to,
    subject,
    text: textBody(paragraphs.map((part) => part.text)),
    html: htmlBody(
      locale,
      subject,
      paragraphs.map((part) => `<p>${part.html}</p>`),
    ),
    headers: unsubscribeHeaders(unsubscribeUrl),
  }
}
