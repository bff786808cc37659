import {
  buildOverview,
  cellActions,
  cellStatus,
  type LocaleFacts,
  type OverviewSubject,
} from '@/translations/overview'

const facts = (overrides: Partial<LocaleFacts> = {}): LocaleFacts => ({
  hasContent: true,
  state: 'draft',
  sourceHash: null,
  editedSinceApproval: [],
  ...overrides,
})
const translator = { id: 7, role: 'translator' as const, assignedLocales: ['en'] }
const reviewer = { id: 8, role: 'legal-reviewer' as const }
const editor = { id: 9, role: 'legal-editor' as const }

describe('translation overview (pure)', () => {
  it('a cell is missing, stale, or its workflow state', () => {
    expect(cellStatus(facts({ hasContent: false, state: null }), 'h1')).toBe('missing')
    expect(cellStatus(facts({ hasContent: false, state: 'draft' }), 'h1')).toBe('missing')
    // Emptied but submitted: the reviewer must still see it.
    expect(cellStatus(facts({ hasContent: false, state: 'in_review' }), 'h1')).toBe('in_review')
    expect(cellStatus(facts({ state: null }), 'h1')).toBe('draft')
    expect(cellStatus(facts({ state: 'approved', sourceHash: 'h0' }), 'h1')).toBe('stale')
    expect(cellStatus(facts({ state: 'approved', sourceHash: 'h1' }), 'h1')).toBe('approved')
    expect(cellStatus(facts({ state: 'published', sourceHash: null }), 'h1')).toBe('published')
  })

  it('each viewer gets only the actions the workflow would allow them', () => {
    const inReview = facts({ state: 'in_review', sourceHash: 'h1', editedSinceApproval: ['7'] })
    expect(cellActions(translator, 'en', inReview, false)).toEqual(['edit', 'withdraw'])
    expect(cellActions(translator, 'fr', inReview, false)).toEqual([])
    expect(cellActions(translator, 'ja', inReview, false)).toEqual([])
    expect(cellActions(reviewer, 'en', inReview, false)).toEqual(['approve', 'request-changes'])
    expect(cellActions(reviewer, 'en', inReview, true)).toEqual([
      'request-changes',
      'confirm-source',
    ])
    expect(cellActions(editor, 'en', inReview, false)).toEqual(['edit', 'withdraw'])
    // Four eyes: whoever edited since the last approval does not see Approve.
    expect(cellActions({ id: 7, role: 'admin' }, 'en', inReview, false)).toEqual([
      'edit',
      'request-changes',
    ])
    expect(cellActions(translator, 'en', facts({ hasContent: false, state: null }), false)).toEqual(
      ['edit'],
    )
    expect(cellActions(translator, 'en', facts({ state: 'changes_requested' }), false)).toEqual([
      'edit',
      'submit',
    ])
  })

  it('rows per document, columns per visible locale, totals of live documents', () => {
    const subjects: OverviewSubject[] = [
      {
        kind: 'page',
        id: null,
        key: 'partners-page',
        label: 'Partners page',
        retired: false,
        locales: {
          ja: facts({ state: 'published' }),
          en: facts({ hasContent: false, state: null }),
        },
      },
      {
        kind: 'category',
        id: 3,
        key: 'partner-categories:3',
        label: '🗺 地図',
        retired: false,
        locales: {
          ja: facts({ state: 'approved' }),
          en: facts({ state: 'approved', sourceHash: 'old' }),
        },
      },
      {
        kind: 'category',
        id: 4,
        key: 'partner-categories:4',
        label: 'Old',
        retired: true,
        locales: { ja: facts({ state: 'published' }) },
      },
    ]
    const overview = buildOverview({
      subjects,
      sourceApprovedHashes: new Map([['partner-categories:3', 'new']]),
      viewer: translator,
      locales: ['en'],
    })
    expect(overview.locales).toEqual(['en'])
    expect(overview.rows.map((row) => [row.key, row.cells.en?.status])).toEqual([
      ['partners-page', 'missing'],
      ['partner-categories:3', 'stale'],
      ['partner-categories:4', 'missing'],
    ])
    expect(overview.rows[1]?.cells.en?.href).toBe(
      '/admin/collections/partner-categories/3?locale=en',
    )
    expect(overview.rows[0]?.cells.en?.href).toBe('/admin/globals/partners-page?locale=en')
    expect(overview.totals.en).toMatchObject({ missing: 1, stale: 1, approved: 0 })
  })
})
