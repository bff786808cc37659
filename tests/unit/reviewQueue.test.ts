import type { WorkflowState as WorkflowStateRow } from '@/payload-types'
import {
  buildReviewQueue,
  type QueueDocument,
  type QueueViewer,
  type ReviewQueue,
} from '@/translations/reviewQueue'

const label = (name: string, email: string, role: string, id: number) =>
  `${name} <${email}> (${role} #${id})`
const EDITOR = label('Aoki', 'aoki@example.org', 'legal-editor', 9)
const REVIEWER = label('Sato', 'sato@example.org', 'legal-reviewer', 20)
const TRANSLATOR_EN = label('Smith', 'smith@example.org', 'translator', 7)
const TRANSLATOR_FR = label('Dupont', 'dupont@example.org', 'translator', 10)

let nextId = 1
const row = (
  key: string,
  locale: string,
  fields: Partial<WorkflowStateRow> & {
    last?: { action: string; by: string; at: string; reason?: string | null }
  },
): [string, WorkflowStateRow] => {
  const { last, ...rest } = fields
  return [
    `${key}:${locale}`,
    {
      id: nextId++,
      key: `${key}:${locale}`,
      subject: key,
      locale,
      state: 'draft',
      editedSinceApproval: [],
      lastAction: last ? { reason: null, ...last } : null,
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      ...rest,
    },
  ]
}

const MAPS = 'partner-categories:1'
const SMS = 'partner-categories:2'
const SUPPORT = 'partner-categories:3'
const PAGE = 'partners-page'

const everywhere = { ja: true, en: true, fr: true, ru: true }
const documents: QueueDocument[] = [
  { kind: 'page', id: null, key: PAGE, titles: { ja: 'Page', en: 'Page' }, hasContent: everywhere },
  {
    kind: 'category',
    id: 1,
    key: MAPS,
    titles: { ja: '🗺️ 地図', en: '🗺️ Maps', fr: '🗺️ Cartes' },
    hasContent: everywhere,
  },
  {
    kind: 'category',
    id: 2,
    key: SMS,
    titles: { ja: '📱 SMS プロバイダー', en: '📱 SMS providers', fr: null },
    hasContent: everywhere,
  },
  {
    kind: 'category',
    id: 3,
    key: SUPPORT,
    titles: { ja: '💬 サポート' },
    hasContent: { ja: true },
  },
]

const rows = new Map<string, WorkflowStateRow>([
  row(MAPS, 'ja', {
    state: 'in_review',
    editedSinceApproval: ['9'],
    last: {
      action: 'submit',
      by: EDITOR,
      at: '2026-03-02T01:00:00.000Z',
      reason: '表現を修正しました。',
    },
  }),
  row(MAPS, 'en', {
    state: 'changes_requested',
    editedSinceApproval: ['7'],
    last: {
      action: 'request-changes',
      by: REVIEWER,
      at: '2026-03-01T01:00:00.000Z',
      reason: 'Use “partners”, not “vendors”.',
    },
  }),
  row(MAPS, 'fr', {
    state: 'in_review',
    editedSinceApproval: ['10'],
    last: { action: 'submit', by: TRANSLATOR_FR, at: '2026-03-01T05:00:00.000Z' },
  }),
  row(SMS, 'ja', {
    state: 'published',
    approvedHash: 'S2',
    approvedAt: '2026-02-20T00:00:00.000Z',
    approvedBy: REVIEWER,
  }),
  row(SMS, 'en', {
    state: 'approved',
    sourceHash: 'S1',
    approvedHash: 'E1',
    last: { action: 'approve', by: REVIEWER, at: '2026-02-01T00:00:00.000Z' },
  }),
  row(SMS, 'fr', {
    state: 'draft',
    editedSinceApproval: ['10'],
    last: { action: 'edit', by: TRANSLATOR_FR, at: '2026-03-03T00:00:00.000Z' },
  }),
  row(SMS, 'ru', {
    state: 'changes_requested',
    editedSinceApproval: ['11'],
    last: {
      action: 'request-changes',
      by: REVIEWER,
      at: '2026-03-04T00:00:00.000Z',
      reason: 'Typo.',
    },
  }),
  row(SUPPORT, 'ja', {
    state: 'changes_requested',
    editedSinceApproval: ['9'],
    last: {
      action: 'request-changes',
      by: REVIEWER,
      at: '2026-02-25T00:00:00.000Z',
      reason: '出典を示してください。',
    },
  }),
  row(PAGE, 'ja', {
    state: 'draft',
    editedSinceApproval: ['9'],
    last: { action: 'edit', by: EDITOR, at: '2026-03-05T00:00:00.000Z' },
  }),
  row(PAGE, 'en', {
    state: 'draft',
    editedSinceApproval: ['7'],
    last: { action: 'edit', by: TRANSLATOR_EN, at: '2026-03-06T00:00:00.000Z' },
  }),
])

const viewers: Record<string, QueueViewer> = {
  admin: { id: 1, role: 'admin' },
  reviewer: { id: 20, role: 'legal-reviewer' },
  editor: { id: 9, role: 'legal-editor' },
  editor2: { id: 11, role: 'legal-editor' },
  translatorEn: { id: 7, role: 'translator', assignedLocales: ['en'] },
  translatorFr: { id: 10, role: 'translator', assignedLocales: ['fr'] },
  translatorRu: { id: 12, role: 'translator', assignedLocales: ['ru'] },
}

const queueOf = (viewer: QueueViewer) => buildReviewQueue({ viewer, documents, rows })

const summary = (queue: ReviewQueue) =>
  queue.sections.flatMap(({ section, entries }) =>
    entries.map((entry) => `${section} ${entry.key} ${entry.locale}`),
  )

