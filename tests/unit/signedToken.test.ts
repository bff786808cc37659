import { signToken, verifyToken } from '@/subscriptions/signedToken'

const SECRET = 'a-test-secret-that-is-long-enough-0123456789'

describe('signed link tokens', () => {
  it('carry their fields back when checked with the same secret and purpose', () => {
    const token = signToken(SECRET, 'object', { s: 12, l: 'en', n: 3 })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(verifyToken(SECRET, 'object', token)).toEqual({ s: 12, l: 'en', n: 3 })
  })

  it('are refused for another purpose, another secret, or with any character changed', () => {
    const token = signToken(SECRET, 'object', { s: 12, l: 'en', n: 3 })
    expect(verifyToken(SECRET, 'unsubscribe', token)).toBeNull()
    expect(verifyToken(`${SECRET}x`, 'object', token)).toBeNull()
    const [body = '', signature = ''] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ s: 13, l: 'en', n: 3 })).toString('base64url')
    expect(verifyToken(SECRET, 'object', `${forged}.${signature}`)).toBeNull()
    expect(verifyToken(SECRET, 'object', `${body}.${signature.slice(1)}`)).toBeNull()
    for (const bad of ['', '.', 'abc', `${token}.x`, 'x'.repeat(3_000)])
      expect(verifyToken(SECRET, 'object', bad)).toBeNull()
  })
})
