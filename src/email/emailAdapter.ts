import type { PayloadEmailAdapter } from 'payload'

import { createMailTransport, type MailTransport, type MailTransportOptions } from './mailTransport'

/** Splits `Name <address>` into Payload's default name and address. */
export const parseFromHeader = (from: string): { name: string; address: string } => {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from)
  return match
    ? { name: match[1] ?? '', address: match[2] ?? '' }
    : { name: '', address: from.trim() }
}

/**
 * Payload's email adapter over nodemailer: SMTP when KAIJI_SMTP_URL is set, else .eml files under
 * data/outbox. Written here rather than installed because @payloadcms/email-nodemailer has no release
 * for the Payload version Kaiji pins (ARCHITECTURE.md), and the adapter is this small.
 */
export const kaijiEmailAdapter =
  (options: MailTransportOptions & { from: string }): PayloadEmailAdapter<{ messageId: string }> =>
  () => {
    const transport: MailTransport = createMailTransport(options)
    const { name, address } = parseFromHeader(options.from)
    return {
      name: transport.kind === 'smtp' ? 'kaiji-smtp' : 'kaiji-eml-files',
      defaultFromAddress: address,
      defaultFromName: name,
      sendEmail: async (message) =>
        transport.send({ from: options.from, ...message } as Parameters<MailTransport['send']>[0]),
    }
  }
