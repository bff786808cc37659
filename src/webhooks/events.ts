export const WEBHOOK_EVENTS = ['release.published', 'release.effective'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]
