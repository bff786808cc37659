import {
  availableActions,
  checkAction,
  type ActionUser,
  type AvailableAction,
  type DocumentFacts,
} from '@/workflow/availableActions'
import { ENDPOINT_ACTIONS, WORKFLOW_STATES, type WorkflowState } from '@/workflow/types'

const admin: ActionUser = { id: 1, role: 'admin' }
const editor: ActionUser = { id: 2, role: 'legal-editor' }
const reviewer: ActionUser = { id: 3, role: 'legal-reviewer' }
const translator: ActionUser = { id: 4, role: 'translator', assignedLocales: ['en'] }
const USERS = { admin, editor, reviewer, translator }

const doc = (overrides: Partial<DocumentFacts> = {}): DocumentFacts => ({
  hasContent: true,
  editedSinceApproval: [],
  stale: false,
  ...overrides,
})

describe('availableActions: one rule for the endpoint, the dashboard and the Review panel', () => {
  // user, locale, state, document facts → what the user is offered, in this order.
  it.each<[string, ActionUser, string, WorkflowState | null, DocumentFacts, AvailableAction[]]>([
    ['editor, ja draft', editor, 'ja', 'draft', doc(), ['edit', 'submit']],
    ['editor, ja changes requested', editor, 'ja', 'changes_requested', doc(), ['edit', 'submit']],
    ['editor, ja in review', editor, 'ja', 'in_review', doc(), ['edit', 'withdraw']],
    ['editor, ja approved', editor, 'ja', 'approved', doc(), ['edit']],
    ['editor, en draft (any locale)', editor, 'en', 'draft', doc(), ['edit', 'submit']],
    ['reviewer, ja draft', reviewer, 'ja', 'draft', doc(), []],
    ['reviewer, ja in review', reviewer, 'ja', 'in_review', doc(), ['approve', 'request-changes']],
    ['reviewer, published', reviewer, 'ja', 'published', doc(), []],
    [
      'four-eyes: the reviewer edited it',
      reviewer,
      'ja',
      'in_review',
      doc({ editedSinceApproval: ['3'] }),
      ['request-changes'],
    ],
    [
      'four-eyes: someone else edited it',
      reviewer,
      'ja',
      'in_review',
      doc({ editedSinceApproval: ['2'] }),
      ['approve', 'request-changes'],
    ],
    [
      'admins are held to four-eyes too',
      admin,
      'en',
      'in_review',
      doc({ editedSinceApproval: ['1'] }),
      ['edit', 'request-changes'],
    ],
    ['admins edit but do not submit', admin, 'ja', 'draft', doc(), ['edit']],
    [
      'stale translation in review: no approve, confirm instead',
      reviewer,
      'en',
      'in_review',
      doc({ stale: true }),
      ['request-changes', 'confirm-source'],
    ],
    [
      'stale approved translation: confirm only',
      reviewer,
      'en',
      'approved',
      doc({ stale: true }),
      ['confirm-source'],
    ],
    [
      'stale but empty: still the reviewer may confirm',
      reviewer,
      'en',
      'draft',
      doc({ stale: true, hasContent: false }),
      ['confirm-source'],
    ],
    ['translator, own locale, draft', translator, 'en', 'draft', doc(), ['edit', 'submit']],
    ['translator, own locale, no row yet', translator, 'en', null, doc(), ['edit', 'submit']],
    [
      'translator, own locale, nothing written: nothing to submit',
      translator,
      'en',
      null,
      doc({ hasContent: false }),
      ['edit'],
    ],
    [
      'translator, own locale, in review',
      translator,
      'en',
      'in_review',
      doc(),
      ['edit', 'withdraw'],
    ],
    ['translator, other locale', translator, 'fr', 'draft', doc(), []],
    ['translator, the source', translator, 'ja', 'draft', doc(), []],
    [
      'translator never approves or confirms',
      translator,
      'en',
      'in_review',
      doc({ stale: true }),
      ['edit', 'withdraw'],
    ],
  ])('%s', (_name, user, locale, state, document, expected) => {
    expect(availableActions(user, document, locale, state)).toEqual(expected)
  })

  /** The rule as the README's workflow table states it, written independently of the code. */
  const spec = (
    user: ActionUser,
    document: DocumentFacts,
    locale: string,
    state: WorkflowState,
  ): AvailableAction[] => {
    const editsContent =
      user.role === 'admin' ||
      user.role === 'legal-editor' ||
      (user.role === 'translator' && locale !== 'ja' && !!user.assignedLocales?.includes(locale))
    const submits = editsContent && user.role !== 'admin'
    const reviews = user.role === 'legal-reviewer' || user.role === 'admin'
    const editedIt = document.editedSinceApproval.includes(String(user.id))
    const offered: Array<[AvailableAction, boolean]> = [
      ['edit', editsContent],
      ['submit', submits && ['draft', 'changes_requested'].includes(state) && document.hasContent],
      ['withdraw', submits && state === 'in_review'],
      ['approve', reviews && state === 'in_review' && !editedIt && !document.stale],
      ['request-changes', reviews && state === 'in_review'],
      ['confirm-source', reviews && locale !== 'ja' && document.stale],
    ]
    return offered.filter(([, allowed]) => allowed).map(([action]) => action)
  }

  const combinations = Object.entries(USERS).flatMap(([name, user]) =>
    ['ja', 'en', 'fr'].map((locale) => [name, locale, user] as const),
  )

  it.each(combinations)(
    '%s in %s: every state × four-eyes × stale × empty follows the table',
    (_name, locale, user) => {
      for (const state of WORKFLOW_STATES)
        for (const editedIt of [false, true])
          for (const stale of [false, true])
            for (const hasContent of [true, false]) {
              const document = doc({
                hasContent,
                stale,
                editedSinceApproval: editedIt ? [String(user.id)] : ['99'],
              })
              const offered = availableActions(user, document, locale, state)
              expect({ state, editedIt, stale, hasContent, offered }).toEqual({
                state,
                editedIt,
                stale,
                hasContent,
                offered: spec(user, document, locale, state),
              })
              // The endpoint accepts (given a reason where one is needed) exactly what is offered.
              for (const action of ENDPOINT_ACTIONS) {
                const check = checkAction({ user, document, locale, state, action, reason: 'r' })
                expect([action, check.ok]).toEqual([action, offered.includes(action)])
              }
            }
    },
  )

  it('the endpoint explains a refusal with its status', () => {
    const inReview = { locale: 'en', state: 'in_review' as const, reason: 'r' }
    expect(
      checkAction({
        ...inReview,
        user: reviewer,
        document: doc({ stale: true }),
        action: 'approve',
      }),
    ).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/source changed/) })
    expect(
      checkAction({
        ...inReview,
        user: reviewer,
        document: doc({ editedSinceApproval: ['3'] }),
        action: 'approve',
      }),
    ).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/Four-eyes/) })
    expect(
      checkAction({
        user: translator,
        document: doc({ hasContent: false }),
        locale: 'en',
        state: 'draft',
        action: 'submit',
      }),
    ).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/nothing to submit/) })
    // A missing reason, or confirming the source itself, is a bad request.
    expect(
      checkAction({
        ...inReview,
        user: reviewer,
        document: doc(),
        action: 'request-changes',
        reason: ' ',
      }),
    ).toMatchObject({ ok: false, status: 400 })
    expect(
      checkAction({
        ...inReview,
        user: reviewer,
        document: doc(),
        locale: 'ja',
        action: 'confirm-source',
      }),
    ).toMatchObject({ ok: false, status: 400 })
  })
})
