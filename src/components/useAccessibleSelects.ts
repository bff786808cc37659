'use client'

import { useEffect, type RefObject } from 'react'

/**
 * Payload's SelectInput labels its field but not the react-select input inside it, and its dropdown
 * button is aria-hidden yet focusable (axe: `label`, `aria-hidden-focus`). After each render this
 * names each select's input after its field label and takes the redundant button out of the tab
 * order; the input keeps the keyboard.
 */
export const useAccessibleSelects = (root: RefObject<HTMLElement | null>): void => {
  useEffect(() => {
    for (const field of root.current?.querySelectorAll<HTMLElement>('.field-type.select') ?? []) {
      const label = field.querySelector('label')?.textContent?.trim()
      const input = field.querySelector('input')
      if (label && input) input.setAttribute('aria-label', label)
      for (const button of field.querySelectorAll('.dropdown-indicator[aria-hidden="true"]'))
        button.setAttribute('tabindex', '-1')
    }
  })
}
