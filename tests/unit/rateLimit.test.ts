import {
  DEFAULT_LOGIN_RATE_LIMIT,
  parseAllowedOrigins,
  parseRateLimit,
  parseSettings,
  secureCookies,
  trustedProxyHops,
} from '@/config/settings'
import { clientAddressOf } from '@/security/clientAddress'
import { RateLimiter, tooManyRequestsMessage } from '@/security/rateLimit'
import { serverOrigins } from '@/security/allowedOrigins'

describe('RateLimiter', () => {
  const clockAt = (start: number) => {
    let now = start
    return { now: () => now, advance: (ms: number) => (now += ms) }
  }

  it('allows the limit per window and client, then refuses with the seconds left', () => {
    const clock = clockAt(1_000_000)
    const limiter = new RateLimiter({ limit: 3, windowSeconds: 60 }, clock.now)
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true])
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 })
    expect(limiter.take('b').allowed).toBe(true)
    clock.advance(45_500)
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 15 })
    clock.advance(14_500)
    expect(limiter.take('a').allowed).toBe(true)
  })

  it('forgets clients whose window ended, so memory stays bounded', () => {
    const clock = clockAt(0)
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 1 }, clock.now)
    for (let client = 0; client < 1000; client++)
      limiter.take(`10.0.${client >> 8}.${client & 255}`)
    expect(limiter.trackedClients).toBe(1000)
    clock.advance(1_000)
    limiter.take('one more')
    expect(limiter.trackedClients).toBe(1)
  })

  it('names the limit in its message', () => {
    expect(tooManyRequestsMessage('sign-in attempts', { limit: 10, windowSeconds: 60 }, 42)).toBe(
      'Too many sign-in attempts from this address: at most 10 per 60 s. Try again in 42 s.',
    )
  })
})

describe('rate limit settings', () => {
  it('reads LIMIT/SECONDS, "off" and the default', () => {
    expect(parseRateLimit('X', '5/30', DEFAULT_LOGIN_RATE_LIMIT)).toEqual({
      limit: 5,
      windowSeconds: 30,
    })
    expect(parseRateLimit('X', ' OFF ', DEFAULT_LOGIN_RATE_LIMIT)).toBeNull()
    expect(parseRateLimit('X', undefined, DEFAULT_LOGIN_RATE_LIMIT)).toBe(DEFAULT_LOGIN_RATE_LIMIT)
  })

  it.each(['10', '0/60', '10/0', 'ten/60', '-1/60', '1.5/60'])('refuses %p by name', (raw) => {
    expect(() => parseRateLimit('KAIJI_RATE_LIMIT_LOGIN', raw, DEFAULT_LOGIN_RATE_LIMIT)).toThrow(
      /KAIJI_RATE_LIMIT_LOGIN ".*" is not a rate limit/,
    )
  })
})

describe('client address', () => {
  it('is the socket address unless proxies are trusted', () => {
    expect(clientAddressOf({ socketAddress: '127.0.0.1', forwardedFor: '6.6.6.6' }, 0)).toBe(
      '127.0.0.1',
    )
  })

  it('takes the entry the farthest trusted proxy saw, never a client-written one further left', () => {
    const forwardedFor = '6.6.6.6, 203.0.113.9'
    expect(clientAddressOf({ socketAddress: '10.0.0.2', forwardedFor }, 1)).toBe('203.0.113.9')
    expect(
      clientAddressOf({ socketAddress: '10.0.0.2', forwardedFor: '203.0.113.9, 10.0.0.1' }, 2),
    ).toBe('203.0.113.9')
    expect(clientAddressOf({ socketAddress: '10.0.0.2', forwardedFor: undefined }, 1)).toBe(
      '10.0.0.2',
    )
  })

  it('refuses a KAIJI_TRUST_PROXY that is not a small number', () => {
    expect(trustedProxyHops('2')).toBe(2)
    expect(trustedProxyHops(undefined)).toBe(0)
    expect(() => trustedProxyHops('yes')).toThrow(/KAIJI_TRUST_PROXY "yes"/)
  })
})

describe('allowed origins and cookies', () => {
  it('reads origins and refuses anything with a path or another scheme', () => {
    expect(parseAllowedOrigins('https://cms.example.com, http://localhost:8080/')).toEqual([
      'https://cms.example.com',
      'http://localhost:8080',
    ])
    expect(parseAllowedOrigins(undefined)).toEqual([])
    expect(() => parseAllowedOrigins('https://cms.example.com/admin')).toThrow(
      /"https:\/\/cms.example.com\/admin" is not an origin/,
    )
    expect(() => parseAllowedOrigins('ftp://x.example')).toThrow(/not an origin/)
    expect(() => parseAllowedOrigins('*')).toThrow(/not an origin/)
  })

  it('lists both loopback names for a loopback or wildcard host', () => {
    expect(serverOrigins('127.0.0.1', 3000)).toEqual([
      'http://127.0.0.1:3000',
      'http://localhost:3000',
    ])
    expect(serverOrigins('0.0.0.0', 3000)).toEqual([
      'http://127.0.0.1:3000',
      'http://localhost:3000',
    ])
    expect(serverOrigins('cms.internal', 80)).toEqual(['http://cms.internal:80'])
  })

  it('marks cookies Secure in production unless KAIJI_COOKIE_SECURE=false', () => {
    const given = (KAIJI_COOKIE_SECURE?: string) => {
      const result = parseSettings({ KAIJI_COOKIE_SECURE })
      if (!result.ok) throw new Error(result.problems.join('\n'))
      return result.settings
    }
    expect(secureCookies(true, given())).toBe(true)
    expect(secureCookies(true, given('false'))).toBe(false)
    expect(secureCookies(false, given())).toBe(false)
  })
})
