import { defineStrings } from '../defineStrings'

/** The review queue on the dashboard. */
export const reviewQueueStrings = defineStrings({
  en: {},
  ja: {},
})
