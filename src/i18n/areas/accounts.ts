import { defineStrings } from '../defineStrings'

/** The first-user screen and the account screens. */
export const accountsStrings = defineStrings({
  en: {},
  ja: {},
})
