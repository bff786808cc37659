import { translationStatus } from '@/delivery/views'
import { assembleRelease } from '@/releases/assemble'
import {
  decideSourceBasis,
  cancelledBasisWarning,
  effectiveAfterSource,
  isMatched,
  matchSourceBasis,
  sourceCandidates,
  structureOf,
  type SourceCandidate,
  type SourceFacts,
  waitingOnCancelledSource,
} from '@/releases/sourceBasis'
import type { ReleaseSummary } from '@/releases/types'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-01T00:00:00Z')
const at = (ms: number) => new Date(ms).toISOString()

const PAGE = 'global:partners-page'
const MAPS = 'partner-categories:3'
const SUPPORT = 'partner-categories:7'

/** A source release: its number, effective time, and each document's approved hash. */
const ja = (
  number: number,
  effective: number,
  hashes: Record<string, string>,
  structure = 'S1',
) => ({
  number,
  effectiveAt: at(effective),
  hashes: new Map(Object.entries(hashes)),
  structure,
})

describe('which source releases are asked, in which order', () => {
  it('the one in effect, then the announced ones soonest first, then older ones newest first; never a cancelled one', () => {
    const releases = [
      ja(1, NOW - 30 * DAY, {}),
      ja(2, NOW - 10 * DAY, {}),
      ja(3, NOW + 40 * DAY, {}),
      ja(4, NOW + 20 * DAY, {}),
      // Published after 5 and taking effect no later: 5 is cancelled (superseded) and never served.
      ja(5, NOW + 60 * DAY, {}),
      ja(6, NOW + 50 * DAY, {}),
    ]
    const order = sourceCandidates(releases, NOW).map((release) => [
      release.number,
      release.standing,
    ])
    // 3 (+40 days) is superseded by 4 (+20 days): a later-numbered release that takes effect earlier.
    expect(order).toEqual([
      [2, 'current'],
      [4, 'upcoming'],
      [6, 'upcoming'],
      [1, 'past'],
    ])
  })
})

