import { checkSourceConfirmation, diffSourceContent, isStale } from '@/workflow/sourceTracking'
import { paragraphsToRichText } from '@/utilities/lexical'

describe('source tracking (pure)', () => {
  it('a translation is stale only when its recorded source differs from the approved one', () => {
    expect(isStale('a', 'a')).toBe(false)
    expect(isStale('a', 'b')).toBe(true)
    // Never submitted (no basis), or a source never approved: nothing to be behind.
    expect(isStale(null, 'b')).toBe(false)
    expect(isStale('a', null)).toBe(false)
  })

  it('diffs the old and new source field by field, word by word, with groups as dotted names', () => {
    const before = {
      name: '地図',
      description: paragraphsToRichText(['地図を表示するために位置情報を使います。']),
      columnLabels: { type: 'タイプ', description: '説明' },
      order: 3,
    }
    const after = {
      name: '地図サービス',
      description: paragraphsToRichText(['地図を表示するために位置情報と検索語を使います。']),
      columnLabels: { type: 'タイプ', description: '内容' },
      order: 3,
    }
    const changes = diffSourceContent(before, after)
    expect(changes.map((change) => change.field)).toEqual([
      'name',
      'description',
      'columnLabels.description',
    ])
    const description = changes.find((change) => change.field === 'description')
    expect(description?.changes.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'insert', text: 'と検索語' },
    ])
    expect(description?.changes.map((part) => part.text).join('')).toBe(
      '地図を表示するために位置情報と検索語を使います。',
    )
    // Nothing recorded before: every present field is new.
    expect(diffSourceContent(null, { name: '地図' })).toEqual([
      { field: 'name', before: null, after: '地図', changes: [{ kind: 'insert', text: '地図' }] },
    ])
    expect(diffSourceContent(before, before)).toEqual([])
  })

  it('confirming a source change: a reviewer, a translation, a reason, and a stale translation', () => {
    const reviewer = { role: 'legal-reviewer' as const }
    const base = { actor: reviewer, locale: 'en', reason: 'Only punctuation changed', stale: true }
    expect(checkSourceConfirmation(base)).toEqual({ ok: true })
    expect(checkSourceConfirmation({ ...base, actor: { role: 'admin' } })).toEqual({ ok: true })
    expect(checkSourceConfirmation({ ...base, locale: 'ja' })).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(checkSourceConfirmation({ ...base, reason: '  ' })).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(
      checkSourceConfirmation({ ...base, actor: { role: 'translator', assignedLocales: ['en'] } }),
    ).toMatchObject({ ok: false, status: 403 })
    expect(checkSourceConfirmation({ ...base, actor: { role: 'legal-editor' } })).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(checkSourceConfirmation({ ...base, stale: false })).toMatchObject({
      ok: false,
      status: 409,
    })
  })
})
