'use client'

import { useEffect } from 'react'

import { useAdminTranslation } from '../i18n/useAdminTranslation'

/**
 * Payload's dashboard menu (the "Dashboard" select in the header: edit the layout, reset it) is a
 * react-select that has no label, and whose chevron is a focusable button inside an aria-hidden
 * container: axe's `label` and `aria-hidden-focus`. Its props are Payload's, so the fix is applied
 * to the rendered elements: a label for the select, and the chevron out of the tab order (the
 * select itself opens with the keyboard).
 */
export const DashboardA11y = () => {
  const { t } = useAdminTranslation()
  const label = t('kaijiAdmin:reviewQueue:dashboardMenu')
  useEffect(() => {
    const fix = () => {
      for (const select of document.querySelectorAll('.dashboard-breadcrumb-select')) {
        const input = select.querySelector('input')
        if (input && input.getAttribute('aria-label') !== label)
          input.setAttribute('aria-label', label)
        for (const chevron of select.querySelectorAll('.dropdown-indicator'))
          if (chevron.getAttribute('tabindex') !== '-1') chevron.setAttribute('tabindex', '-1')
      }
    }
    fix()
    const observer = new MutationObserver(fix)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [label])
  return null
}