describe('review queue (pure)', () => {
  it.each([
    [
      'reviewer',
      // Oldest first: the fr submission waits longer than the ja one.
      [`in_review ${MAPS} fr`, `in_review ${MAPS} ja`, `stale ${SMS} en`],
    ],
    [
      'admin',
      [
        `in_review ${MAPS} fr`,
        `in_review ${MAPS} ja`,
        `stale ${SMS} en`,
        `changes_requested ${SUPPORT} ja`,
        `changes_requested ${MAPS} en`,
        `changes_requested ${SMS} ru`,
      ],
    ],
    // A legal editor: what was sent back in the source (and what they edited), their own drafts.
    ['editor', [`changes_requested ${SUPPORT} ja`, `draft ${PAGE} ja`]],
    ['editor2', [`changes_requested ${SUPPORT} ja`, `changes_requested ${SMS} ru`]],
    // Translators: only their locales; no in-review items (they do not decide).
    ['translatorEn', [`stale ${SMS} en`, `changes_requested ${MAPS} en`, `draft ${PAGE} en`]],
    ['translatorFr', [`draft ${SMS} fr`]],
    ['translatorRu', [`changes_requested ${SMS} ru`]],
  ])('%s sees what waits for them', (name, expected) => {
    const viewer = viewers[name]
    if (!viewer) throw new Error(name)
    const queue = queueOf(viewer)
    expect(summary(queue)).toEqual(expected)
    expect(queue.total).toBe(expected.length)
  })

  it('a translator never sees another locale', () => {
    for (const name of ['translatorEn', 'translatorFr', 'translatorRu'] as const) {
      const viewer = viewers[name]!
      const locales = summary(queueOf(viewer)).map((line) => line.split(' ')[2])
      expect(locales.every((locale) => viewer.assignedLocales?.includes(locale as 'en'))).toBe(true)
    }
  })

  it('an entry names the document, who, when and the note, and links to it in its locale', () => {
    const reviewerQueue = queueOf(viewers.reviewer!)
    const ja = reviewerQueue.sections[0]!.entries.find((entry) => entry.locale === 'ja')
    expect(ja).toMatchObject({
      title: '🗺️ 地図',
      titleFromSource: false,
      state: 'in_review',
      stale: false,
      // A non-admin sees name and role, never an email.
      by: 'Aoki (legal-editor)',
      at: '2026-03-02T01:00:00.000Z',
      note: '表現を修正しました。',
      href: '/admin/collections/partner-categories/1?locale=ja',
      actions: ['approve', 'request-changes'],
    })
    const fr = reviewerQueue.sections[0]!.entries.find((entry) => entry.locale === 'fr')
    expect(fr?.note).toBeNull()

    const stale = reviewerQueue.sections[1]!.entries[0]
    // Who and when the Japanese source moved on.
    expect(stale).toMatchObject({
      section: 'stale',
      state: 'approved',
      stale: true,
      by: 'Sato (legal-reviewer)',
      at: '2026-02-20T00:00:00.000Z',
      note: null,
      actions: ['confirm-source'],
    })

    const adminQueue = queueOf(viewers.admin!)
    const sentBack = adminQueue.sections.find(({ section }) => section === 'changes_requested')
    // Administrators see the stored label, email included.
    expect(sentBack?.entries[0]).toMatchObject({ by: REVIEWER, note: '出典を示してください。' })
  })

  it('the reason of a sent-back document, and the Japanese title where the locale has none', () => {
    const [sentBack, draft] = queueOf(viewers.editor!).sections
    expect(sentBack?.entries[0]).toMatchObject({
      note: '出典を示してください。',
      by: 'Sato (legal-reviewer)',
    })
    expect(draft?.entries[0]).toMatchObject({
      kind: 'page',
      href: '/admin/globals/partners-page?locale=ja',
      note: null,
    })
    const fr = queueOf(viewers.translatorFr!).sections[0]!.entries[0]
    expect(fr).toMatchObject({ title: '📱 SMS プロバイダー', titleFromSource: true })
    expect(queueOf(viewers.translatorRu!).sections[0]!.entries[0]!.title).toBe(
      '📱 SMS プロバイダー',
    )
  })

  it('four eyes: a reviewer who edited the document may not approve it', () => {
    const edited = new Map(rows)
    const [key, mapsJa] = row(MAPS, 'ja', {
      state: 'in_review',
      editedSinceApproval: ['20'],
      last: { action: 'submit', by: REVIEWER, at: '2026-03-02T01:00:00.000Z' },
    })
    edited.set(key, mapsJa)
    const queue = buildReviewQueue({ viewer: viewers.reviewer!, documents, rows: edited })
    const entry = queue.sections[0]!.entries.find((candidate) => candidate.locale === 'ja')
    expect(entry?.actions).toEqual(['request-changes'])
  })

  it('a stale translation in review stays in review, flagged', () => {
    const edited = new Map(rows)
    const [key, smsEn] = row(SMS, 'en', {
      state: 'in_review',
      sourceHash: 'S1',
      last: { action: 'submit', by: TRANSLATOR_EN, at: '2026-03-07T00:00:00.000Z', reason: 'Done' },
    })
    edited.set(key, smsEn)
    const queue = buildReviewQueue({ viewer: viewers.reviewer!, documents, rows: edited })
    expect(summary(queue)).toEqual([
      `in_review ${MAPS} fr`,
      `in_review ${MAPS} ja`,
      `in_review ${SMS} en`,
    ])
    expect(queue.sections[0]!.entries[2]).toMatchObject({ stale: true, note: 'Done' })
  })

  it('an empty queue has no sections', () => {
    expect(buildReviewQueue({ viewer: viewers.reviewer!, documents, rows: new Map() })).toEqual({
      sections: [],
      total: 0,
    })
  })
})
