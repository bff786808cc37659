import { signToken, verifyToken } from '@/subscriptions/signedToken'
import { tallyObjections } from '@/subscriptions/objections/objectionCounts'
import {
  acknowledgementContent,
  renderObjectionForm,
} from '@/subscriptions/objections/objectionPages'
import { matchObjectionPath } from '@/subscriptions/objections/objectionRoutes'
import {
  claimFromToken,
  objectionKey,
  objectionWindow,
  parseCloseRequest,
  parseObjectionForm,
} from '@/subscriptions/objections/objectionRules'

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const DAY = 86_400_000
const NOW = Date.parse('2026-06-01T00:00:00Z')
const at = (days: number) => new Date(NOW + days * DAY).toISOString()

describe('parseObjectionForm', () => {
  it('keeps what was typed, with line endings made one and the ends trimmed', () => {
    expect(
      parseObjectionForm(
        form({ token: 't', reason: ' a\r\nb ', organisation: ' ACME ', email: ' x@y.example ' }),
      ),
    ).toEqual({
      ok: true,
      value: { token: 't', reason: 'a\nb', organisation: 'ACME', email: 'x@y.example' },
    })
    expect(parseObjectionForm(form({ token: 't', reason: 'r', organisation: '' }))).toEqual({
      ok: true,
      value: { token: 't', reason: 'r', organisation: null, email: null },
    })
  })

  it.each([
    ['no token', form({ reason: 'r' }), /token is missing/],
    ['no reason', form({ token: 't', reason: ' \n ' }), /reason is required/],
    ['a long reason', form({ token: 't', reason: '語'.repeat(4001) }), /it has 4001/],
    [
      'a long organisation',
      form({ token: 't', reason: 'r', organisation: 'o'.repeat(201) }),
      /organisation/,
    ],
    [
      'a two-line organisation',
      form({ token: 't', reason: 'r', organisation: 'a\nb' }),
      /one line/,
    ],
    ['a bad email', form({ token: 't', reason: 'r', email: 'a@b' }), /not an email address/],
    [
      'an unknown field',
      form({ token: 't', reason: 'r', status: 'closed' }),
      /Unknown field "status"/,
    ],
    ['a field sent twice', 'token=t&reason=a&reason=b', /"reason" is sent twice/],
  ])('refuses %s, naming it', (_label, body, message) => {
    const parsed = parseObjectionForm(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toMatch(message)
  })
})

describe('claimFromToken', () => {
  const secret = 'unit-secret'
  const route = { locale: 'ja', number: 3 }
  it('names the subscriber of a token made for this locale and release', () => {
    const token = signToken(secret, 'object', { s: 42, l: 'ja', n: 3 })
    expect(claimFromToken(verifyToken(secret, 'object', token), route)).toEqual({
      subscriberId: '42',
      locale: 'ja',
      number: 3,
    })
  })
  it.each([
    ['another release', { s: 1, l: 'ja', n: 4 }],
    ['another locale', { s: 1, l: 'en', n: 3 }],
    ['no subscriber', { l: 'ja', n: 3 }],
  ])('refuses a token for %s', (_label, fields) => {
    expect(
      claimFromToken(verifyToken(secret, 'object', signToken(secret, 'object', fields)), route),
    ).toBeNull()
  })
  it('refuses a token that does not verify', () => {
    expect(claimFromToken(verifyToken(secret, 'object', 'x.y'), route)).toBeNull()
  })
  it('keys one objection per subscriber, locale and release', () => {
    expect(objectionKey({ subscriberId: '42', locale: 'ja', number: 3 })).toBe('ja:3:42')
  })
})

describe('objectionWindow', () => {
  const release = (number: number, effective: number, changeType = 'material') => ({
    number,
    effectiveAt: at(effective),
    changeType,
  })
  it('is open for an announced material release until its date, closed after', () => {
    const releases = [release(1, -10), release(2, 30)]
    expect(objectionWindow(releases, 2, NOW)).toEqual({ state: 'open', effectiveAt: at(30) })
    expect(objectionWindow(releases, 2, NOW + 31 * DAY)).toEqual({
      state: 'closed',
      effectiveAt: at(30),
    })
    expect(objectionWindow(releases, 1, NOW).state).toBe('closed')
  })
  it('takes none for an editorial release, a superseded one or one that does not exist', () => {
    expect(objectionWindow([release(1, 5, 'editorial')], 1, NOW).state).toBe('not-material')
    expect(objectionWindow([release(1, 30), release(2, 5)], 1, NOW).state).toBe('superseded')
    expect(objectionWindow([release(1, 30)], 9, NOW).state).toBe('not-announced')
  })
})

describe('parseCloseRequest', () => {
  it('takes an outcome and a note; a withdrawal needs no note', () => {
    expect(parseCloseRequest({ outcome: 'upheld', note: ' revised ' })).toEqual({
      ok: true,
      value: { outcome: 'upheld', note: 'revised' },
    })
    expect(parseCloseRequest({ outcome: 'withdrawn' })).toEqual({
      ok: true,
      value: { outcome: 'withdrawn', note: null },
    })
  })
  it.each([
    ['no body', null, /JSON object/],
    ['an unknown outcome', { outcome: 'ignored', note: 'x' }, /one of upheld, rejected/],
    ['no note', { outcome: 'rejected' }, /note is required/],
    ['a note that is not text', { outcome: 'rejected', note: 5 }, /must be text/],
    ['an unknown field', { outcome: 'rejected', note: 'x', by: 1 }, /Unknown field "by"/],
  ])('refuses %s', (_label, body, message) => {
    const parsed = parseCloseRequest(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toMatch(message)
  })
})

describe('matchObjectionPath', () => {
  it('matches the objection link only', () => {
    expect(matchObjectionPath('/partners/ja/releases/3/object?token=x')).toEqual({
      locale: 'ja',
      number: 3,
    })
    expect(matchObjectionPath('/partners/fr/releases/12/object')).toEqual({
      locale: 'fr',
      number: 12,
    })
    expect(matchObjectionPath('/partners/ja/releases/3')).toBeNull()
    expect(matchObjectionPath('/partners/ja/releases/03/object')).toBeNull()
    expect(matchObjectionPath('/partners/ja/releases/3/object/more')).toBeNull()
    expect(matchObjectionPath('/partners/%E0/releases/3/object')).toBeNull()
  })
})

describe('pages and email', () => {
  it('escapes what the subscriber typed and the token in the form', () => {
    const html = renderObjectionForm({
      locale: 'en',
      number: 2,
      summary: '<b>new</b> provider',
      effectiveAt: at(30),
      token: 'a"b',
      values: { reason: '</textarea><script>x</script>' },
      problem: 'bad',
    })
    expect(html).not.toContain('<script>')
    expect(html).toContain('value="a&quot;b"')
    expect(html).toContain('&lt;b&gt;new&lt;/b&gt; provider')
    expect(html).toContain('role="alert"')
  })
  it('acknowledges in the subscriber’s language, quoting the reason as text', () => {
    const mail = acknowledgementContent({
      locale: 'fr',
      number: 2,
      receivedAt: at(0),
      effectiveAt: at(30),
      reason: '<i>{n}</i>',
    })
    expect(mail.subject).toBe('Votre opposition à la version 2 est enregistrée')
    expect(mail.text).toContain('<i>{n}</i>')
    expect(mail.html).toContain('&lt;i&gt;{n}&lt;/i&gt;')
  })
})

describe('tallyObjections', () => {
  it('counts open and total per release', () => {
    expect(
      tallyObjections([
        { releaseNumber: 2, status: 'open' },
        { releaseNumber: 2, status: 'closed' },
        { releaseNumber: 3, status: 'open' },
      ]),
    ).toEqual(
      new Map([
        [2, { open: 1, total: 2 }],
        [3, { open: 1, total: 1 }],
      ]),
    )
  })
})
