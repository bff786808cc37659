export const MIN_PASSWORD_LENGTH = 12

/** Returns why a password is too weak, or null when it is acceptable. */
export const passwordWeakness = (password: string, email?: string): string | null => {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${password.length})`
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length
  if (classes < 2) {
    return 'the password must mix at least two of: lowercase letters, uppercase letters, digits, symbols'
  }
  if (new Set(password).size < 5) return 'the password repeats too few distinct characters'
  const localPart = email?.split('@')[0]?.toLowerCase()
  if (localPart && localPart.length >= 3 && password.toLowerCase().includes(localPart)) {
    return 'the password must not contain the email address'
  }
  return null
}
