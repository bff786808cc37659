import { defineStrings } from '../defineStrings'

/** The translations dashboard, its bulk actions and the XLIFF tools. */
export const translationsStrings = defineStrings({
  en: {},
  ja: {},
})
