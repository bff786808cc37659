import { LOCALES } from '@/config/locales'
import { renderArchivedReleasePage } from '@/delivery/render/pages/archived'
import { renderPartnersPage } from '@/delivery/render/pages/current'
import { renderDiffPage } from '@/delivery/render/pages/diff'
import { renderErrorPage } from '@/delivery/render/pages/error'
import { renderHistoryPage } from '@/delivery/render/pages/history'
import { renderUpcomingReleasePage } from '@/delivery/render/pages/upcoming'
import { siteContext } from '@/delivery/render/site'
import { diffReleases } from '@/releases/releaseDiff'
import type { Release } from '@/releases/types'
import { siteSettingsFromStored } from '@/site/siteSettings'
import { htmlProblems } from '../helpers/htmlValidity'
import { enRelease, makeRelease } from './fixtures/partnersRelease'

const LOGO = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>').toString('base64')}`

const site = siteContext({
  locales: LOCALES,
  available: ['ja', 'en'],
  timeZone: 'Asia/Tokyo',
  baseUrl: 'https://example.com',
  settings: siteSettingsFromStored({
    siteName: { ja: 'ゼンリー', en: 'Zenly' },
    privacyPolicyUrl: { ja: '/privacy', en: 'https://example.com/en/privacy' },
    footerNote: { ja: '© Zenly' },
    logo: LOGO,
    updatedAt: '2026-05-01T00:00:00.000Z',
  }),
})

/** Every page kind of one locale, from an older release in effect and a newer one announced. */
const pagesOf = (older: Release, current: Release, announced: Release): Array<[string, string]> => [
  [
    'page',
    renderPartnersPage({ release: current, upcoming: [announced], sourceNotice: null, site }),
  ],
  [
    'history',
    renderHistoryPage({
      locale: current.locale,
      releases: [
        { release: current, status: 'current' },
        { release: older, status: 'past' },
      ],
      site,
    }),
  ],
  [
    'archived release',
    renderArchivedReleasePage({
      release: older,
      status: 'past',
      currentNumber: current.number,
      site,
    }),
  ],
  [
    'diff',
    renderDiffPage({
      diff: diffReleases(older, current),
      fromRelease: older,
      toRelease: current,
      site,
    }),
  ],
  [
    'upcoming',
    renderUpcomingReleasePage({
      release: announced,
      inEffect: { release: current, diff: diffReleases(current, announced) },
      site,
    }),
  ],
]

const withoutFirstCategory = (release: Release): Release => ({
  ...release,
  content: { ...release.content, categories: release.content.categories.slice(1) },
})

const pages: Array<[string, string]> = [
  ...pagesOf(
    makeRelease({
      number: 1,
      importedFrom: { file: 'zenly-partners.ja.txt', sha256: 'ab'.repeat(32) },
    }),
    makeRelease({ number: 2 }),
    withoutFirstCategory(makeRelease({ number: 3, effectiveAt: '2027-01-16T03:00:00.000Z' })),
  ).map(([kind, html]): [string, string] => [`ja ${kind}`, html]),
  ...pagesOf(
    enRelease({ number: 1 }),
    enRelease({ number: 2, summary: 'Clearer names' }),
    withoutFirstCategory(enRelease({ number: 3, effectiveAt: '2027-01-16T03:00:00.000Z' })),
  ).map(([kind, html]): [string, string] => [`en ${kind}`, html]),
  [
    'error page',
    renderErrorPage({ status: 404, message: 'No fr release is in effect yet.', locale: 'fr' }),
  ],
]

describe('every public page kind is valid HTML (html-validate, recommended rules)', () => {
  it.each(pages)('%s', async (_name, html) => {
    expect(await htmlProblems(html)).toEqual([])
  })

  it('the check fails on invalid markup (it can fail)', async () => {
    const problems = await htmlProblems(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><td>y</td></body></html>',
    )
    expect(problems.length).toBeGreaterThan(0)
  })
})
