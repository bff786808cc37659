import { english, type Say } from '../i18n/adminText'

/** After `maxFailures` failed sign-ins in a row, one account is refused from one address for `lockSeconds`. */
export type LockoutRule = { maxFailures: number; lockSeconds: number }

export const DEFAULT_SIGN_IN_LOCKOUT: LockoutRule = { maxFailures: 5, lockSeconds: 10 * 60 }

type Entry = { failures: number; lastFailureAt: number; lockedUntil: number }

/**
 * Failed sign-ins per (account, client address). Keyed by both so that an attacker who guesses an
 * administrator's password from one address locks only that address out of that account: the owner,
 * signing in from anywhere else, still gets in. The per-address rate limit slows one address trying
 * many accounts. Accounts are named by the email as typed (normalized), whether or not one exists,
 * so an unknown email is treated exactly like a known one.
 */
export class SignInLockout {
  private readonly accounts = new Map<string, Map<string, Entry>>()
  private entries = 0

  constructor(
    readonly rule: LockoutRule = DEFAULT_SIGN_IN_LOCKOUT,
    private readonly now: () => number = Date.now,
    /** Beyond this many (account, address) pairs the oldest accounts are forgotten. */
    private readonly maxEntries = 100_000,
  ) {}

  private get lockMs(): number {
    return this.rule.lockSeconds * 1000
  }

  /** Seconds until `account` may be tried again from `address`; 0 when it may be tried now. */
  lockedFor(account: string, address: string): number {
    const entry = this.accounts.get(account)?.get(address)
    const left = entry ? entry.lockedUntil - this.now() : 0
    return left > 0 ? Math.ceil(left / 1000) : 0
  }

  /** Counts a failed sign-in; the one that reaches the limit starts the lock. */
  fail(account: string, address: string): void {
    const now = this.now()
    let entry = this.accounts.get(account)?.get(address)
    if (!entry) {
      if (this.entries >= this.maxEntries) this.makeRoom(now)
      entry = { failures: 0, lastFailureAt: now, lockedUntil: 0 }
      let addresses = this.accounts.get(account)
      if (!addresses) this.accounts.set(account, (addresses = new Map()))
      addresses.set(address, entry)
      this.entries += 1
    } else if (this.isStale(entry, now)) {
      // A run of failures ends when the last one is older than a lock: old mistakes do not add up.
      entry.failures = 0
      entry.lockedUntil = 0
    }
    entry.failures += 1
    entry.lastFailureAt = now
    if (entry.failures >= this.rule.maxFailures && entry.lockedUntil <= now)
      entry.lockedUntil = now + this.lockMs
  }

  /** A correct password from `address` clears that address's count for the account. */
  succeed(account: string, address: string): void {
    const addresses = this.accounts.get(account)
    if (!addresses?.delete(address)) return
    this.entries -= 1
    if (addresses.size === 0) this.accounts.delete(account)
  }

  /** An administrator's unlock: every address may try the account again. */
  unlock(account: string): void {
    const addresses = this.accounts.get(account)
    if (!addresses) return
    this.entries -= addresses.size
    this.accounts.delete(account)
  }

  /** The number of (account, address) pairs remembered (for tests of the bound). */
  get trackedPairs(): number {
    return this.entries
  }

  private isStale(entry: Entry, now: number): boolean {
    return entry.lockedUntil <= now && now - entry.lastFailureAt >= this.lockMs
  }

  private makeRoom(now: number): void {
    for (const [account, addresses] of this.accounts) {
      for (const [address, entry] of addresses) {
        if (this.isStale(entry, now)) {
          addresses.delete(address)
          this.entries -= 1
        }
      }
      if (addresses.size === 0) this.accounts.delete(account)
    }
    // Still full: forget the accounts tried longest ago (Map keeps insertion order).
    for (const [account, addresses] of this.accounts) {
      if (this.entries < this.maxEntries) break
      this.entries -= addresses.size
      this.accounts.delete(account)
    }
  }
}

/** The refusal while locked: the same for every email, known or not, so it tells nothing about accounts. */
export const lockedOutMessage = (
  rule: LockoutRule,
  retryAfterSeconds: number,
  say: Say = english,
): string =>
  say('kaijiAdmin:messages:users:lockedOut', { max: rule.maxFailures, seconds: retryAfterSeconds })