describe('the source release a translation is based on', () => {
  const candidates = (
    releases: Array<ReturnType<typeof ja>>,
    now = NOW,
  ): Array<SourceCandidate & SourceFacts> =>
    sourceCandidates(releases, now).map((release) => ({
      ...release,
      hashes: release.hashes,
      structure: release.structure,
    }))

  const needs = (hashes: Record<string, string | null>) =>
    Object.entries(hashes).map(([subject, sourceHash]) => ({
      subject,
      label: subject === PAGE ? 'the partners page' : `category "${subject}"`,
      sourceHash,
    }))

  it('a material ja change announced 40 days ahead holds its English translation until that date', () => {
    const releases = [
      ja(1, NOW - DAY, { [PAGE]: 'p1', [MAPS]: 'm1' }),
      ja(2, NOW + 40 * DAY, { [PAGE]: 'p1', [MAPS]: 'm2' }),
    ]
    const match = matchSourceBasis({
      needs: needs({ [PAGE]: 'p1', [MAPS]: 'm2' }),
      structure: 'S1',
      candidates: candidates(releases),
    })
    expect(match.documents.map((document) => document.release?.number)).toEqual([1, 2])
    expect(match.structure).toEqual({ number: 1, effectiveAt: at(NOW - DAY), standing: 'current' })
    const decided = decideSourceBasis('en', match, true)
    expect(decided).toEqual({
      ok: true,
      basis: {
        release: { number: 2, effectiveAt: at(NOW + 40 * DAY), standing: 'upcoming' },
        waitingFor: [`category "${MAPS}"`],
      },
    })
    if (!decided.ok) return
    const effective = effectiveAfterSource({
      locale: 'en',
      requested: null,
      now: NOW,
      basis: decided.basis,
    })
    expect(effective).toEqual({
      ok: true,
      effectiveAt: NOW + 40 * DAY,
      heldBySource: true,
      explanation: `Takes effect on ${at(NOW + 40 * DAY)}, not before: it translates ja release 2 (category "${MAPS}"), announced to take effect then.`,
    })
  })

  it('a translation of the text in effect takes effect at once; one of older text is at once too (it is behind, not ahead)', () => {
    const releases = [
      ja(1, NOW - 9 * DAY, { [PAGE]: 'p1', [MAPS]: 'm1' }),
      ja(2, NOW - DAY, { [PAGE]: 'p1', [MAPS]: 'm2' }),
    ]
    const current = decideSourceBasis(
      'en',
      matchSourceBasis({
        needs: needs({ [PAGE]: 'p1', [MAPS]: 'm2' }),
        structure: 'S1',
        candidates: candidates(releases),
      }),
      true,
    )
    expect(current.ok && current.basis.release).toEqual({
      number: 2,
      effectiveAt: at(NOW - DAY),
      standing: 'current',
    })
    const older = decideSourceBasis(
      'en',
      matchSourceBasis({
        needs: needs({ [PAGE]: 'p1', [MAPS]: 'm1' }),
        structure: 'S1',
        candidates: candidates(releases),
      }),
      true,
    )
    // The page's text is in release 2 (in effect) as well as in 1: the one in effect is asked first.
    expect(older.ok && older.basis.release.number).toBe(2)
    if (!older.ok) return
    const effective = effectiveAfterSource({
      locale: 'en',
      requested: null,
      now: NOW,
      basis: older.basis,
    })
    expect(effective.ok && [effective.effectiveAt, effective.heldBySource]).toEqual([NOW, false])
  })

  it('text that returns (A, then B, then A announced again) waits for the announced A, not the old one', () => {
    const releases = [
      ja(1, NOW - 20 * DAY, { [MAPS]: 'A' }),
      ja(2, NOW - DAY, { [MAPS]: 'B' }),
      ja(3, NOW + 30 * DAY, { [MAPS]: 'A' }),
    ]
    const match = matchSourceBasis({
      needs: needs({ [MAPS]: 'A' }),
      structure: null,
      candidates: candidates(releases),
    })
    expect(match.documents[0]?.release).toEqual({
      number: 3,
      effectiveAt: at(NOW + 30 * DAY),
      standing: 'upcoming',
    })
  })

  it('the category list counts too: a retirement or a new icon announced in ja holds the translation', () => {
    const releases = [
      ja(1, NOW - DAY, { [PAGE]: 'p1' }, 'with internal-tools'),
      ja(2, NOW + 35 * DAY, { [PAGE]: 'p1' }, 'without internal-tools'),
    ]
    const match = matchSourceBasis({
      needs: needs({ [PAGE]: 'p1' }),
      structure: 'without internal-tools',
      candidates: candidates(releases),
    })
    const decided = decideSourceBasis('fr', match, true)
    expect(decided.ok && decided.basis).toEqual({
      release: { number: 2, effectiveAt: at(NOW + 35 * DAY), standing: 'upcoming' },
      waitingFor: ['the list of categories'],
    })
  })

  it('source text in no release (approved, not yet published), a translation with no recorded source, or a category list ja never published: refused, by name', () => {
    const releases = [ja(1, NOW - DAY, { [PAGE]: 'p1', [MAPS]: 'm1', [SUPPORT]: 's1' })]
    const match = matchSourceBasis({
      needs: needs({ [PAGE]: 'p1', [MAPS]: 'm2', [SUPPORT]: null }),
      structure: 'S2',
      candidates: candidates(releases),
    })
    expect(isMatched(match, true)).toBe(false)
    expect(decideSourceBasis('en', match, true)).toEqual({
      ok: false,
      message:
        'Cannot publish en yet: a translation cannot take effect before the ja text it translates is published; ' +
        `the en translation of category "${MAPS}" translates approved ja text that is in no published ja release (publish ja first, or update the translation); ` +
        `the en translation of category "${SUPPORT}" records no approved ja text that it translates (submit it again); ` +
        'the list of categories (which are live, their icons and order) comes from approved ja content that is in no published ja release (publish ja first).',
    })
  })

  it('a translation of text only in a cancelled (superseded) release is refused: that text never takes effect', () => {
    const releases = [
      ja(1, NOW - DAY, { [MAPS]: 'm1' }),
      ja(2, NOW + 40 * DAY, { [MAPS]: 'm2' }),
      ja(3, NOW, { [MAPS]: 'm1' }),
    ]
    const decided = decideSourceBasis(
      'en',
      matchSourceBasis({
        needs: needs({ [MAPS]: 'm2' }),
        structure: null,
        candidates: candidates(releases),
      }),
      false,
    )
    expect(decided.ok).toBe(false)
  })

  it('isMatched: complete once every findable document and the list are found (a translation with no recorded source can never be)', () => {
    const releases = candidates([ja(1, NOW - DAY, { [MAPS]: 'm1' })])
    expect(
      isMatched(
        matchSourceBasis({ needs: needs({ [MAPS]: 'm1' }), structure: 'S1', candidates: releases }),
        true,
      ),
    ).toBe(true)
    expect(
      isMatched(
        matchSourceBasis({ needs: needs({ [MAPS]: null }), structure: null, candidates: releases }),
        false,
      ),
    ).toBe(true)
    expect(
      isMatched(
        matchSourceBasis({ needs: needs({ [MAPS]: 'm2' }), structure: null, candidates: releases }),
        false,
      ),
    ).toBe(false)
    expect(
      isMatched(matchSourceBasis({ needs: [], structure: 'S9', candidates: releases }), true),
    ).toBe(false)
  })
})

