import { english, type Say } from '../i18n/adminText'

export const MIN_PASSWORD_LENGTH = 12

/** Returns why a password is too weak (in `say`'s language, English by default), or null when it is acceptable. */
export const passwordWeakness = (
  password: string,
  email?: string,
  say: Say = english,
): string | null => {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return say('kaijiAdmin:messages:users:passwordTooShort', {
      min: MIN_PASSWORD_LENGTH,
      length: password.length,
    })
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length
  if (classes < 2) return say('kaijiAdmin:messages:users:passwordClasses')
  if (new Set(password).size < 5) return say('kaijiAdmin:messages:users:passwordDistinct')
  const localPart = email?.split('@')[0]?.toLowerCase()
  if (localPart && localPart.length >= 3 && password.toLowerCase().includes(localPart)) {
    return say('kaijiAdmin:messages:users:passwordEmail')
  }
  return null
}
