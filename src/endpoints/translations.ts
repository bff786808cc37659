import type { Endpoint, PayloadRequest } from 'payload'

import { mayEditLocale } from '../access/canEditRequestedLocale'
import { localeCodesVisibleTo } from '../access/visibleLocales'
import {
  isLocaleCode,
  isTargetLocaleCode,
  localeOfLanguageTag,
  SOURCE_LOCALE,
  TARGET_LOCALES,
} from '../config/locales'
import type { User } from '../payload-types'
import { BULK_ACTIONS, mayBulk, runBulkAction, type BulkAction } from '../translations/bulkActions'
import { loadTranslationOverview } from '../translations/loadOverview'
import { loadTranslationMemory } from '../translations/tmx/loadMemory'
import { writeTmx } from '../translations/tmx/writer'
import { writeXliff } from '../translations/xliff/document'
import { decodeXml } from '../translations/xliff/decode'
import { readXliff } from '../translations/xliff/read'
import { writeXliff12 } from '../translations/xliff/write12'
import {
  planTranslationDocuments,
  planUpload,
  previewImport,
  writeImportedTranslations,
} from '../translations/xliffService'
import {
  inRehearsal,
  inTransaction,
  problem,
  readJsonObject,
  unknownFieldsRefusal,
} from '../http/endpointHelpers'
import { localeName, localeNames, sayFor, type Say } from '../i18n/adminText'

/** An XLIFF upload larger than this is refused before it is parsed (the server's limit for any API body). */
export const MAX_XLIFF_BYTES = 2 * 1024 * 1024

const problems = (status: number, messages: readonly string[]): Response =>
  Response.json({ errors: messages.map((message) => ({ message })) }, { status })

