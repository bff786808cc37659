'use client'

import { Button, useConfig, useLocale } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { SOURCE_LOCALE } from '../config/locales'
import type { ReleaseDiff } from '../releases/types'

type ReleaseSummary = {
  number: number
  summary: string
  changeType: string
  effectiveAt: string
  publishedAt: string
  publishedBy: string
  sourceReleaseNumber?: number | null
  status?: string
}
type SourceRelease = {
  number: number
  effectiveAt: string
  standing: 'current' | 'upcoming' | 'past'
}
type Preview = {
  locale: string
  canPublish: boolean
  materialNoticeDays: number
  missing: string[]
  unchanged: boolean
  diff: ReleaseDiff | null
  current: ReleaseSummary | null
  releases: ReleaseSummary[]
  /** When a publish now would take effect and why (a translation waits for the Japanese release it translates). */
  effective: {
    at: string
    sourceRelease: SourceRelease | null
    heldBySource: boolean
    explanation: string
  } | null
  /** Why a publish would be refused: the Japanese text a translation translates is not published yet. */
  sourceRefusal: string | null
}

const changeCount = (diff: ReleaseDiff | null): number =>
  diff
    ? diff.page.length +
      diff.categories.added.length +
      diff.categories.removed.length +
      diff.categories.changed.length
    : 0

const describeChanges = (diff: ReleaseDiff): string[] => [
  ...diff.page.map((field) => `page: ${field.field} changed`),
  ...diff.categories.added.map((category) => `added: ${category.name ?? category.key}`),
  ...diff.categories.removed.map((category) => `removed: ${category.name ?? category.key}`),
  ...diff.categories.changed.map(
    (category) =>
      `${category.name ?? category.key}: ${category.fields.map((field) => field.field).join(', ')} changed`,
  ),
]

/**
 * Above the releases list: what a publish of the admin's current locale would ship (approved content
 * only), and the publish and rollback forms for those allowed to use them.
 */
