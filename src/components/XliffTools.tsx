'use client'

import { Banner, Button, ConfirmationModal, Dropzone, toast, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'

import type { AdminStringKey } from '@/i18n/adminTranslations'
import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import type { ImportPreview, ImportReport, UnitSourceBasis } from '@/translations/xliffService'

import { useAccessibleSelects } from '@/ui/useAccessibleSelects'
import { LocaleSelect, type LocaleOption } from './LocaleSelect'

type Preview = {
  locale: string
  documents: ImportPreview
  unchanged: number
  untranslatedSegments: string[]
}
type Outcome =
  | { kind: 'report'; report: ImportReport }
  | { kind: 'errors'; status: number; messages: string[] }
  | null

const CONFIRM_MODAL = 'kaiji-xliff-import'

const send = async (xml: string, dryRun: boolean) => {
  const response = await fetch(`/api/translations/xliff${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/xliff+xml' },
    body: xml,
  })
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown> & {
    errors?: Array<{ message: string }>
  }
  return { response, body }
}

/** The XLIFF versions the export writes; 2.0 is the default (no parameter). */
const XLIFF_VERSIONS = ['2.0', '1.2'] as const
type XliffVersion = (typeof XLIFF_VERSIONS)[number]

const xliffExportUrl = (locale: string, version: XliffVersion) =>
  `/api/translations/xliff?locale=${encodeURIComponent(locale)}${version === '2.0' ? '' : `&version=${version}`}`

/** Notes on the Japanese text documents are recorded as translating, when the file did not say. */
const BasisNotes = ({ notes }: { notes: string[] }) =>
  notes.length > 0 ? (
    <ul className="kaiji-translations__list" data-testid="xliff-source-basis">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  ) : null

/** Segments a tool left in Japanese: named, so the translator knows they are still to do. */
const Untranslated = ({ segments }: { segments: string[] }) => {
  const { t } = useAdminTranslation()
  if (segments.length === 0) return null
  return (
    <p data-testid="xliff-untranslated">
      {t('kaijiAdmin:translations:xliff:untranslated', {
        count: segments.length,
        segments: segments.join(', '),
      })}
    </p>
  )
}

/**
 * Export a target language as XLIFF (2.0 or 1.2) for a translation tool, and import the translated
 * file back as drafts: a dry run first says what would change and which reviewed documents go back
 * to draft, then the import runs once confirmed and the grid refreshes. Beside the export, the
 * language's translation memory (TMX) for those who may export it (`tmxLocales`).
 */
export const XliffTools = ({
  exportLocales,
  importLocales,
  tmxLocales,
  fileLabels,
}: {
  exportLocales: LocaleOption[]
  importLocales: LocaleOption[]
  /** The target locales whose translation memory this user may export. */
  tmxLocales: string[]
  fileLabels: Record<string, string>
}) => {
  const { t } = useAdminTranslation()
  const { openModal } = useModal()
  const router = useRouter()
  const root = useRef<HTMLElement>(null)
  useAccessibleSelects(root)
  const input = useRef<HTMLInputElement>(null)
  const [locale, setLocale] = useState(exportLocales[0]?.value ?? '')
  const [version, setVersion] = useState<XliffVersion>('2.0')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  if (exportLocales.length === 0) return null

  const label = (fileId: string) => fileLabels[fileId] ?? fileId
  const refused = (status: number, body: { errors?: Array<{ message: string }> }) =>
    setOutcome({
      kind: 'errors',
      status,
      messages: body.errors?.map((error) => error.message) ?? [],
    })

  const check = async () => {
    if (!file) return
    setBusy('checking')
    setOutcome(null)
    setPreview(null)
    try {
      const { response, body } = await send(await file.text(), true)
      if (!response.ok) return refused(response.status, body)
      setPreview(body as unknown as Preview)
      openModal(CONFIRM_MODAL)
    } finally {
      setBusy(null)
    }
  }

  const upload = async () => {
    if (!file) return
    setBusy('importing')
    try {
      const { response, body } = await send(await file.text(), false)
      if (!response.ok) return refused(response.status, body)
      const report = body as unknown as ImportReport
      setOutcome({ kind: 'report', report })
      toast.success(
        t('kaijiAdmin:translations:xliff:imported', {
          count: report.written.length,
          unchanged: report.unchanged,
        }),
      )
      router.refresh()
    } finally {
      setBusy(null)
      setPreview(null)
    }
  }

  const backToDraft = preview?.documents.filter((document) => document.sendsBackToDraft) ?? []

  /** What the translator should know about the Japanese text a document is recorded as translating. */
  const basisNotes = (documents: ReadonlyArray<{ file: string; sourceBasis: UnitSourceBasis[] }>) =>
    documents.flatMap(({ file: fileId, sourceBasis }) => {
      const [first] = sourceBasis
      const units = sourceBasis.filter((unit) => unit.sourceDiffers).map((unit) => unit.unit)
      if (first?.basis === 'identified')
        return [
          t('kaijiAdmin:translations:xliff:basisIdentified', {
            document: label(fileId),
            release: first.release ?? '',
            units: units.join(', '),
          }),
        ]
      if (first?.basis === 'assumed')
        return [
          t('kaijiAdmin:translations:xliff:basisAssumed', {
            document: label(fileId),
            units: units.join(', '),
          }),
        ]
      return []
    })

  return (
    <section ref={root} className="kaiji-translations__panel" data-testid="xliff-tools">
      <h2>{t('kaijiAdmin:translations:xliff:heading')}</h2>
      <div className="kaiji-translations__row">
        <LocaleSelect
          name="xliff-locale"
          label={t('kaijiAdmin:translations:xliff:locale')}
          options={exportLocales}
          value={locale}
          onChange={setLocale}
        />
        <LocaleSelect
          name="xliff-version"
          label={t('kaijiAdmin:translations:xliff:version')}
          options={XLIFF_VERSIONS.map((value) => ({ value, label: `XLIFF ${value}` }))}
          value={version}
          onChange={(value) =>
            setVersion(XLIFF_VERSIONS.find((candidate) => candidate === value) ?? '2.0')
          }
        />
        <Button
          el="anchor"
          url={xliffExportUrl(locale, version)}
          buttonStyle="secondary"
          size="medium"
          newTab={false}
          id="xliff-export"
          extraButtonProps={{ 'data-testid': 'xliff-export', download: true }}
        >
          {t('kaijiAdmin:translations:xliff:export')}
        </Button>
        {tmxLocales.includes(locale) && (
          <Button
            el="anchor"
            url={`/api/translations/tmx?locale=${encodeURIComponent(locale)}`}
            buttonStyle="secondary"
            size="medium"
            newTab={false}
            id="tmx-export"
            extraButtonProps={{
              'data-testid': 'tmx-export',
              download: true,
              title: t('kaijiAdmin:translations:tmx:description'),
            }}
          >
            {t('kaijiAdmin:translations:tmx:export')}
          </Button>
        )}
      </div>
      {importLocales.length > 0 && (
        <div className="kaiji-translations__row">
          <Dropzone
            onChange={(files) => {
              setFile(files[0] ?? null)
              setOutcome(null)
            }}
          >
            <Button buttonStyle="pill" size="small" onClick={() => input.current?.click()}>
              {t('kaijiAdmin:translations:xliff:choose')}
            </Button>
            <span style={{ marginInlineStart: 'calc(var(--base) * 0.5)' }}>
              {file
                ? t('kaijiAdmin:translations:xliff:chosen', { name: file.name })
                : t('kaijiAdmin:translations:xliff:drop', {
                    locales: importLocales.map((option) => option.label).join('、'),
                  })}
            </span>
            <input
              ref={input}
              data-testid="xliff-file"
              type="file"
              hidden
              aria-label={t('kaijiAdmin:translations:xliff:file')}
              accept=".xlf,.xliff,.xml"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
                setOutcome(null)
              }}
            />
          </Dropzone>
          <Button
            id="xliff-import"
            buttonStyle="primary"
            size="medium"
            disabled={!file || busy !== null}
            onClick={() => void check()}
          >
            {busy === 'checking'
              ? t('kaijiAdmin:translations:xliff:checking')
              : busy === 'importing'
                ? t('kaijiAdmin:translations:xliff:importing')
                : t('kaijiAdmin:translations:xliff:import')}
          </Button>
        </div>
      )}
      <ConfirmationModal
        modalSlug={CONFIRM_MODAL}
        heading={t('kaijiAdmin:translations:xliff:previewHeading', { name: file?.name ?? '' })}
        body={
          <div data-testid="xliff-preview">
            <p>
              {preview && preview.documents.length > 0
                ? t('kaijiAdmin:translations:xliff:previewChanges', {
                    count: preview.documents.length,
                    unchanged: preview.unchanged,
                  })
                : t('kaijiAdmin:translations:xliff:previewNothing')}
            </p>
            {backToDraft.length > 0 ? (
              <>
                <p>{t('kaijiAdmin:translations:xliff:previewBackToDraft')}</p>
                <ul className="kaiji-translations__list" data-testid="xliff-back-to-draft">
                  {backToDraft.map((document) => (
                    <li key={document.file}>
                      {label(document.file)} (
                      {t(`kaijiAdmin:workflow:state:${document.state}` as AdminStringKey)} →{' '}
                      {t('kaijiAdmin:workflow:state:draft')})
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('kaijiAdmin:translations:xliff:previewNoneBack')}</p>
            )}
            <BasisNotes notes={basisNotes(preview?.documents ?? [])} />
            <Untranslated segments={preview?.untranslatedSegments ?? []} />
          </div>
        }
        confirmLabel={t('kaijiAdmin:translations:xliff:confirm')}
        cancelLabel={t('kaijiAdmin:translations:bulk:cancel')}
        onConfirm={upload}
        onCancel={() => setPreview(null)}
      />
      {outcome?.kind === 'report' && (
        <div role="status" data-testid="xliff-report">
          <Banner type="success">
            {t('kaijiAdmin:translations:xliff:imported', {
              count: outcome.report.written.length,
              unchanged: outcome.report.unchanged,
            })}
          </Banner>
          <ul className="kaiji-translations__list">
            {outcome.report.written.map((entry) => (
              <li key={entry.file}>
                {label(entry.file)}:{' '}
                {t('kaijiAdmin:translations:xliff:fields', { count: entry.fields.length })}
                {entry.staleUnits.length
                  ? `（${t('kaijiAdmin:translations:xliff:sourceChanged', { count: entry.staleUnits.length })}）`
                  : ''}
              </li>
            ))}
          </ul>
          <BasisNotes notes={basisNotes(outcome.report.written)} />
          <Untranslated segments={outcome.report.untranslatedSegments} />
        </div>
      )}
      {outcome?.kind === 'errors' && (
        <div role="alert" data-testid="xliff-errors">
          <Banner type="error">
            {t('kaijiAdmin:translations:xliff:refused', { status: outcome.status })}
          </Banner>
          <ul className="kaiji-translations__list">
            {outcome.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
