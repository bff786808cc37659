export const OUTBOX_CHANNELS = ['email', 'webhook'] as const
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number]

/** `sending`: claimed by a worker; if that worker dies, the claim lapses and another attempt is made. */
export const OUTBOX_STATUSES = [
  'pending',
  'sending',
  'retrying',
  'delivered',
  'failed',
  'refused',
] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** What an attempt came to; `unknown` is an attempt whose worker stopped before it could say. */
export const ATTEMPT_OUTCOMES = ['unknown', 'delivered', 'failed', 'refused'] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

export type EmailContent = {
  to: string
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
}

export type WebhookContent = { event: string; body: string }

export type DeliveryResult = {
  outcome: Exclude<AttemptOutcome, 'unknown'>
  /** HTTP status, or the SMTP server's reply. */
  response?: string | null
  error?: string | null
}
