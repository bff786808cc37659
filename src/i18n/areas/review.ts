import { defineStrings } from '../defineStrings'

/** The Review panel: state, redline, note, history. */
export const reviewStrings = defineStrings({
  en: {},
  ja: {},
})
