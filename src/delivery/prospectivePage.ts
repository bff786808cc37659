import type { Payload } from 'payload'

import { LOCALES, SOURCE_LOCALE } from '../config/locales'
import { publicBaseUrl } from '../config/publicAddress'
import { settings } from '../config/settings'
import {
  listReleaseSummaries,
  readReleaseBody,
  type StoredRelease,
  type StoredReleaseSummary,
} from '../releases/releaseStore'
import { releaseTimeline } from '../releases/timeline'
import { readSiteSettings } from '../site/readSiteSettings'
import { answerRoute, type FullRelease, type LocaleState } from './routeAnswers'

// What /partners/:locale will serve once a release not yet written takes effect: the public route's
// own answer (answerRoute, the same renderer and notices), over the stored releases plus this one, at
// its effective date. Only the publish panel asks, for signed-in publishers.

const PROSPECTIVE_ID = 'prospective'

const stateAt = (releases: StoredReleaseSummary[], at: number): LocaleState => ({
  releases,
  timeline: releaseTimeline(releases, at),
})

/** The HTML of the public page with `release` in effect (at its effectiveAt). */
export const renderProspectivePage = async (
  payload: Payload,
  release: Omit<StoredRelease, 'id'>,
): Promise<string> => {
  const at = Date.parse(release.effectiveAt)
  const prospective: FullRelease & { id: string } = { ...release, id: PROSPECTIVE_ID }
  // The timeline reads numbers and dates only; the content stays with it for `full`.
  const summary: StoredReleaseSummary = { ...prospective }
  const stored = await listReleaseSummaries(payload, release.locale)
  const withIt = [...stored, summary]
  const sourceReleases =
    release.locale === SOURCE_LOCALE ? withIt : await listReleaseSummaries(payload, SOURCE_LOCALE)
  // Which locales will have a release in effect then: the page's language links.
  const available = await Promise.all(
    LOCALES.map(async (locale) =>
      locale === release.locale ||
      releaseTimeline(await listReleaseSummaries(payload, locale), at).current !== null
        ? [locale]
        : [],
    ),
  )
  const answer = await answerRoute({ kind: 'page-current', locale: release.locale }, 'html', {
    state: stateAt(withIt, at),
    source: stateAt(sourceReleases, at),
    full: async (candidate) =>
      candidate.id === PROSPECTIVE_ID
        ? prospective
        : { ...candidate, ...(await readReleaseBody(payload, candidate.id)) },
    clock: () => at,
    // The served page's hreflang alternates are absolute, from the same base.
    publicUrl: publicBaseUrl,
    available: available.flat(),
    settings: await readSiteSettings(payload),
    timeZone: settings().timeZone,
  })
  if (answer.status !== 200)
    throw new Error(
      `The prospective ${release.locale} page did not render: ${'message' in answer ? answer.message : answer.status}`,
    )
  return answer.text
}
