/** How many requests one client may make in a window; null turns the limit off. */
export type RateLimitRule = { limit: number; windowSeconds: number }

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

type Window = { startedAt: number; count: number }

/**
 * A fixed-window counter per client: cheap enough for the public hot path (one Map lookup) and
 * bounded in memory (windows that have ended are swept when a new window begins).
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>()
  private lastSweep: number

  constructor(
    readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now()
  }

  private get windowMs(): number {
    return this.rule.windowSeconds * 1000
  }

  /** Counts one request from `client` and says whether it may proceed. */
  take(client: string): RateLimitDecision {
    const now = this.now()
    if (now - this.lastSweep >= this.windowMs) this.sweep(now)
    let window = this.windows.get(client)
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 }
      this.windows.set(client, window)
    }
    window.count += 1
    if (window.count <= this.rule.limit) return { allowed: true }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
    }
  }

  /** The number of clients currently tracked (for tests of the sweep). */
  get trackedClients(): number {
    return this.windows.size
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(client)
    }
    this.lastSweep = now
  }
}

/** The message of a 429, naming the limit and when to retry. */
export const tooManyRequestsMessage = (
  what: string,
  rule: RateLimitRule,
  retryAfterSeconds: number,
): string =>
  `Too many ${what} from this address: at most ${rule.limit} per ${rule.windowSeconds} s. Try again in ${retryAfterSeconds} s.`
