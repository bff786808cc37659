import { defineStrings } from '../defineStrings'

/** Labels and descriptions of the release, webhook, user, workflow-state and audit-event records. */
export const recordsStrings = defineStrings({
  en: {},
  ja: {},
})