export const PublishPanel = () => {
  const { code: locale } = useLocale()
  const router = useRouter()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [summary, setSummary] = useState('')
  const [changeType, setChangeType] = useState<'editorial' | 'material'>('editorial')
  const [effectiveAt, setEffectiveAt] = useState('')
  const [urgencyReason, setUrgencyReason] = useState('')
  const [rollbackTo, setRollbackTo] = useState('')
  const [rollbackReason, setRollbackReason] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const [loadError, setLoadError] = useState<string | null>(null)

  const load = useCallback(
    async (isCurrent: () => boolean = () => true) => {
      try {
        const response = await fetch(
          `${api}/releases/preview?locale=${encodeURIComponent(locale)}`,
          { credentials: 'include' },
        )
        const body = (await response.json()) as Preview & { errors?: Array<{ message: string }> }
        if (!isCurrent()) return
        if (response.ok) {
          setPreview(body)
          setLoadError(null)
        } else
          setLoadError(
            body.errors?.[0]?.message ?? `Could not load the release status (${response.status}).`,
          )
      } catch {
        if (isCurrent()) setLoadError('Could not reach the server to load the release status.')
      }
    },
    [api, locale],
  )

  useEffect(() => {
    // A slow answer for the previous locale must not overwrite the one for the locale now shown.
    let current = true
    void load(() => current)
    return () => {
      current = false
    }
  }, [load])

  const post = async (path: string, body: Record<string, unknown>, done: () => void) => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${api}/releases/${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const result = (await response.json().catch(() => ({}))) as {
        errors?: Array<{ message: string }>
        release?: { number: number; effectiveAt: string }
        source?: { explanation: string } | null
        warnings?: string[]
      }
      if (response.ok && result.release) {
        setMessage({
          ok: true,
          text: `Published ${locale} release ${result.release.number}, effective ${new Date(result.release.effectiveAt).toLocaleString()}.${
            result.source ? ` ${result.source.explanation}` : ''
          }${result.warnings?.length ? ` Warning: ${result.warnings.join(' ')}` : ''}`,
        })
        done()
        router.refresh()
      } else {
        setMessage({
          ok: false,
          text: result.errors?.[0]?.message ?? `Failed (${response.status}).`,
        })
      }
    } catch {
      setMessage({ ok: false, text: 'Could not reach the server; nothing was published.' })
    } finally {
      setBusy(false)
    }
    await load()
  }

  if (!preview) {
    return (
      <div
        className="publish-panel gutter--left gutter--right"
        role={loadError ? 'alert' : undefined}
      >
        {loadError ?? 'Loading release status…'}
      </div>
    )
  }
  const changes = preview.diff ? describeChanges(preview.diff) : []
  const ready = preview.missing.length === 0 && !preview.unchanged && !preview.sourceRefusal

  return (
    <section
      className="publish-panel gutter--left gutter--right"
      data-testid="publish-panel"
      style={{ marginBottom: 'calc(var(--base) * 2)' }}
    >
      <h3 style={{ marginBottom: 'calc(var(--base) / 2)' }}>Publish {locale}</h3>
      <p data-testid="publish-current">
        {preview.current
          ? `In effect: release ${preview.current.number} (${preview.current.summary}), since ${new Date(preview.current.effectiveAt).toLocaleString()}.`
          : `No ${locale} release is in effect yet.`}
      </p>
      {preview.releases
        .filter((release) => release.status === 'upcoming')
        .map((release) => (
          <p key={release.number}>
            Upcoming: release {release.number} takes effect{' '}
            {new Date(release.effectiveAt).toLocaleString()} ({release.summary})
            {typeof release.sourceReleaseNumber === 'number'
              ? `, with the Japanese release ${release.sourceReleaseNumber} it translates`
              : ''}
            .
          </p>
        ))}
      {preview.missing.length > 0 && (
        <p data-testid="publish-missing">
          Not ready: no approved {locale} content for {preview.missing.join(', ')}.
        </p>
      )}
      {preview.unchanged && (
        <p data-testid="publish-unchanged">
          Nothing to publish: the approved content is what the newest release holds.
        </p>
      )}
      {!preview.unchanged && preview.sourceRefusal && (
        <p data-testid="publish-source-refusal">Not ready: {preview.sourceRefusal}</p>
      )}
      {ready && preview.effective && (
        <p data-testid="publish-effective">
          {preview.effective.heldBySource
            ? `Would take effect on ${new Date(preview.effective.at).toLocaleString()}. `
            : ''}
          {preview.effective.explanation}
        </p>
      )}
      {ready && changeCount(preview.diff) > 0 && (
        <ul data-testid="publish-changes">
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      )}
      {message && (
        <p
          data-testid="publish-message"
          role="status"
          style={{ color: message.ok ? 'var(--theme-success-500)' : 'var(--theme-error-500)' }}
        >
          {message.text}
        </p>
      )}
      {preview.canPublish && ready && (
        <form
          data-testid="publish-form"
          onSubmit={(event) => {
            event.preventDefault()
            void post(
              'publish',
              {
                locale,
                summary,
                changeType,
                ...(effectiveAt ? { effectiveAt: new Date(effectiveAt).toISOString() } : {}),
                ...(urgencyReason.trim() ? { urgencyReason } : {}),
              },
              () => {
                setSummary('')
                setUrgencyReason('')
                setEffectiveAt('')
              },
            )
          }}
          style={{ display: 'grid', gap: 'calc(var(--base) / 2)', maxWidth: '40rem' }}
        >
          <label>
            Change summary (shown publicly)
            <textarea
              data-testid="publish-summary"
              required
              rows={2}
              style={{ width: '100%' }}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          </label>
          <label>
            Change type{' '}
            <select
              data-testid="publish-change-type"
              value={changeType}
              onChange={(event) => setChangeType(event.target.value as 'editorial' | 'material')}
            >
              <option value="editorial">editorial (wording, no change in substance)</option>
              <option value="material">
                material (needs {preview.materialNoticeDays} days' notice)
              </option>
            </select>
          </label>
          <label>
            Effective at (empty:{' '}
            {locale === SOURCE_LOCALE
              ? 'now'
              : 'now, or when the Japanese text it translates takes effect'}
            ){' '}
            <input
              data-testid="publish-effective-at"
              type="datetime-local"
              value={effectiveAt}
              onChange={(event) => setEffectiveAt(event.target.value)}
            />
          </label>
          {changeType === 'material' && (
            <label>
              Reason for shorter notice (only if effective sooner than {preview.materialNoticeDays}{' '}
              days)
              <textarea
                rows={2}
                style={{ width: '100%' }}
                value={urgencyReason}
                onChange={(event) => setUrgencyReason(event.target.value)}
              />
            </label>
          )}
          <div>
            <Button buttonStyle="primary" disabled={busy || !summary.trim()} type="submit">
              Publish release
            </Button>
          </div>
        </form>
      )}
      {preview.canPublish && preview.releases.length > 1 && (
        <details style={{ marginTop: 'var(--base)' }}>
          <summary>Roll back to an earlier release</summary>
          <form
            data-testid="rollback-form"
            onSubmit={(event) => {
              event.preventDefault()
              void post(
                'rollback',
                { locale, toRelease: Number(rollbackTo), reason: rollbackReason },
                () => setRollbackReason(''),
              )
            }}
            style={{ display: 'grid', gap: 'calc(var(--base) / 2)', maxWidth: '40rem' }}
          >
            <label>
              Release{' '}
              <select
                value={rollbackTo}
                onChange={(event) => setRollbackTo(event.target.value)}
                required
              >
                <option value="">choose…</option>
                {preview.releases
                  .filter((release) => release.status === 'past' || release.status === 'superseded')
                  .map((release) => (
                    <option key={release.number} value={release.number}>
                      {release.number}: {release.summary}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              Reason (required, recorded and shown publicly)
              <textarea
                required
                rows={2}
                style={{ width: '100%' }}
                value={rollbackReason}
                onChange={(event) => setRollbackReason(event.target.value)}
              />
            </label>
            <div>
              <Button
                buttonStyle="secondary"
                disabled={busy || !rollbackTo || !rollbackReason.trim()}
                type="submit"
              >
                Publish the rollback
              </Button>
            </div>
          </form>
        </details>
      )}
    </section>
  )
}