describe('the effective time of a translation', () => {
  const basis = (effective: number, standing: SourceCandidate['standing']) => ({
    release: { number: 5, effectiveAt: at(effective), standing },
    waitingFor: ['the partners page'],
  })

  it('is max(requested or now, the source release): a later request is kept, an earlier one refused naming the date', () => {
    const source = basis(NOW + 40 * DAY, 'upcoming')
    const later = effectiveAfterSource({
      locale: 'en',
      requested: NOW + 45 * DAY,
      now: NOW,
      basis: source,
    })
    expect(later.ok && [later.effectiveAt, later.heldBySource]).toEqual([NOW + 45 * DAY, false])
    expect(
      effectiveAfterSource({ locale: 'en', requested: NOW + 40 * DAY, now: NOW, basis: source }),
    ).toMatchObject({ ok: true, effectiveAt: NOW + 40 * DAY })
    expect(
      effectiveAfterSource({ locale: 'en', requested: NOW + 10 * DAY, now: NOW, basis: source }),
    ).toEqual({
      ok: false,
      message:
        `The en release translates ja release 5 (the partners page), which takes effect on ${at(NOW + 40 * DAY)}; ` +
        `it cannot take effect before that (you asked for ${at(NOW + 10 * DAY)}). Omit "effectiveAt" to have it take effect then, or give a later date.`,
    })
  })

  it('says why it takes effect when it does', () => {
    expect(
      effectiveAfterSource({
        locale: 'en',
        requested: null,
        now: NOW,
        basis: basis(NOW - DAY, 'current'),
      }),
    ).toMatchObject({
      ok: true,
      effectiveAt: NOW,
      explanation: 'Takes effect at once: it translates ja release 5, which is in effect.',
    })
    expect(
      effectiveAfterSource({
        locale: 'en',
        requested: null,
        now: NOW,
        basis: basis(NOW - 9 * DAY, 'past'),
      }),
    ).toMatchObject({
      explanation: expect.stringContaining('this translation is behind it'),
    })
  })
})

describe('assembling a target release records the source each translation translates', () => {
  const approval = (
    content: Record<string, unknown>,
    hash: string,
    sourceHash?: string | null,
  ) => ({ content, hash, approvedBy: 'Rev', ...(sourceHash === undefined ? {} : { sourceHash }) })

  it('needs name each document; a source-locale release records none', () => {
    const jaCategory = {
      key: 'maps',
      icon: '🗺️',
      order: 3,
      name: '地図',
      description: null,
      dataUsageNote: null,
    }
    const target = assembleRelease({
      page: { subject: PAGE, ...approval({ title: 'Partners' }, 'en-page', 'ja-page') },
      categories: [
        {
          subject: MAPS,
          source: approval(jaCategory, 'ja-maps'),
          target: approval({ name: 'Maps' }, 'en-maps', null),
        },
      ],
    })
    expect(target.ok && target.needs).toEqual([
      { subject: PAGE, label: 'the partners page', sourceHash: 'ja-page' },
      { subject: MAPS, label: 'category "maps"', sourceHash: null },
    ])
    expect(target.ok && target.sources.map((source) => source.sourceHash)).toEqual([
      'ja-page',
      null,
    ])
    expect(target.ok && structureOf(target.content)).toBe('[["maps","🗺️",3]]')
    const source = assembleRelease({
      page: { subject: PAGE, ...approval({ title: '取引先' }, 'ja-page') },
      categories: [
        {
          subject: MAPS,
          source: approval(jaCategory, 'ja-maps'),
          target: approval(jaCategory, 'ja-maps'),
        },
      ],
    })
    expect(
      source.ok && [source.needs, source.sources.every((entry) => !('sourceHash' in entry))],
    ).toEqual([[], true])
  })
})

