import { confirmationEmail } from '@/subscriptions/confirmationEmail'
import { hashConfirmationToken, newConfirmationToken } from '@/subscriptions/confirmationToken'
import { formatDate } from '@/delivery/render/i18n'
import { objectionUrl, unsubscribeHeaders, unsubscribeToken } from '@/subscriptions/links'
import { noticeEmail, type NoticeInput } from '@/subscriptions/noticeEmail'
import { redlineRuns } from '@/subscriptions/redlineText'
import { verifyToken } from '@/subscriptions/signedToken'
import { parseSubscribeForm } from '@/subscriptions/subscribeForm'
import { subscribersCsv } from '@/subscriptions/subscribersCsv'
import { matchSubscriptionRoute } from '@/subscriptions/subscriptionRoutes'
import type { ReleaseDiff } from '@/releases/types'

const SECRET = 'unit-test-secret'

describe('the subscribe form', () => {
  it('reads email, scope and an optional language', () => {
    expect(parseSubscribeForm('email=%20Ann%40Example.COM%20&scope=all', 'ja')).toEqual({
      ok: true,
      value: { email: 'ann@example.com', scope: 'all', locale: 'ja' },
    })
    expect(parseSubscribeForm('email=a%40b.fr&scope=material&language=fr', 'ja')).toMatchObject({
      ok: true,
      value: { locale: 'fr' },
    })
  })

  it.each([
    ['', /one email address/],
    ['scope=all', /one email address/],
    ['email=a%40b.c&email=d%40e.f&scope=all', /one email address/],
    ['email=nope&scope=all', /not an email address/],
    ['email=a%20b%40c.d&scope=all', /not an email address/],
    [`email=${'a'.repeat(250)}%40b.cd&scope=all`, /not an email address/],
    ['email=a%40b.cd', /"scope" must be one of material, all/],
    ['email=a%40b.cd&scope=weekly', /"scope" must be one of/],
    ['email=a%40b.cd&scope=all&language=de', /"language" must be one of ja, en, fr, ru/],
    ['email=a%40b.cd&scope=all&role=admin', /Unknown form field\(s\) "role"/],
  ])('refuses %j', (body, problem) => {
    const result = parseSubscribeForm(body, 'en')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toMatch(problem)
  })
})

describe('subscription routes', () => {
  it('matches only the three subscription paths', () => {
    expect(matchSubscriptionRoute('/partners/ja/subscribe')).toEqual({
      kind: 'subscribe',
      locale: 'ja',
    })
    expect(matchSubscriptionRoute('/partners/en/subscribe/confirm?token=x')).toEqual({
      kind: 'confirm',
      locale: 'en',
    })
    expect(matchSubscriptionRoute('/partners/fr/unsubscribe/')).toEqual({
      kind: 'unsubscribe',
      locale: 'fr',
    })
    expect(matchSubscriptionRoute('/partners/zz/subscribe')).toEqual({
      kind: 'subscribe',
      locale: 'zz',
    })
    for (const other of [
      '/partners/ja',
      '/partners/ja/history',
      '/partners/ja/releases/1/object',
      '/api/subscribe',
    ])
      expect(matchSubscriptionRoute(other)).toBeNull()
  })
})

