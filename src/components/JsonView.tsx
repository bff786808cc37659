'use client'

import { getTranslation } from '@payloadcms/translations'
import { FieldDescription, FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

/**
 * A JSON field shown as indented, wrapped text. Payload's own JSON field is a Monaco editor whose
 * loader fetches the editor from an outside host, which the admin's CSP blocks (and must: the admin
 * contacts no other host). Every JSON field here is on a collection only the server writes, so
 * reading is all anyone does with them.
 */
export const JsonView: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ potentiallyStalePath: path })
  const { i18n } = useTranslation()
  const text = value === undefined || value === null ? '' : JSON.stringify(value, null, 2)
  return (
    <div
      className="field-type json-view"
      data-json-view={path}
      style={{ marginBottom: 'var(--base)' }}
    >
      <FieldLabel label={field.label} localized={field.localized} path={path} />
      {text ? (
        // Focusable and named, so a keyboard can scroll a long value (axe: scrollable-region-focusable).
        <pre
          tabIndex={0}
          role="region"
          aria-label={field.label ? getTranslation(field.label, i18n) : path}
          style={{
            margin: 0,
            maxHeight: '32rem',
            overflow: 'auto',
            padding: 'calc(var(--base) / 2)',
            background: 'var(--theme-elevation-50)',
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 'var(--style-radius-s)',
            fontSize: '0.8125rem',
            lineHeight: 1.5,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
          }}
        >
          {text}
        </pre>
      ) : (
        <p style={{ margin: 0, color: 'var(--theme-elevation-500)' }}>—</p>
      )}
      {field.admin?.description ? (
        <FieldDescription description={field.admin.description} path={path} />
      ) : null}
    </div>
  )
}