describe('translation.behindSource', () => {
  const summary = (overrides: Partial<ReleaseSummary>): ReleaseSummary => ({
    locale: 'en',
    number: 1,
    summary: 's',
    changeType: 'editorial',
    effectiveAt: at(NOW),
    publishedAt: at(NOW),
    publishedBy: 'x',
    approvers: [],
    contentHash: 'c',
    rollbackOf: null,
    urgencyReason: null,
    sourceReleaseNumber: 2,
    ...overrides,
  })
  const jaRelease = (number: number, hashes: Record<string, string>) => ({
    ...summary({
      locale: 'ja',
      number,
      sourceReleaseNumber: null,
      contentHash: `ja-${number}`,
      effectiveAt: at(NOW - number * DAY),
    }),
    sources: Object.entries(hashes).map(([subject, contentHash]) => ({
      subject,
      contentHash,
      approvedBy: null,
    })),
  })
  const en = (hashes: Record<string, string | null>) => ({
    ...summary({}),
    sources: Object.entries(hashes).map(([subject, sourceHash]) => ({
      subject,
      contentHash: `en-${subject}`,
      approvedBy: null,
      sourceHash,
    })),
  })

  it('is false when every document translates the source in effect, and names both releases', () => {
    const status = translationStatus(
      en({ [PAGE]: 'p', [MAPS]: 'm2' }),
      jaRelease(2, { [PAGE]: 'p', [MAPS]: 'm2' }),
      [],
    )
    expect(status).toEqual({
      sourceLocale: 'ja',
      isSource: false,
      behindSource: false,
      sourceUpdatedAt: null,
      translatedFromSourceRelease: 2,
      sourceReleaseInEffect: 2,
    })
  })

  it('is true when one document translates older text, or a category was added or retired in ja since', () => {
    const inEffect = jaRelease(3, { [PAGE]: 'p', [MAPS]: 'm2' })
    expect(translationStatus(en({ [PAGE]: 'p', [MAPS]: 'm1' }), inEffect, [])).toMatchObject({
      behindSource: true,
      sourceUpdatedAt: inEffect.effectiveAt,
      sourceReleaseInEffect: 3,
    })
    expect(translationStatus(en({ [PAGE]: 'p' }), inEffect, []).behindSource).toBe(true)
    expect(
      translationStatus(en({ [PAGE]: 'p', [MAPS]: 'm2', [SUPPORT]: 's' }), inEffect, [])
        .behindSource,
    ).toBe(true)
  })

  it('releases published before per-document source hashes compare the whole source release they recorded', () => {
    const legacy = {
      ...summary({ sourceReleaseNumber: 1 }),
      sources: [{ subject: PAGE, contentHash: 'en', approvedBy: null }],
    }
    const one = jaRelease(1, {})
    expect(translationStatus(legacy, one, [one]).behindSource).toBe(false)
    expect(translationStatus(legacy, jaRelease(2, {}), [one]).behindSource).toBe(true)
  })

  it('the source locale is never behind itself', () => {
    expect(
      translationStatus({ ...summary({ locale: 'ja', sourceReleaseNumber: null }) }, null, []),
    ).toMatchObject({ isSource: true, behindSource: false })
  })
})

describe('announced translations waiting for a ja release that is cancelled', () => {
  const scheduled = (
    number: number,
    effective: number,
    sourceReleaseNumber: number | null = null,
  ) => ({ number, effectiveAt: at(effective), sourceReleaseNumber })

  it('are named when a later ja release takes effect no later than the one they wait for, and only then', () => {
    const en = {
      locale: 'en',
      releases: [scheduled(1, NOW - DAY, 1), scheduled(2, NOW + 40 * DAY, 2)],
    }
    const announced = [scheduled(1, NOW - 2 * DAY), scheduled(2, NOW + 40 * DAY)]
    expect(
      waitingOnCancelledSource({ sourceReleases: announced, targets: [en], now: NOW }),
    ).toEqual([])
    // ja release 3 (a rollback, at once) cancels the announced release 2.
    const cancelled = waitingOnCancelledSource({
      sourceReleases: [...announced, scheduled(3, NOW)],
      targets: [en],
      now: NOW,
    })
    expect(cancelled).toEqual([
      {
        locale: 'en',
        number: 2,
        effectiveAt: at(NOW + 40 * DAY),
        sourceRelease: 2,
        cancelledBy: 3,
      },
    ])
    expect(cancelledBasisWarning(cancelled[0]!)).toBe(
      `en release 2 waits for ja release 2, which ja release 3 cancels; it still takes effect on ${at(NOW + 40 * DAY)}. Republish or roll back en if its text should not take effect then.`,
    )
    // A translation already in effect, or one a later translation supersedes, is not announced: nothing to say.
    const superseded = { locale: 'en', releases: [...en.releases, scheduled(3, NOW, 1)] }
    expect(
      waitingOnCancelledSource({
        sourceReleases: [...announced, scheduled(3, NOW)],
        targets: [superseded],
        now: NOW,
      }),
    ).toEqual([])
  })
})
