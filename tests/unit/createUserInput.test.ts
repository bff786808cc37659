import { CreateUserError, validateCreateUserInput } from '@/auth/createUser'
import { passwordWeakness } from '@/auth/passwordPolicy'
import { parseTargetLocaleList } from '@/config/locales'

const good = { email: 'Editor@Example.org', password: 'Correct-Horse-9', role: 'legal-editor' }

describe('validateCreateUserInput', () => {
  it('accepts a valid editor and normalizes the email', () => {
    expect(validateCreateUserInput(good)).toEqual({
      email: 'editor@example.org',
      password: 'Correct-Horse-9',
      role: 'legal-editor',
      assignedLocales: [],
      name: undefined,
    })
  })

  it('accepts a translator with target locales', () => {
    expect(
      validateCreateUserInput({ ...good, role: 'translator', locales: 'fr, en,fr' })
        .assignedLocales,
    ).toEqual(['fr', 'en'])
  })

  it.each([
    [{ ...good, email: undefined }, /--email is required/],
    [{ ...good, email: 'not-an-email' }, /is not an email address/],
    [{ ...good, password: undefined }, /--password is required/],
    [{ ...good, password: 'short1' }, /too weak: .*at least 12 characters/],
    [{ ...good, role: undefined }, /--role is required/],
    [
      { ...good, role: 'owner' },
      /--role "owner" is not a role; use one of admin, legal-editor, legal-reviewer, translator/,
    ],
    [{ ...good, role: 'translator' }, /--locales is required for a translator/],
    [{ ...good, role: 'translator', locales: 'en,de' }, /unknown locale "de"/],
    [{ ...good, role: 'translator', locales: 'ja' }, /"ja" is the source locale/],
    [{ ...good, locales: 'en' }, /applies to translators only/],
  ])('refuses %p', (input, message) => {
    expect(() => validateCreateUserInput(input)).toThrow(CreateUserError)
    expect(() => validateCreateUserInput(input)).toThrow(message)
  })
})

describe('passwordWeakness', () => {
  it('accepts a long mixed password', () => {
    expect(passwordWeakness('Correct-Horse-9')).toBeNull()
  })

  it('names what is wrong', () => {
    expect(passwordWeakness('abcdefghijkl')).toMatch(/at least two of/)
    expect(passwordWeakness('aaaaaaaaaaA1')).toMatch(/too few distinct/)
    expect(passwordWeakness('alice-Secret-9', 'alice@example.org')).toMatch(
      /must not contain the email/,
    )
  })
})

describe('parseTargetLocaleList', () => {
  it('dedupes and trims', () => {
    expect(parseTargetLocaleList(' ru ,ru,en ')).toEqual(['ru', 'en'])
  })
})
