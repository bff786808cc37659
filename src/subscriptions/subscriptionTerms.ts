export const SUBSCRIPTION_SCOPES = ['material', 'all'] as const
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number]

export const isSubscriptionScope = (value: unknown): value is SubscriptionScope =>
  SUBSCRIPTION_SCOPES.includes(value as SubscriptionScope)

/**
 * The version of the consent text the subscribe form shows (its wording in src/subscriptions/strings.ts);
 * stored with each subscriber so their consent can be shown later. Change it whenever that text changes.
 */
export const CONSENT_VERSION = '2025-06-01'

/** How long a confirmation link works, and how long an unconfirmed request is kept at most. */
export const CONFIRMATION_VALID_MS = 48 * 3_600_000
export const UNCONFIRMED_KEPT_MS = 7 * 86_400_000

export const MAX_EMAIL_LENGTH = 254
