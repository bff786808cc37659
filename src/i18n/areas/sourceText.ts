import { defineStrings } from '../defineStrings'

/** The Japanese source shown beside a translation, and document titles. */
export const sourceTextStrings = defineStrings({
  en: {},
  ja: {},
})
