import { paragraphsToRichText } from '@/utilities/lexical'
import type { ApiClient } from './apiClient'
import { approveChange, releaseAction } from './contentChanges'

const DAY = 86_400_000

/** An English text for every imported category: name, description, data-use note. */
const ENGLISH: ReadonlyArray<
  readonly [key: string, name: string, description: string, note: string]
> = [
  [
    'cloud-platform',
    'Cloud platforms: computing and storage',
    'We run on cloud platforms. Cloud services let us grow the service and make it easier to use, for example by making the app faster.',
    'The cloud platform is the heart of the service: it stores and processes all users’ data (see the privacy policy), so it is strongly protected.',
  ],
  [
    'bug-detection',
    'Bug detection',
    'Some partners help us find bugs and technical problems in the app, and give us a framework to analyse and fix them.',
    'Most data shared with them is technical, not personal; sometimes limited information that helps fix a problem is shared.',
  ],
  [
    'maps',
    'Maps',
    'Map providers run the map and related features: the map you see when you open the app, the weather and directions.',
    'Map providers receive very little information; most receive no user data at all. Some may receive an IP address or an approximate location.',
  ],
  [
    'sms-providers',
    'SMS providers',
    'SMS providers help you create an account by sending you a one-time password.',
    'SMS providers receive only your phone number, and use it only to send the one-time password.',
  ],
  [
    'analytics',
    'Analytics',
    'Analytics providers help us understand usage trends and run A/B tests.',
    'No personal data is shared with analytics providers; they receive only data that does not identify anyone.',
  ],
  [
    'marketing',
    'Marketing',
    'Our advertisements appear on social media platforms; marketing providers help measure how well they work.',
    'Very little personal data is shared with marketing partners: we study trends, not individual users.',
  ],
  [
    'support',
    'Support',
    'Support providers give us software to answer your questions, organise our work and translate.',
    'Support providers process the data needed to answer a customer-care ticket.',
  ],
  [
    'internal-tools',
    'Internal tools and software',
    'We use internal tools for documents, chat and video calls. They are not meant to process user data, but some may be processed.',
    'All user data processed through internal tools is covered by our data-security policies and measures.',
  ],
]

/** What the fixture published: each locale's release numbers by role. */
export type PublicPagesFixture = {
  /** ja: 1 imported, 2 in effect (an editorial change), 3 announced (material, 40 days ahead). */
  ja: { first: number; current: number; announced: number }
  /** en: 1 and 2 in effect, 3 announced (translating ja 3, so held until its date). */
  en: { first: number; current: number; announced: number }
}

const published = async (api: ApiClient, body: Record<string, unknown>): Promise<number> => {
  const result = await releaseAction(api, 'publish', body)
  const number = result.body.release?.number
  if (result.status !== 201 || !number)
    throw new Error(`publish ${JSON.stringify(body)}: ${result.status} ${result.text}`)
  return number
}

/**
 * Releases for every kind of public page on a freshly seeded server: in ja and en, two releases in
 * effect (so a diff), and an announced one (so an upcoming page) in each.
 */
export const publishPublicPagesFixture = async (api: ApiClient): Promise<PublicPagesFixture> => {
  await approveChange(api, {
    subject: 'analytics',
    locale: 'ja',
    data: { name: '分析と計測' },
  })
  const jaCurrent = await published(api, {
    locale: 'ja',
    summary: '「分析」の名前を「分析と計測」に変更',
    changeType: 'editorial',
  })
  await approveChange(api, {
    subject: 'page',
    locale: 'en',
    editor: 'translatorEn',
    data: {
      title: 'Our third-party partners',
      intro: paragraphsToRichText([
        'Like many companies, we entrust part of our business to third parties. This page describes the categories of our business partners, the services they provide and the data we share with them.',
      ]),
      notNamedNote: paragraphsToRichText([
        'We do not publish our partners’ names: this protects your data, our systems and our partners’ security.',
      ]),
      columnLabels: { type: 'Type', description: 'Description', dataUsageNote: 'Data-use note' },
      authoritativeLanguageNote:
        'This is a translation. In case of discrepancy, the Japanese version prevails.',
    },
  })
  for (const [key, name, description, note] of ENGLISH)
    await approveChange(api, {
      subject: key,
      locale: 'en',
      editor: 'translatorEn',
      data: {
        name: key === 'analytics' ? 'Analytics and measurement' : name,
        description: paragraphsToRichText([description]),
        dataUsageNote: paragraphsToRichText([note]),
      },
    })
  const enFirst = await published(api, {
    locale: 'en',
    summary: 'First English version',
    changeType: 'editorial',
  })
  await approveChange(api, {
    subject: 'support',
    locale: 'en',
    editor: 'translatorEn',
    data: { name: 'Customer support' },
  })
  const enCurrent = await published(api, {
    locale: 'en',
    summary: 'Clearer name for the support category',
    changeType: 'editorial',
  })
  await approveChange(api, { subject: 'maps', locale: 'ja', data: { name: '地図と位置情報' } })
  const jaAnnounced = await published(api, {
    locale: 'ja',
    summary: '地図のカテゴリに位置情報を追加',
    changeType: 'material',
    effectiveAt: new Date(Date.now() + 40 * DAY).toISOString(),
  })
  await approveChange(api, {
    subject: 'maps',
    locale: 'en',
    editor: 'translatorEn',
    data: { name: 'Maps and location' },
  })
  // No date: a translation of announced ja text takes effect with it.
  const enAnnounced = await published(api, {
    locale: 'en',
    summary: 'Location added to the maps category',
    changeType: 'material',
  })
  return {
    ja: { first: 1, current: jaCurrent, announced: jaAnnounced },
    en: { first: enFirst, current: enCurrent, announced: enAnnounced },
  }
}
