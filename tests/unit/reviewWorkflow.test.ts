import {
  eventHash,
  firstBrokenLink,
  GENESIS_HASH,
  type AuditFacts,
  type ChainedEvent,
} from '@/audit/auditChain'
import { contentFieldsOf } from '@/workflow/contentFields'
import { hashContent, localeContent } from '@/workflow/contentHash'
import { checkTransition, TRANSITIONS } from '@/workflow/transitions'
import type { WorkflowAction, WorkflowState } from '@/workflow/types'
import { PartnerCategories } from '@collections/PartnerCategories'
import { PartnersPage } from '@collections/PartnersPage'
import { paragraphsToRichText } from '@/utilities/lexical'

const editor = { role: 'legal-editor' as const }
const reviewer = { role: 'legal-reviewer' as const }

describe('checkTransition', () => {
  const base = { actorId: 7, locale: 'ja', editedSinceApproval: [] as string[] }

  it('follows the transition table', () => {
    expect(TRANSITIONS.submit).toMatchObject({
      from: ['draft', 'changes_requested'],
      to: 'in_review',
    })
    expect(checkTransition({ ...base, actor: editor, action: 'submit', state: 'draft' })).toEqual({
      ok: true,
      to: 'in_review',
    })
    expect(
      checkTransition({ ...base, actor: reviewer, action: 'approve', state: 'in_review' }),
    ).toEqual({ ok: true, to: 'approved' })
    expect(
      checkTransition({
        ...base,
        actor: reviewer,
        action: 'request-changes',
        state: 'in_review',
        reason: 'cite Art. 28',
      }),
    ).toEqual({
      ok: true,
      to: 'changes_requested',
    })
    expect(
      checkTransition({ ...base, actor: editor, action: 'withdraw', state: 'in_review' }),
    ).toEqual({ ok: true, to: 'draft' })
  })

  it.each<[WorkflowAction, WorkflowState]>([
    ['submit', 'in_review'],
    ['submit', 'approved'],
    ['withdraw', 'draft'],
    ['approve', 'draft'],
    ['approve', 'approved'],
  ])('%s from %s is a conflict (409)', (action, state) => {
    const actor = TRANSITIONS[action].by === 'editor' ? editor : reviewer
    expect(checkTransition({ ...base, actor, action, state, reason: 'r' })).toMatchObject({
      ok: false,
      status: 409,
    })
  })

  it('checks the reason before the role, and the role before the state', () => {
    expect(
      checkTransition({
        ...base,
        actor: reviewer,
        action: 'request-changes',
        state: 'in_review',
        reason: '  ',
      }),
    ).toMatchObject({
      status: 400,
      message: '"request-changes" needs a reason.',
    })
    expect(
      checkTransition({ ...base, actor: editor, action: 'approve', state: 'draft' }),
    ).toMatchObject({ status: 403 })
  })

  it('scopes translators to their assigned target locales', () => {
    const translator = { role: 'translator' as const, assignedLocales: ['en'] }
    expect(
      checkTransition({
        ...base,
        actor: translator,
        locale: 'en',
        action: 'submit',
        state: 'draft',
      }).ok,
    ).toBe(true)
    expect(
      checkTransition({
        ...base,
        actor: translator,
        locale: 'fr',
        action: 'submit',
        state: 'draft',
      }),
    ).toMatchObject({ status: 403 })
    expect(
      checkTransition({
        ...base,
        actor: translator,
        locale: 'ja',
        action: 'submit',
        state: 'draft',
      }),
    ).toMatchObject({ status: 403 })
    expect(
      checkTransition({
        ...base,
        actor: translator,
        locale: 'en',
        action: 'approve',
        state: 'in_review',
      }),
    ).toMatchObject({ status: 403 })
  })

  it('enforces four-eyes for everyone, admins included', () => {
    for (const actor of [reviewer, { role: 'admin' as const }]) {
      expect(
        checkTransition({
          ...base,
          actor,
          action: 'approve',
          state: 'in_review',
          editedSinceApproval: ['7'],
        }),
      ).toMatchObject({ status: 403, message: expect.stringMatching(/^Four-eyes rule/) })
    }
  })
})

describe('content hashing', () => {
  const fields = contentFieldsOf(PartnerCategories.fields)

  it('derives content fields from the collection config', () => {
    expect(fields).toEqual({
      localized: ['name', 'description', 'dataUsageNote'],
      sourceOnly: ['key', 'icon', 'order', 'retired'],
    })
    expect(contentFieldsOf(PartnersPage.fields)).toEqual({
      localized: ['title', 'intro', 'notNamedNote', 'columnLabels', 'authoritativeLanguageNote'],
      sourceOnly: [],
    })
  })

  it('covers structure in the source locale only, and ignores key order', () => {
    const doc = {
      id: 1,
      key: 'maps',
      icon: '🗺',
      order: 3,
      name: '地図',
      description: paragraphsToRichText(['a']),
      dataUsageNote: null,
      updatedAt: 'x',
    }
    expect(Object.keys(localeContent(doc, fields, 'ja'))).toEqual([
      'key',
      'icon',
      'order',
      'retired',
      'name',
      'description',
      'dataUsageNote',
    ])
    expect(Object.keys(localeContent(doc, fields, 'en'))).toEqual([
      'name',
      'description',
      'dataUsageNote',
    ])
    const reordered = {
      dataUsageNote: null,
      description: paragraphsToRichText(['a']),
      name: '地図',
      order: 3,
      icon: '🗺',
      key: 'maps',
    }
    expect(hashContent(localeContent(reordered, fields, 'ja'))).toBe(
      hashContent(localeContent(doc, fields, 'ja')),
    )
    expect(hashContent(localeContent({ ...doc, icon: '🗺️' }, fields, 'ja'))).not.toBe(
      hashContent(localeContent(doc, fields, 'ja')),
    )
    expect(hashContent(localeContent({ ...doc, icon: '🗺️' }, fields, 'en'))).toBe(
      hashContent(localeContent(doc, fields, 'en')),
    )
  })
})

describe('audit chain', () => {
  const facts = (n: number): AuditFacts => ({
    at: `2026-11-29T00:00:0${n}.000Z`,
    actorId: String(n),
    actorLabel: `user ${n}`,
    action: 'approve',
    subject: 'partner-categories:1',
    locale: 'ja',
    fromState: 'in_review',
    toState: 'approved',
    reason: null,
    contentHash: 'c'.repeat(64),
  })
  const chain = (count: number): ChainedEvent[] => {
    const events: ChainedEvent[] = []
    let previous = GENESIS_HASH
    for (let n = 1; n <= count; n += 1) {
      const hash = eventHash(previous, facts(n))
      events.push({ id: n, facts: facts(n), previousHash: previous, hash })
      previous = hash
    }
    return events
  }

  it('accepts an intact chain', () => {
    expect(firstBrokenLink(chain(5))).toBeNull()
    expect(firstBrokenLink([])).toBeNull()
  })

  it('finds an altered event', () => {
    const events = chain(5)
    events[2] = { ...events[2]!, facts: { ...events[2]!.facts, reason: 'rewritten' } }
    expect(firstBrokenLink(events)).toEqual({
      id: 3,
      position: 2,
      problem: expect.stringMatching(/altered/),
    })
  })

  it('finds a deleted event', () => {
    const events = chain(5)
    events.splice(1, 1)
    expect(firstBrokenLink(events)).toMatchObject({
      id: 3,
      position: 1,
      problem: expect.stringMatching(/previous-hash/),
    })
  })
})
