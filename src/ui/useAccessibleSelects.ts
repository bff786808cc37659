'use client'

import { useEffect, type RefObject } from 'react'

/**
 * Payload's selects (react-select) leave their input without a name, and their dropdown button is
 * aria-hidden yet focusable (axe: `label`, `aria-hidden-focus`). This names the input and takes the
 * redundant button out of the tab order; the input keeps the keyboard. Idempotent, so it may run
 * after every render or DOM change.
 */
export const makeSelectAccessible = (select: Element, label: string): void => {
  const input = select.querySelector('input')
  if (input && input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label)
  for (const button of select.querySelectorAll('.dropdown-indicator'))
    if (button.getAttribute('tabindex') !== '-1') button.setAttribute('tabindex', '-1')
}

/** After each render, every select field under `root` named after its field label. */
export const useAccessibleSelects = (root: RefObject<HTMLElement | null>): void => {
  useEffect(() => {
    for (const field of root.current?.querySelectorAll<HTMLElement>('.field-type.select') ?? []) {
      const label = field.querySelector('label')?.textContent?.trim()
      if (label) makeSelectAccessible(field, label)
    }
  })
}
