import { pbkdf2Sync } from 'node:crypto'

import { CURRENT_HASH, CURRENT_HASH_PREFIX, LEGACY_HASH, verifyPassword } from '@/auth/passwordHash'
import { DEFAULT_SIGN_IN_LOCKOUT, lockedOutMessage, SignInLockout } from '@/security/signInLockout'

const clockAt = (start: number) => {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('SignInLockout: per account and client address', () => {
  it('locks one address out of one account after five failures in a row; other addresses and accounts are untouched', () => {
    const clock = clockAt(1_000_000)
    const lockout = new SignInLockout(DEFAULT_SIGN_IN_LOCKOUT, clock.now)
    for (let i = 0; i < 4; i++) lockout.fail('admin@x', '203.0.113.5')
    expect(lockout.lockedFor('admin@x', '203.0.113.5')).toBe(0)
    lockout.fail('admin@x', '203.0.113.5')
    expect(lockout.lockedFor('admin@x', '203.0.113.5')).toBe(600)
    // The owner, elsewhere, and the attacker's other targets:
    expect(lockout.lockedFor('admin@x', '198.51.100.7')).toBe(0)
    expect(lockout.lockedFor('editor@x', '203.0.113.5')).toBe(0)
    clock.advance(599_500)
    expect(lockout.lockedFor('admin@x', '203.0.113.5')).toBe(1)
    clock.advance(500)
    expect(lockout.lockedFor('admin@x', '203.0.113.5')).toBe(0)
    // After the lock, a fresh run of five.
    for (let i = 0; i < 4; i++) lockout.fail('admin@x', '203.0.113.5')
    expect(lockout.lockedFor('admin@x', '203.0.113.5')).toBe(0)
  })

  it('a success clears the count; failures older than a lock do not add up', () => {
    const clock = clockAt(0)
    const lockout = new SignInLockout({ maxFailures: 3, lockSeconds: 60 }, clock.now)
    lockout.fail('a', 'ip')
    lockout.fail('a', 'ip')
    lockout.succeed('a', 'ip')
    lockout.fail('a', 'ip')
    lockout.fail('a', 'ip')
    expect(lockout.lockedFor('a', 'ip')).toBe(0)
    clock.advance(60_000)
    lockout.fail('a', 'ip')
    expect(lockout.lockedFor('a', 'ip')).toBe(0)
    lockout.fail('a', 'ip')
    lockout.fail('a', 'ip')
    expect(lockout.lockedFor('a', 'ip')).toBe(60)
  })

  it("an administrator's unlock frees the account from every address, and only that account", () => {
    const lockout = new SignInLockout({ maxFailures: 1, lockSeconds: 60 })
    for (const address of ['1', '2', '3']) lockout.fail('victim', address)
    lockout.fail('other', '1')
    lockout.unlock('victim')
    expect(['1', '2', '3'].map((address) => lockout.lockedFor('victim', address))).toEqual([
      0, 0, 0,
    ])
    expect(lockout.lockedFor('other', '1')).toBe(60)
    expect(lockout.trackedPairs).toBe(1)
  })

  it('stays bounded: stale pairs go first, then the accounts tried longest ago', () => {
    const clock = clockAt(0)
    const lockout = new SignInLockout({ maxFailures: 2, lockSeconds: 10 }, clock.now, 100)
    for (let i = 0; i < 100; i++) lockout.fail(`old-${i}`, 'ip')
    expect(lockout.trackedPairs).toBe(100)
    clock.advance(10_000)
    lockout.fail('new', 'ip')
    expect(lockout.trackedPairs).toBe(1)
    for (let i = 0; i < 99; i++) lockout.fail(`fresh-${i}`, 'ip')
    lockout.fail('fresh-0', 'ip')
    expect(lockout.lockedFor('fresh-0', 'ip')).toBe(10)
    lockout.fail('newest', 'ip')
    expect(lockout.trackedPairs).toBe(100)
    expect(lockout.lockedFor('newest', 'ip')).toBe(0)
  })

  it('says the same thing for every email, with when to retry', () => {
    expect(lockedOutMessage(DEFAULT_SIGN_IN_LOCKOUT, 42)).toBe(
      'Too many failed sign-ins for this email from this address: 5 in a row. Try again in 42 s, or ask an administrator to unlock the account.',
    )
  })
})

describe('verifyPassword: Payload’s hashes', () => {
  const salt = 'ab'.repeat(32)
  const current = `${CURRENT_HASH_PREFIX}${pbkdf2Sync('Right-Passw0rd!', salt, CURRENT_HASH.iterations, CURRENT_HASH.keyLength, 'sha256').toString('hex')}`
  const legacy = pbkdf2Sync(
    'Right-Passw0rd!',
    salt,
    LEGACY_HASH.iterations,
    LEGACY_HASH.keyLength,
    'sha256',
  ).toString('hex')

  it('accepts the right password and refuses a wrong one, for current and legacy hashes', async () => {
    expect(await verifyPassword('Right-Passw0rd!', { hash: current, salt })).toBe(true)
    expect(await verifyPassword('Wrong-Passw0rd!', { hash: current, salt })).toBe(false)
    expect(await verifyPassword('Right-Passw0rd!', { hash: legacy, salt })).toBe(true)
    expect(await verifyPassword('Wrong-Passw0rd!', { hash: legacy, salt })).toBe(false)
  })

  it('never accepts an account without a hash, or no account, whatever the password', async () => {
    for (const stored of [null, {}, { hash: '', salt }, { hash: current }, { hash: 42, salt }]) {
      expect(await verifyPassword('Right-Passw0rd!', stored)).toBe(false)
    }
  })
})
