import { cookieValue, languageCookie, languageCookieName } from '@/i18n/languageChoice'

describe('the admin language cookie', () => {
  it("is Payload's cookie, set for a year on the whole site, Secure when the session's is", () => {
    expect(languageCookieName(undefined)).toBe('payload-lng')
    expect(languageCookieName('kaiji')).toBe('kaiji-lng')
    expect(languageCookie('payload-lng', 'en', { secure: false })).toBe(
      'payload-lng=en; Path=/; Max-Age=31536000; SameSite=Lax',
    )
    expect(languageCookie('payload-lng', 'ja', { secure: true })).toMatch(/; Secure$/)
  })

  it('is dropped for a user with no choice, so Accept-Language picks the language', () => {
    expect(languageCookie('payload-lng', null, { secure: false })).toBe(
      'payload-lng=; Path=/; Max-Age=0; SameSite=Lax',
    )
  })

  it('is read back from document.cookie by name only', () => {
    expect(cookieValue('a=1; payload-lng=fr; b=x=y', 'payload-lng')).toBe('fr')
    expect(cookieValue('xpayload-lng=fr', 'payload-lng')).toBeNull()
    expect(cookieValue('', 'payload-lng')).toBeNull()
  })
})
