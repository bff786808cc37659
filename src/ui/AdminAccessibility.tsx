'use client'

import { useEffect, type ReactNode } from 'react'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { makeSelectAccessible } from './useAccessibleSelects'

type Names = { dashboardMenu: string; clearDate: string }

const fieldLabel = (element: Element): string | null =>
  element.closest('.field-type')?.querySelector('label')?.textContent?.trim() || null

const nameIfUnnamed = (element: Element, name: string | null): void => {
  if (name && !element.getAttribute('aria-label')) element.setAttribute('aria-label', name)
}

/**
 * Serious axe findings in Payload's own markup, whose props Kaiji cannot pass, fixed on the
 * rendered elements. Idempotent: it runs again whenever the admin's DOM changes.
 */
export const fixPayloadMarkup = (root: ParentNode, names: Names): void => {
  // The document tabs are links directly inside a <ul> (axe: list); they are not a list of items.
  for (const tabs of root.querySelectorAll('ul.doc-tabs__tabs:not([role])'))
    tabs.setAttribute('role', 'none')
  // A tab's aria-label leaves out its count ("Versions" beside "Versions 3"), so the name heard
  // differs from the one seen (label-content-name-mismatch); its text names it well.
  for (const tab of root.querySelectorAll('.doc-tab[aria-label]')) tab.removeAttribute('aria-label')
  // Lexical's editor, read-only ones included, has no name (aria-input-field-name).
  for (const editor of root.querySelectorAll('[contenteditable][role="textbox"]'))
    nameIfUnnamed(editor, fieldLabel(editor))
  // The date picker's input is not tied to its label, and its clear button is an unnamed icon.
  for (const picker of root.querySelectorAll('.date-time-picker')) {
    const input = picker.querySelector('input')
    if (input) nameIfUnnamed(input, fieldLabel(picker))
    const clear = picker.querySelector('.date-time-picker__clear-button')
    if (clear) nameIfUnnamed(clear, names.clearDate)
  }
  // The dashboard's layout menu in the header: a select without a label.
  for (const select of root.querySelectorAll('.dashboard-breadcrumb-select'))
    makeSelectAccessible(select, names.dashboardMenu)
  // A select field (read-only ones included): named after its label, its dropdown button out of the tab order.
  for (const select of root.querySelectorAll('.field-type.select')) {
    const name = fieldLabel(select)?.replace(/\s*\*$/, '')
    if (name) makeSelectAccessible(select, name)
  }
}

/** Payload's `admin.components.providers`: wraps every admin page and keeps its markup accessible. */
export const AdminAccessibility = ({ children }: { children?: ReactNode }) => {
  const { t } = useAdminTranslation()
  const dashboardMenu = t('kaijiAdmin:accessibility:dashboardMenu')
  const clearDate = t('kaijiAdmin:accessibility:clearDate')
  useEffect(() => {
    const fix = () => fixPayloadMarkup(document, { dashboardMenu, clearDate })
    fix()
    const observer = new MutationObserver(fix)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [dashboardMenu, clearDate])
  return <>{children}</>
}
