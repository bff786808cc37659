import { defineStrings } from '../defineStrings'

/** Messages the server sends that the admin shows: refused saves, XLIFF file problems, publish warnings. */
export const messagesStrings = defineStrings({
  en: {},
  ja: {},
})
