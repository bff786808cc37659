export type RetryPolicy = { retryBaseMs: number; maxAttempts: number }

/** After failed attempt `attempt` (1-based): when to try again, or null to give up. Wait k is base × 2^(k-1). */
export const nextRetryAt = (
  attempt: number,
  { retryBaseMs, maxAttempts }: RetryPolicy,
  now: number,
): Date | null => (attempt >= maxAttempts ? null : new Date(now + retryBaseMs * 2 ** (attempt - 1)))

/** How long a claim holds: past every timeout of one attempt, so a live worker never loses its claim. */
export const claimLeaseMs = (timeoutMs: number): number => 2 * timeoutMs + 5_000
