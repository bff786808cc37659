import {
  actorLabelFor,
  actorLabelsFor,
  describeActor,
  lastActionFor,
  optionalActorLabelFor,
  parseActorLabel,
  releaseSourcesFor,
} from '@/audit/actorLabel'
import { queriedFields, sortPaths, sortWithout, wherePaths } from '@/audit/presentActors'

const admin = { role: 'admin' }
const READERS = [
  { role: 'legal-editor' },
  { role: 'legal-reviewer' },
  { role: 'translator' },
  null,
  undefined,
]

const rei = { id: 4, name: 'Rei Tanaka', email: 'rei.tanaka@example.org', role: 'legal-reviewer' }
const nameless = { id: 7, name: null, email: 'ed.itor@example.org', role: 'legal-editor' }

describe('actor labels (pure)', () => {
  it('stores name, email, role and id; system for unattended writes', () => {
    expect(describeActor(rei)).toBe('Rei Tanaka <rei.tanaka@example.org> (legal-reviewer #4)')
    expect(describeActor(nameless)).toBe('<ed.itor@example.org> (legal-editor #7)')
    expect(describeActor(null)).toBe('system')
    expect(parseActorLabel(describeActor(rei))).toEqual({
      name: 'Rei Tanaka',
      email: 'rei.tanaka@example.org',
      role: 'legal-reviewer',
      id: '4',
    })
    // Labels stored before ids were added.
    expect(parseActorLabel('Rei <rei@example.org> (legal-reviewer)')).toEqual({
      name: 'Rei',
      email: 'rei@example.org',
      role: 'legal-reviewer',
      id: null,
    })
    expect(parseActorLabel('seed import (first start)')).toBeNull()
  })

  it('an administrator sees the label as stored: name and email', () => {
    expect(actorLabelFor(describeActor(rei), admin)).toBe(
      'Rei Tanaka <rei.tanaka@example.org> (legal-reviewer #4)',
    )
    expect(actorLabelFor(describeActor(nameless), admin)).toBe(
      '<ed.itor@example.org> (legal-editor #7)',
    )
  })

  it.each(READERS)(
    'reader %p sees names, or role and id, never an address or a part of it',
    (reader) => {
      expect(actorLabelFor(describeActor(rei), reader)).toBe('Rei Tanaka (legal-reviewer)')
      expect(actorLabelFor(describeActor(nameless), reader)).toBe('legal-editor #7')
      expect(actorLabelFor('<ed.itor@example.org> (legal-editor)', reader)).toBe(
        'legal-editor (unnamed)',
      )
      expect(actorLabelFor('Rei <rei@example.org> (legal-reviewer)', reader)).toBe(
        'Rei (legal-reviewer)',
      )
      for (const label of [describeActor(nameless), '<ed.itor@example.org> (legal-editor)'])
        expect(actorLabelFor(label, reader)).not.toMatch(/ed\.itor|@/)
    },
  )

  it('a name that holds an address, or brackets, cannot smuggle the address through', () => {
    const sneaky = {
      id: 9,
      name: 'ed.itor@example.org',
      email: 'x@example.org',
      role: 'translator',
    }
    expect(actorLabelFor(describeActor(sneaky), { role: 'translator' })).toBe('translator #9')
    const bracketed = {
      id: 10,
      name: 'Bob <bob@example.org> (admin #1)',
      email: 'real@example.org',
      role: 'legal-editor',
    }
    expect(parseActorLabel(describeActor(bracketed))?.email).toBe('real@example.org')
    expect(actorLabelFor(describeActor(bracketed), { role: 'legal-editor' })).toBe(
      'legal-editor #10',
    )
    const spaced = { id: 11, name: '  ', email: 'sp@example.org', role: 'legal-editor' }
    expect(actorLabelFor(describeActor(spaced), { role: 'legal-editor' })).toBe('legal-editor #11')
  })

  it('labels that are not a person pass unchanged; an unknown shape loses any address', () => {
    for (const label of ['system', 'seed import (first start)'])
      expect(actorLabelFor(label, { role: 'translator' })).toBe(label)
    expect(actorLabelFor('imported by ops@example.org on 1 May', { role: 'translator' })).toBe(
      'imported by [email hidden] on 1 May',
    )
    expect(actorLabelFor('imported by ops@example.org on 1 May', admin)).toBe(
      'imported by ops@example.org on 1 May',
    )
  })

  it('fields: nullable labels, lists of labels, a last action', () => {
    const reader = { role: 'legal-editor' }
    expect(optionalActorLabelFor(null, reader)).toBeNull()
    expect(optionalActorLabelFor(describeActor(rei), reader)).toBe('Rei Tanaka (legal-reviewer)')
    expect(actorLabelsFor([describeActor(rei), describeActor(nameless)], reader)).toEqual([
      'Rei Tanaka (legal-reviewer)',
      'legal-editor #7',
    ])
    expect(actorLabelsFor(null, reader)).toBeNull()
    const action = {
      action: 'approve',
      by: describeActor(rei),
      at: '2026-01-01T00:00:00.000Z',
      reason: null,
    }
    expect(lastActionFor(action, reader)).toEqual({ ...action, by: 'Rei Tanaka (legal-reviewer)' })
    expect(lastActionFor(action, admin)).toEqual(action)
    expect(lastActionFor(null, reader)).toBeNull()
    expect(lastActionFor(['x'], reader)).toEqual(['x'])
    const sources = [
      { subject: 'partners-page', contentHash: 'h', approvedBy: describeActor(nameless) },
      { subject: 'x', contentHash: 'h', approvedBy: null },
    ]
    expect(releaseSourcesFor(sources, reader)).toEqual([
      { ...sources[0], approvedBy: 'legal-editor #7' },
      sources[1],
    ])
    expect(releaseSourcesFor(sources, admin)).toEqual(sources)
    expect(releaseSourcesFor(null, reader)).toBeNull()
  })
})

describe('queries by actor fields (pure)', () => {
  it('finds the fields a where or sort names, through and/or and dotted paths', () => {
    const where = {
      and: [
        { locale: { equals: 'ja' } },
        { or: [{ 'lastAction.by': { like: 'a' } }, { state: { equals: 'draft' } }] },
      ],
    }
    expect(wherePaths(where).sort()).toEqual(['lastAction.by', 'locale', 'state'])
    expect(sortPaths('-approvedBy,locale')).toEqual(['approvedBy', 'locale'])
    expect(sortPaths(['-publishedAt', 'approvers'])).toEqual(['publishedAt', 'approvers'])
    expect(sortPaths(undefined)).toEqual([])
    expect(queriedFields(['approvedBy', 'lastAction'], where, '-approvedBy')).toEqual([
      'lastAction',
      'approvedBy',
    ])
    expect(
      queriedFields(
        ['approvedBy', 'lastAction'],
        { OR: [{ approvedBy: { exists: true } }] },
        undefined,
      ),
    ).toEqual(['approvedBy'])
    expect(queriedFields(['publishedBy'], { locale: { equals: 'ja' } }, '-publishedAt')).toEqual([])
  })

  it('drops the sort terms on actor fields, keeping the others and their direction', () => {
    expect(sortWithout(['publishedBy', 'approvers'], '-publishedBy')).toBeUndefined()
    expect(sortWithout(['publishedBy', 'approvers'], 'locale,-publishedBy, -number')).toBe(
      'locale,-number',
    )
    expect(sortWithout(['lastAction'], ['-lastAction.by', 'key'])).toBe('key')
    expect(sortWithout(['publishedBy'], undefined)).toBeUndefined()
  })
})
