import type { Payload } from 'payload'

import type { DeliveryResult } from '../outbox/types'
import type { OutboxMessage } from '../payload-types'
import { postToCheckedAddresses, systemLookup } from './sendWebhook'
import { webhookSignatureHeaders } from './signature'
import { checkWebhookUrl } from './targetAddress'

export type WebhookSenderOptions = { timeoutMs: number; allowPrivate: boolean }

const isWebhookContent = (content: unknown): content is { event: string; body: string } =>
  typeof content === 'object' &&
  content !== null &&
  typeof (content as { event?: unknown }).event === 'string' &&
  typeof (content as { body?: unknown }).body === 'string'

/** The outbox's webhook channel: one signed POST to the endpoint as it is now. */
export const webhookSender =
  (payload: Payload, options: WebhookSenderOptions) =>
  async (message: OutboxMessage): Promise<DeliveryResult> => {
    const endpointId =
      typeof message.endpoint === 'object' ? message.endpoint?.id : message.endpoint
    const endpoint = endpointId
      ? await payload
          .findByID({
            collection: 'webhook-endpoints',
            id: endpointId,
            depth: 0,
            overrideAccess: true,
          })
          .catch(() => null)
      : null
    if (!endpoint)
      return { outcome: 'refused', error: 'Refused, not sent: the endpoint was removed.' }
    if (endpoint.active === false)
      return { outcome: 'refused', error: 'Refused, not sent: the endpoint is turned off.' }
    if (!isWebhookContent(message.content))
      return {
        outcome: 'refused',
        error: 'Refused, not sent: the stored body is not a webhook body.',
      }
    // Checked at each attempt: what the name resolves to may have changed since it was saved.
    const target = await checkWebhookUrl(endpoint.url, {
      allowPrivate: options.allowPrivate,
      lookup: systemLookup,
    })
    if (!target.ok && target.refused)
      return { outcome: 'refused', error: `Refused, not sent: ${target.problem}` }
    if (!target.ok) return { outcome: 'failed', error: target.problem }
    const { event, body } = message.content
    const status = await postToCheckedAddresses(new URL(endpoint.url), target.addresses, {
      timeoutMs: options.timeoutMs,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Kaiji-Webhooks/1',
        'X-Kaiji-Event': event,
        'X-Kaiji-Delivery': String(message.id),
        ...webhookSignatureHeaders(endpoint.secret, { id: message.key, body, now: Date.now() }),
      },
      body,
    })
    return status >= 200 && status <= 299
      ? { outcome: 'delivered', response: `HTTP ${status}` }
      : { outcome: 'failed', response: `HTTP ${status}`, error: `HTTP ${status}` }
  }