/** GET /api/translations/overview: the locale completeness grid, for any signed-in user (actions are theirs). */
const overview: Endpoint = {
  path: '/translations/overview',
  method: 'get',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to see the translation overview.')
    return Response.json(await loadTranslationOverview(req.payload, user), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}

/** What is wrong with a named target locale, in `say`'s language; `prefix` names where it came from. */
const targetLocaleProblem = (say: Say, locale: unknown, prefix = ''): string | null => {
  const words = {
    prefix,
    targets: TARGET_LOCALES.join(', '),
    targetNames: localeNames(say, TARGET_LOCALES),
  }
  if (locale === SOURCE_LOCALE)
    return say('kaijiAdmin:messages:xliff:targetIsSource', {
      ...words,
      locale,
      localeName: localeName(say, locale),
    })
  if (!isLocaleCode(locale))
    return say('kaijiAdmin:messages:xliff:unknownTarget', {
      ...words,
      locale: String(JSON.stringify(locale)),
    })
  return null
}

/** "You translate en, not fr": a translator's own locales against the one they asked for. */
const notYourLocale = (say: Say, user: User, locale: string): string => {
  const yours = user.assignedLocales ?? []
  return say('kaijiAdmin:messages:xliff:notYourLocale', {
    yours: yours.join(', ') || say('kaijiAdmin:messages:xliff:noLocale'),
    yoursNames: yours.length ? localeNames(say, yours) : say('kaijiAdmin:messages:xliff:noLocale'),
    locale,
    localeName: localeName(say, locale),
  })
}

const XLIFF_VERSIONS = ['2.0', '1.2'] as const

/**
 * GET /api/translations/xliff?locale=en[&version=1.2]: every translatable unit, source = approved ja,
 * target = the current translation, as XLIFF 2.0 (the default) or 1.2.
 */
const exportXliff: Endpoint = {
  path: '/translations/xliff',
  method: 'get',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to export translations.')
    const say = sayFor(req)
    const locale = req.searchParams.get('locale')
    const invalid = targetLocaleProblem(say, locale)
    if (invalid || !locale) return problem(400, invalid ?? 'Name the target locale: ?locale=en.')
    // Translators export their own locales; every other role may read any target locale.
    const version = req.searchParams.get('version') ?? '2.0'
    if (!(XLIFF_VERSIONS as readonly string[]).includes(version))
      return problem(
        400,
        `XLIFF version ${JSON.stringify(version)} cannot be exported; use version=2.0 (the default) or version=1.2.`,
      )
    if (!localeCodesVisibleTo(user).includes(locale))
      return problem(403, notYourLocale(say, user, locale))
    const documents = await planTranslationDocuments(req.payload, locale)
    const xml =
      version === '1.2'
        ? writeXliff12({ trgLang: locale, documents, exportedAt: new Date() })
        : writeXliff({ trgLang: locale, documents })
    const suffix = version === '1.2' ? '.xliff12' : ''
    return new Response(xml, {
      headers: {
        'Content-Type': 'application/xliff+xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="kaiji-partners-${SOURCE_LOCALE}-${locale}${suffix}.xlf"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

/** The upload's bytes, or null when it is larger than MAX_XLIFF_BYTES (decoded later, as the file declares). */
const readBody = async (req: PayloadRequest): Promise<Uint8Array | null> => {
  const declared = Number(req.headers.get('content-length') ?? '0')
  if (declared > MAX_XLIFF_BYTES) return null
  const bytes = new Uint8Array((await req.arrayBuffer?.()) ?? new ArrayBuffer(0))
  return bytes.byteLength > MAX_XLIFF_BYTES ? null : bytes
}

/**
 * POST /api/translations/xliff (the file as the body): writes changed targets as drafts, all or nothing.
 * With ?dryRun=true it answers the plan (each changed document, its state, whether it goes back to
 * draft) and writes nothing.
 */
const importXliff: Endpoint = {
  path: '/translations/xliff',
  method: 'post',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to import translations.')
    const dryRunParam = req.searchParams.get('dryRun')
    if (dryRunParam !== null && dryRunParam !== 'true' && dryRunParam !== 'false')
      return problem(400, `dryRun must be true or false, not ${JSON.stringify(dryRunParam)}.`)
    const dryRun = dryRunParam === 'true'
    const say = sayFor(req)
    // Refused before the file is read: reading costs time that someone who may import nothing should not get to spend.
    if (!TARGET_LOCALES.some((locale) => mayEditLocale(user, locale)))
      return problem(403, say('kaijiAdmin:messages:xliff:roleMayNotImport'))
    const bytes = await readBody(req)
    if (bytes === null)
      return problem(
        413,
        say('kaijiAdmin:messages:xliff:tooLarge', { megabytes: MAX_XLIFF_BYTES / 1024 / 1024 }),
      )
    const decoded = decodeXml(bytes)
    if ('problem' in decoded)
      return problem(
        400,
        say(
          decoded.problem === 'unsupported'
            ? 'kaijiAdmin:messages:xliff:unsupportedEncoding'
            : 'kaijiAdmin:messages:xliff:invalidEncoding',
          { encoding: decoded.encoding },
        ),
      )
    const xml = decoded.text
    if (xml.trim() === '') return problem(400, say('kaijiAdmin:messages:xliff:empty'))
    const file = readXliff(xml, say)
    if ('problems' in file) return problems(file.status, file.problems)
    // A tool's `en-US` is Kaiji's `en`; anything else is named as the file has it.
    const trgLang = localeOfLanguageTag(file.trgLang) ?? file.trgLang
    if (!trgLang)
      return problem(
        400,
        say(
          file.version === '1.2'
            ? 'kaijiAdmin:messages:xliff:noTargetLanguage12'
            : 'kaijiAdmin:messages:xliff:noTargetLanguage',
        ),
      )
    const invalid = targetLocaleProblem(
      say,
      trgLang,
      file.version === '1.2' ? 'target-language: ' : 'trgLang: ',
    )
    if (invalid) return problem(422, invalid)
    if (!mayEditLocale(user, trgLang)) {
      return problem(
        403,
        user.role === 'translator'
          ? notYourLocale(say, user, trgLang)
          : say('kaijiAdmin:messages:xliff:roleMayNotEdit', {
              locale: trgLang,
              localeName: localeName(say, trgLang),
            }),
      )
    }
    if (dryRun)
      // The writes are rehearsed and rolled back, so the plan is refused wherever the import would be.
      return inRehearsal(req, async () => {
        const { plans, planned } = await planUpload(req.payload, file, trgLang, say)
        if ('problems' in planned) return problems(planned.status, planned.problems)
        const documents = await previewImport(req.payload, trgLang, planned.changes)
        await writeImportedTranslations(req, user, trgLang, planned.changes)
        return Response.json({
          dryRun: true,
          version: file.version,
          locale: trgLang,
          documents,
          unchanged: plans.length - documents.length,
          untranslatedSegments: planned.untranslatedSegments,
        })
      })
    return inTransaction(req, async () => {
      const { plans, planned } = await planUpload(req.payload, file, trgLang, say)
      if ('problems' in planned) return problems(planned.status, planned.problems)
      const written = await writeImportedTranslations(req, user, trgLang, planned.changes)
      return Response.json({
        version: file.version,
        locale: trgLang,
        written,
        unchanged: plans.length - written.length,
        untranslatedSegments: planned.untranslatedSegments,
      })
    })
  },
}

const isBulkAction = (value: unknown): value is BulkAction =>
  typeof value === 'string' && (BULK_ACTIONS as readonly string[]).includes(value)

/**
 * POST /api/translations/bulk { action: 'submit' | 'approve', locale }: submits the caller's drafts,
 * or approves everything in review, in one target locale. Each document goes through the workflow's
 * own action (every check, its own audit event, its own transaction); the answer lists each one.
 */
const bulk: Endpoint = {
  path: '/translations/bulk',
  method: 'post',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to take bulk actions.')
    const body = await readJsonObject(req)
    if (!body)
      return problem(
        400,
        'The body must be a JSON object: { "action": "submit" | "approve", "locale" }.',
      )
    const unknownFields = unknownFieldsRefusal(body, ['action', 'locale'])
    if (unknownFields) return unknownFields
    const { action, locale } = body
    if (!isBulkAction(action))
      return problem(
        400,
        `Unknown bulk action ${JSON.stringify(action)}; use one of ${BULK_ACTIONS.join(', ')}.`,
      )
    const say = sayFor(req)
    const invalid = targetLocaleProblem(say, locale)
    if (invalid || !isTargetLocaleCode(locale))
      return problem(400, invalid ?? 'Name the target locale.')
    if (!mayBulk(user, action, locale))
      return problem(
        403,
        user.role === 'translator' && action === 'submit'
          ? notYourLocale(say, user, locale)
          : say('kaijiAdmin:messages:bulk:roleMayNot', {
              action,
              actionName: say(`kaijiAdmin:workflow:action:${action}`),
              locale,
              localeName: localeName(say, locale),
            }),
      )
    const results = await runBulkAction(req, user, action, locale)
    return Response.json(
      {
        action,
        locale,
        done: results.filter((result) => result.outcome === 'done').length,
        skipped: results.filter((result) => result.outcome === 'skipped').length,
        results,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}

/**
 * GET /api/translations/tmx?locale=en: the translation memory of a target locale, TMX 1.4b, built from
 * its releases (approved text only). It is a translator's tool, so the rule is the one for editing
 * that locale (mayEditLocale): its translators, legal editors and admins; reviewers are refused.
 * Other query parameters are ignored, as by the XLIFF export.
 */
const exportTmx: Endpoint = {
  path: '/translations/tmx',
  method: 'get',
  handler: async (req) => {
    const user = req.user as User | null
    const say = sayFor(req)
    if (!user) return problem(401, say('kaijiAdmin:messages:tmx:signIn'))
    const locale = req.searchParams.get('locale')
    const invalid = targetLocaleProblem(say, locale)
    if (invalid || !locale) return problem(400, invalid ?? 'Name the target locale: ?locale=en.')
    if (!mayEditLocale(user, locale))
      return problem(
        403,
        user.role === 'translator'
          ? notYourLocale(say, user, locale)
          : say('kaijiAdmin:messages:tmx:roleMayNotExport', {
              locale,
              localeName: localeName(say, locale),
            }),
      )
    const memory = await loadTranslationMemory(req.payload, req, locale)
    return new Response(writeTmx({ locale, entries: memory.entries, notes: memory.notes }), {
      headers: {
        'Content-Type': 'application/x-tmx+xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="kaiji-partners-${SOURCE_LOCALE}-${locale}.tmx"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

export const translationEndpoints: Endpoint[] = [
  overview,
  exportXliff,
  importXliff,
  exportTmx,
  bulk,
]