describe('tokens and links', () => {
  it('stores only a hash of the confirmation token', () => {
    const { token, hash } = newConfirmationToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(hash).toBe(hashConfirmationToken(token))
    expect(hash).not.toContain(token)
    expect(newConfirmationToken().token).not.toBe(token)
  })

  it("signs unsubscribe links for an address and a language, and objection links in the objection page's shape", () => {
    expect(verifyToken(SECRET, 'unsubscribe', unsubscribeToken(SECRET, 'a@b.cd', 'ja'))).toEqual({
      e: 'a@b.cd',
      l: 'ja',
    })
    expect(verifyToken(SECRET, 'object', unsubscribeToken(SECRET, 'a@b.cd', 'ja'))).toBeNull()
    const url = new URL(objectionUrl('https://example.com', SECRET, 7, 'en', 12))
    expect(url.pathname).toBe('/partners/en/releases/12/object')
    expect(verifyToken(SECRET, 'object', url.searchParams.get('token') ?? '')).toEqual({
      s: 7,
      l: 'en',
      n: 12,
    })
    expect(unsubscribeHeaders('https://x/u?token=1')).toEqual({
      'List-Unsubscribe': '<https://x/u?token=1>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })
})

describe('the confirmation email', () => {
  it('is in the chosen language, carries the link, the expiry and one-click unsubscribe, and escapes its HTML', () => {
    const mail = confirmationEmail({
      to: 'a@b.cd',
      locale: 'fr',
      scope: 'all',
      confirmUrl: 'https://example.com/partners/fr/subscribe/confirm?token=abc&x=<y>',
      unsubscribeUrl: 'https://example.com/partners/fr/unsubscribe?token=t',
    })
    expect(mail.subject).toBe('Confirmez votre abonnement : la page des partenaires tiers')
    expect(mail.text).toContain('tous les changements')
    expect(mail.text).toContain('https://example.com/partners/fr/subscribe/confirm?token=abc&x=<y>')
    expect(mail.text).toContain('48 heures')
    expect(mail.html).toContain(
      'href="https://example.com/partners/fr/subscribe/confirm?token=abc&amp;x=&lt;y&gt;"',
    )
    expect(mail.html).not.toContain('<y>')
    expect(mail.headers).toEqual(
      unsubscribeHeaders('https://example.com/partners/fr/unsubscribe?token=t'),
    )
  })
})

const diff: ReleaseDiff = {
  locale: 'en',
  from: 3,
  to: 4,
  page: [
    {
      field: 'title',
      before: 'Our partners',
      after: 'Our third-party partners',
      changes: [
        { kind: 'equal', text: 'Our ' },
        { kind: 'insert', text: 'third-party ' },
        { kind: 'equal', text: 'partners' },
      ],
    },
  ],
  categories: {
    added: [
      {
        key: 'ads',
        icon: null,
        order: 9,
        name: 'Advertising <script>',
        description: null,
        dataUsageNote: null,
      },
    ],
    removed: [],
    changed: [
      {
        key: 'cloud',
        name: 'Cloud platform',
        fields: [{ field: 'name', before: 'Cloud', after: 'Cloud platform', changes: [] }],
      },
    ],
  },
}

const input = (overrides: Partial<NoticeInput> = {}): NoticeInput => ({
  kind: 'announced',
  to: 'reader@example.com',
  locale: 'en',
  timeZone: 'Asia/Tokyo',
  release: {
    number: 4,
    summary: 'We add an advertising partner & rename one',
    changeType: 'material',
    effectiveAt: '2026-05-01T03:00:00.000Z',
  },
  diff,
  authoritativeNote: null,
  links: {
    read: 'https://example.com/partners/en/upcoming/4',
    object: 'https://example.com/partners/en/releases/4/object?token=o',
    unsubscribe: 'https://example.com/partners/en/unsubscribe?token=u',
  },
  ...overrides,
})

describe('notices', () => {
  it('an announced material change: summary, redline, date in the time zone, links, authoritative-language note', () => {
    const mail = noticeEmail(input())
    process.stdout.write(`\n--- en notice ---\n${mail.text}\n`)
    expect(mail.subject).toBe(
      'Announced: release 4 takes effect on May 1, 2026 at 12:00 PM (GMT+9) (Material change)',
    )
    expect(mail.text).toContain('Summary: We add an advertising partner & rename one')
    expect(mail.text).toContain('Title: Our {+third-party +}partners')
    expect(mail.text).toContain('Name: [-Cloud-]{+Cloud platform+}')
    expect(mail.text).toContain('Added: Advertising <script>')
    expect(mail.text).toContain('Takes effect: May 1, 2026 at 12:00 PM (GMT+9)')
    expect(mail.text).toContain('https://example.com/partners/en/upcoming/4')
    expect(mail.text).toContain(
      'To object to this change (until it takes effect): https://example.com/partners/en/releases/4/object?token=o',
    )
    expect(mail.text).toContain('In case of discrepancy, the Japanese version prevails.')
    expect(mail.text).toContain(
      'To unsubscribe: https://example.com/partners/en/unsubscribe?token=u',
    )
    expect(mail.html).toContain('Our <ins>third-party </ins>partners')
    expect(mail.html).toContain('Advertising &lt;script&gt;')
    expect(mail.html).toContain('advertising partner &amp; rename')
    expect(mail.html).not.toContain('<script>')
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
  })

  it("is written in the subscriber's language and uses the release's own authoritative note when it has one", () => {
    const ja = noticeEmail(input({ locale: 'ja', authoritativeNote: '日本語版が正本です。' }))
    expect(ja.subject).toBe('予告: リリース4が2026年5月1日 12:00 (JST)に発効します（重要な変更）')
    expect(ja.text).toContain('日本語版が正本です。')
    expect(noticeEmail(input({ locale: 'ru' })).text).toContain('Вступает в силу: 1 мая 2026')
    expect(noticeEmail(input({ locale: 'fr' })).text).toContain('Entrée en vigueur : 1 mai 2026')
  })

  it('a withdrawn announcement names what replaces it, has no redline and no objection link', () => {
    const mail = noticeEmail(
      input({
        kind: 'withdrawn',
        diff: null,
        replacement: {
          number: 5,
          summary: 'Rollback',
          changeType: 'material',
          effectiveAt: '2026-04-01T00:00:00.000Z',
        },
      }),
    )
    expect(mail.subject).toBe('Withdrawn: announced release 4 will not take effect')
    expect(mail.text).toContain(
      'Release 5 (effective April 1, 2026 at 9:00 AM (GMT+9)) was published instead: Rollback',
    )
    expect(mail.text).not.toContain('/object')
    expect(mail.text).not.toContain('What changes')
  })

  it('the first release says there is nothing to compare; an unchanged text says so', () => {
    expect(noticeEmail(input({ diff: null })).text).toContain('This is the first release')
    expect(
      noticeEmail(
        input({ diff: { ...diff, page: [], categories: { added: [], removed: [], changed: [] } } }),
      ).text,
    ).toContain('No text changes.')
  })

  it('long unchanged text keeps only its ends around a change', () => {
    const long = 'x'.repeat(200)
    const runs = redlineRuns({
      field: 'intro',
      before: null,
      after: null,
      changes: [
        { kind: 'equal', text: long },
        { kind: 'delete', text: 'old' },
        { kind: 'insert', text: 'new' },
        { kind: 'equal', text: `${long}\nend` },
      ],
    })
    expect(runs.text).toBe(`…${'x'.repeat(40)}[-old-]{+new+}${'x'.repeat(40)}…`)
  })

  it('formats dates in the locale and the configured zone', () => {
    // One formatter for emails and pages: the zone's short name at that instant.
    expect(formatDate('2026-05-01T03:00:00.000Z', 'en', 'UTC')).toBe('May 1, 2026 at 3:00 AM (UTC)')
    expect(formatDate('2026-05-01T03:00:00.000Z', 'ja', 'Asia/Tokyo')).toBe(
      '2026年5月1日 12:00 (JST)',
    )
    expect(formatDate('not a date', 'en', 'UTC')).toBe('not a date')
  })
})

describe('the subscribers CSV', () => {
  it('has a header, one record per subscriber, and defuses spreadsheet formulas', () => {
    const csv = subscribersCsv([
      {
        email: 'a@b.cd',
        locale: 'ja',
        scope: 'all',
        confirmedAt: '2026-01-01T00:00:00.000Z',
        consentVersion: 'v1',
      },
      {
        email: '=cmd@b.cd',
        locale: 'en',
        scope: 'material',
        confirmedAt: '2026-01-02T00:00:00.000Z',
        consentVersion: 'v,1',
      },
    ])
    expect(csv).toBe(
      '\uFEFFemail,locale,scope,confirmed_at,consent_version\r\n' +
        'a@b.cd,ja,all,2026-01-01T00:00:00.000Z,v1\r\n' +
        '\'=cmd@b.cd,en,material,2026-01-02T00:00:00.000Z,"v,1"\r\n',
    )
  })
})
