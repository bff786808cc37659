import { defineStrings } from '../defineStrings'

/** The publish panel: preview, confirmation, rollback, and its messages. */
export const publishingStrings = defineStrings({
  en: {},
  ja: {},
})
