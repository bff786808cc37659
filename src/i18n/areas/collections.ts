import { defineStrings } from '../defineStrings'

/** Collection, global and field labels and descriptions, and the record views. */
export const collectionsStrings = defineStrings({
  en: {},
  ja: {},
})
