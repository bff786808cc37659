'use client'

import { getTranslation } from '@payloadcms/translations'
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useId, useState } from 'react'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'

const readAsDataUri = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'))
    reader.readAsDataURL(file)
  })

/**
 * The site logo: a small image chosen from a file and kept as a data: URI in the settings. The
 * server checks what the bytes are (and their size) on save; this only reads the file and previews it.
 */
export const LogoField: TextFieldClientComponent = ({ field, path, readOnly }) => {
  const { value, setValue, showError } = useField<string | null>({ potentiallyStalePath: path })
  const { i18n, t } = useAdminTranslation()
  const [reading, setReading] = useState(false)
  const inputId = useId()
  const label = field.label ? getTranslation(field.label, i18n) : path
  return (
    <div className="field-type logo-field" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel htmlFor={inputId} label={field.label} path={path} />
      {value ? (
        <img
          src={value}
          alt={t('kaijiAdmin:collections:siteSettings:logoPreview', { label })}
          style={{ display: 'block', maxHeight: '4rem', maxWidth: '16rem', margin: '.5rem 0' }}
        />
      ) : (
        <p style={{ margin: '.5rem 0' }}>{t('kaijiAdmin:collections:siteSettings:noLogo')}</p>
      )}
      <FieldError path={path} showError={showError} />
      <div style={{ display: 'flex', gap: '.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <input
          id={inputId}
          type="file"
          accept="image/png,image/webp,image/svg+xml"
          disabled={readOnly || reading}
          onChange={async (event) => {
            const file = event.target.files?.[0]
            if (!file) return
            setReading(true)
            try {
              setValue(await readAsDataUri(file))
            } finally {
              setReading(false)
            }
          }}
        />
        {value && !readOnly ? (
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => setValue(null)}
          >
            {t('kaijiAdmin:collections:siteSettings:removeLogo')}
          </button>
        ) : null}
      </div>
      {field.admin?.description ? (
        <FieldDescription description={field.admin.description} path={path} />
      ) : null}
    </div>
  )
}
