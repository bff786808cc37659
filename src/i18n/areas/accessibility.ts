import { defineStrings } from '../defineStrings'

/** Names the admin gives to controls of Payload's own that have none (for screen readers). */
export const accessibilityStrings = defineStrings({
  en: {
    dashboardMenu: 'Dashboard options',
    clearDate: 'Clear the date',
  },
  ja: {
    dashboardMenu: 'ダッシュボードの操作',
    clearDate: '日時をクリア',
  },
})
