import type { Payload, PayloadRequest } from 'payload'

import type { EmailContent, OutboxChannel, WebhookContent } from './types'

const system = { overrideAccess: true, depth: 0 } as const

export type OutgoingMessage = {
  /** Names the delivery: the same cause and recipient give the same key, so queuing twice sends once. */
  key: string
  topic: string
  recipient: string
  locale?: string | null
  releaseNumber?: number | null
  /** Not sent before this moment (a reminder before an effective date). */
  notBefore?: Date
} & (
  | { channel: Extract<OutboxChannel, 'email'>; content: EmailContent; endpoint?: never }
  | { channel: Extract<OutboxChannel, 'webhook'>; content: WebhookContent; endpoint: number }
)

/**
 * Queues a delivery inside `req`'s transaction: it is sent only if that transaction commits, and then
 * surely, whatever happens to this process. A key already queued is left as it is (false).
 */
export const queueMessage = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  message: OutgoingMessage,
): Promise<boolean> => {
  const { totalDocs } = await payload.count({
    collection: 'outbox-messages',
    where: { key: { equals: message.key } },
    ...(req ? { req } : {}),
    ...system,
  })
  if (totalDocs > 0) return false
  await payload.create({
    collection: 'outbox-messages',
    data: {
      key: message.key,
      channel: message.channel,
      topic: message.topic,
      recipient: message.recipient,
      endpoint: message.endpoint ?? null,
      locale: message.locale ?? null,
      releaseNumber: message.releaseNumber ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: (message.notBefore ?? new Date()).toISOString(),
      content: message.content,
    },
    ...(req ? { req } : {}),
    ...system,
  })
  return true
}
