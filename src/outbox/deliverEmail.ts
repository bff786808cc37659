import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import type { OutboxMessage } from '../payload-types'
import type { DeliveryResult, EmailContent } from './types'

const isEmailContent = (content: unknown): content is EmailContent => {
  if (typeof content !== 'object' || content === null) return false
  const { to, subject, text, html } = content as Record<string, unknown>
  return [to, subject, text, html].every((part) => typeof part === 'string')
}

/** The same for every attempt of one delivery, so a receiver can tell a resend from a new message. */
export const messageIdFor = (key: string, fromAddress: string): string =>
  `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${fromAddress.split('@')[1] ?? 'kaiji.invalid'}>`

const smtpCode = (error: unknown): number | null => {
  const code = (error as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' ? code : null
}

/** The outbox's email channel, through Payload's email adapter (SMTP, or .eml files without it). */
export const emailSender =
  (payload: Payload) =>
  async (message: OutboxMessage): Promise<DeliveryResult> => {
    if (!isEmailContent(message.content))
      return { outcome: 'refused', error: 'Refused, not sent: the stored message is not an email.' }
    const { to, subject, text, html, headers } = message.content
    try {
      const sent = (await payload.sendEmail({
        to,
        subject,
        text,
        html,
        headers: headers ?? {},
        messageId: messageIdFor(message.key, payload.email.defaultFromAddress),
      })) as { response?: unknown }
      return { outcome: 'delivered', response: String(sent?.response ?? '') }
    } catch (error) {
      const code = smtpCode(error)
      const description = error instanceof Error ? error.message : String(error)
      // 5xx is the server's final word on this message; trying again would get the same answer.
      if (code !== null && code >= 500)
        return {
          outcome: 'refused',
          response: String(code),
          error: `The mail server refused it: ${description}`,
        }
      return {
        outcome: 'failed',
        response: code === null ? null : String(code),
        error: description,
      }
    }
  }
