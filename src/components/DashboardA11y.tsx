'use client'

import { useEffect } from 'react'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { makeSelectAccessible } from '@/ui/useAccessibleSelects'

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
      for (const select of document.querySelectorAll('.dashboard-breadcrumb-select'))
        makeSelectAccessible(select, label)
    }
    fix()
    const observer = new MutationObserver(fix)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [label])
  return null
}
