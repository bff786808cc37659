import { assembleRelease, type CategoryApprovals } from '@/releases/assemble'
import { materialNoticeDays } from '@/config/settings'
import { checkNotice } from '@/releases/notice'
import { paragraphsToRichText } from '@/utilities/lexical'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-01T00:00:00Z')

describe('advance notice for material changes', () => {
  const base = { now: NOW, noticeDays: 30, urgencyReason: null }

  it('editorial changes may take effect at once', () => {
    expect(checkNotice({ ...base, changeType: 'editorial', effectiveAt: NOW })).toEqual({
      ok: true,
    })
  })

  it('material changes need the notice period, or a reason for urgency', () => {
    expect(checkNotice({ ...base, changeType: 'material', effectiveAt: NOW + 30 * DAY })).toEqual({
      ok: true,
    })
    const short = checkNotice({ ...base, changeType: 'material', effectiveAt: NOW + 10 * DAY })
    expect(short).toEqual({
      ok: false,
      message:
        'A material change needs 30 days\' notice (effective on or after 2026-12-31T00:00:00.000Z); this one would take effect in 10.0 days. Give an "urgencyReason" to publish it sooner.',
    })
    expect(
      checkNotice({
        ...base,
        changeType: 'material',
        effectiveAt: NOW,
        urgencyReason: 'court order',
      }),
    ).toEqual({ ok: true })
  })

  it('the period is configurable, and a bad setting is refused by name', () => {
    const env = (value?: string) => ({ KAIJI_MATERIAL_NOTICE_DAYS: value })
    expect(materialNoticeDays(env())).toBe(30)
    expect(materialNoticeDays(env('14'))).toBe(14)
    expect(() => materialNoticeDays(env('a month'))).toThrow(
      /KAIJI_MATERIAL_NOTICE_DAYS must be a number/,
    )
    expect(() => materialNoticeDays(env('-1'))).toThrow(/KAIJI_MATERIAL_NOTICE_DAYS/)
  })
})

describe('assembling a release from approvals', () => {
  const approval = (content: Record<string, unknown> | null, hash = 'h') => ({
    content,
    hash: content ? hash : null,
    approvedBy: content ? 'Rev <r@x> (legal-reviewer)' : null,
  })
  const category = (
    id: number,
    source: Record<string, unknown> | null,
    target: Record<string, unknown> | null,
  ): CategoryApprovals => ({
    subject: `partner-categories:${id}`,
    source: approval(source, `ja-${id}`),
    target: approval(target, `en-${id}`),
  })
  const ja = (key: string, order: number, extra: Record<string, unknown> = {}) => ({
    key,
    icon: '⛅',
    order,
    retired: false,
    name: `名 ${key}`,
    ...extra,
  })
  const en = (key: string) => ({
    name: `EN ${key}`,
    description: paragraphsToRichText([`about ${key}`]),
    dataUsageNote: null,
  })
  const page = {
    subject: 'partners-page',
    ...approval(
      { title: 'Partners', intro: paragraphsToRichText(['hi']), columnLabels: { type: 'Type' } },
      'page',
    ),
  }

  it('takes structure from the source and text from the locale, in order', () => {
    const result = assembleRelease({
      page,
      categories: [
        category(2, ja('maps', 2), en('maps')),
        category(1, ja('cloud', 1), en('cloud')),
      ],
    })
    if (!result.ok) throw new Error('expected a release')
    expect(result.content.categories.map((c) => [c.key, c.order, c.icon, c.name])).toEqual([
      ['cloud', 1, '⛅', 'EN cloud'],
      ['maps', 2, '⛅', 'EN maps'],
    ])
    expect(result.content.page.columnLabels).toEqual({
      type: 'Type',
      description: null,
      dataUsageNote: null,
    })
    expect(result.sources.map((s) => s.contentHash)).toEqual(['page', 'en-2', 'en-1'])
    expect(result.approvers).toEqual(['Rev <r@x> (legal-reviewer)'])
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('leaves out retired categories and categories never approved in the source', () => {
    const result = assembleRelease({
      page,
      categories: [
        category(1, ja('cloud', 1), en('cloud')),
        category(2, ja('old', 2, { retired: true }), null),
        category(3, null, null),
      ],
    })
    expect(result.ok && result.content.categories.map((c) => c.key)).toEqual(['cloud'])
  })

  it('lists everything live that lacks an approved version in the locale', () => {
    const result = assembleRelease({
      page: { ...page, content: null, hash: null },
      categories: [category(1, ja('cloud', 1), null), category(2, ja('maps', 2), en('maps'))],
    })
    expect(result).toEqual({ ok: false, missing: ['the partners page', 'category "cloud"'] })
  })

  it('the same approvals give the same hash', () => {
    const build = () =>
      assembleRelease({ page, categories: [category(1, ja('cloud', 1), en('cloud'))] })
    const [first, second] = [build(), build()]
    expect(first.ok && second.ok && first.contentHash === second.contentHash).toBe(true)
  })
})
