'use client'

import { Button } from '@payloadcms/ui'
import { useState } from 'react'

type Report = {
  written: Array<{ file: string; fields: string[]; staleUnits: string[] }>
  unchanged: number
}
type Outcome =
  { kind: 'report'; report: Report } | { kind: 'errors'; status: number; messages: string[] } | null

/** Export a target locale as XLIFF 2.0 for a CAT tool, and import the translated file back as drafts. */
export const XliffTools = ({
  exportLocales,
  importLocales,
}: {
  exportLocales: string[]
  importLocales: string[]
}) => {
  const [locale, setLocale] = useState(exportLocales[0] ?? '')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  if (exportLocales.length === 0) return null

  const upload = async () => {
    if (!file) return
    setBusy(true)
    setOutcome(null)
    try {
      const response = await fetch('/api/translations/xliff', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/xliff+xml' },
        body: await file.text(),
      })
      const body = (await response.json().catch(() => ({}))) as Report & {
        errors?: Array<{ message: string }>
      }
      setOutcome(
        response.ok
          ? { kind: 'report', report: body }
          : {
              kind: 'errors',
              status: response.status,
              messages: body.errors?.map((error) => error.message) ?? [
                `The import failed (${response.status}).`,
              ],
            },
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <section data-testid="xliff-tools" style={{ margin: '1rem 0', display: 'grid', gap: '0.5rem' }}>
      <h2 style={{ margin: 0 }}>XLIFF 2.0 for CAT tools</h2>
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <label>
          Target locale{' '}
          <select
            data-testid="xliff-locale"
            value={locale}
            onChange={(event) => setLocale(event.target.value)}
          >
            {exportLocales.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <a
          data-testid="xliff-export"
          className="btn btn--style-secondary btn--size-small"
          href={`/api/translations/xliff?locale=${encodeURIComponent(locale)}`}
          download
        >
          Export XLIFF
        </a>
      </div>
      {importLocales.length > 0 && (
        <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <label>
            Translated file ({importLocales.join(', ')}){' '}
            <input
              data-testid="xliff-file"
              type="file"
              accept=".xlf,.xliff,.xml"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <Button
            id="xliff-import"
            buttonStyle="primary"
            size="small"
            disabled={!file || busy}
            onClick={() => void upload()}
          >
            {busy ? 'Importing…' : 'Import XLIFF'}
          </Button>
        </div>
      )}
      {outcome?.kind === 'report' && (
        <div role="status" data-testid="xliff-report">
          <p>
            Imported as drafts: {outcome.report.written.length} document(s) changed,{' '}
            {outcome.report.unchanged} unchanged. Reload to see the grid.
          </p>
          <ul>
            {outcome.report.written.map((entry) => (
              <li key={entry.file}>
                {entry.file}: {entry.fields.join(', ')}
                {entry.staleUnits.length
                  ? ` (source changed since export: ${entry.staleUnits.join(', ')})`
                  : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'errors' && (
        <div role="alert" data-testid="xliff-errors" style={{ color: 'var(--theme-error-500)' }}>
          <p>Nothing was imported ({outcome.status}):</p>
          <ul>
            {outcome.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
