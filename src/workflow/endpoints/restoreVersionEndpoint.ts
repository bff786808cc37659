import {
  isolateObjectProperty,
  type Endpoint,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

import { mayEditLocale } from '@/access/canEditRequestedLocale'
import { isLocaleCode, LOCALES } from '@/config/locales'
import {
  inTransaction,
  problem,
  readJsonObject,
  unknownFieldsRefusal,
} from '@/http/endpointHelpers'
import { english, type Say } from '@/i18n/adminText'
import type { User } from '@/payload-types'
import { subjectContentFields } from '../contentFields'
import { hashContent, localeContent } from '../contentHash'
import type { WorkflowSubject } from '../types'
import { readLocaleContent, readLocaleWorkflow } from '../workflowStore'
import type { SubjectTarget } from './workflowEndpoints'

const RESTORE_PATH = { collection: '/:id/restore-version', global: '/restore-version' } as const

/** Why Payload's own restore is refused, and what to use instead. */
export const restoreRefusal = (target: SubjectTarget, say: Say = english): string => {
  const path =
    target.kind === 'global'
      ? `/api/globals/${target.slug}${RESTORE_PATH.global}`
      : `/api/${target.slug}/:id/restore-version`
  return say('kaijiAdmin:messages:edits:restoreWholeVersion', { path })
}

type VersionRecord = { parent?: unknown; version?: Record<string, unknown> }

const readVersion = async (
  req: PayloadRequest,
  target: SubjectTarget,
  versionId: string,
  locale: string,
  user: User,
): Promise<VersionRecord | null> => {
  const readReq = isolateObjectProperty(req, ['locale', 'fallbackLocale'])
  const common = {
    id: versionId,
    locale: locale as 'ja',
    depth: 0,
    overrideAccess: false,
    user,
    req: readReq,
    disableErrors: true,
  } as const
  const found =
    target.kind === 'global'
      ? await req.payload.findGlobalVersionByID({ slug: target.slug, ...common })
      : await req.payload.findVersionByID({ collection: target.slug, ...common })
  return (found as unknown as VersionRecord | null) ?? null
}

/**
 * POST: copies one locale's text (in ja, also the shared key, icon, order and retired) from an
 * earlier version into the working copy, as an edit by the caller under the same rules as a save:
 * the locale goes back to draft and must be reviewed again.
 */
const restoreHandler =
  (target: SubjectTarget): PayloadHandler =>
  async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to restore a version.')
    const body = await readJsonObject(req)
    if (!body) return problem(400, 'The body must be a JSON object: { "version", "locale" }.')
    const unknownFields = unknownFieldsRefusal(body, ['version', 'locale'])
    if (unknownFields) return unknownFields
    const { version, locale } = body
    if (
      (typeof version !== 'string' || !/^[0-9a-f]{1,24}$/i.test(version)) &&
      !(typeof version === 'number' && Number.isInteger(version) && version > 0)
    ) {
      return problem(400, `"version" must be the id of a version, not ${JSON.stringify(version)}.`)
    }
    if (!isLocaleCode(locale))
      return problem(
        400,
        `Unknown locale ${JSON.stringify(locale)}; use one of ${LOCALES.join(', ')}.`,
      )
    if (!mayEditLocale(user, locale))
      return problem(403, `You may not edit the ${locale} content, so you may not restore it.`)

    const id = target.kind === 'collection' ? String(req.routeParams?.id ?? '') : null
    const subject: WorkflowSubject = target.kind === 'global' ? target : { ...target, id: id ?? '' }
    const fields = subjectContentFields(req.payload, subject)
    return inTransaction(req, async () => {
      const current = await readLocaleContent(req.payload, req, subject, fields, locale)
      if (!current) return problem(404, `No ${target.slug} document with id ${JSON.stringify(id)}.`)
      const record = await readVersion(req, target, String(version), locale, user)
      if (!record?.version || (id !== null && String(record.parent) !== id)) {
        return problem(
          404,
          `Version ${JSON.stringify(version)} is not a version of this ${target.slug} document.`,
        )
      }
      const restored = localeContent(record.version, fields, locale)
      if (hashContent(restored) === current.hash)
        return problem(
          409,
          `The ${locale} content already matches version ${version}; nothing was changed.`,
        )
      const write = {
        data: restored,
        locale: locale as 'ja',
        depth: 0,
        overrideAccess: false,
        user,
        req,
      } as const
      if (target.kind === 'global') await req.payload.updateGlobal({ slug: target.slug, ...write })
      else await req.payload.update({ collection: target.slug, id: id ?? '', ...write })
      const workflow = await readLocaleWorkflow(req.payload, req, subject, locale)
      return Response.json({ restoredVersion: String(version), locale, state: workflow.state })
    })
  }

export const restoreVersionEndpoint = (target: SubjectTarget): Endpoint => ({
  path: target.kind === 'global' ? RESTORE_PATH.global : RESTORE_PATH.collection,
  method: 'post',
  handler: restoreHandler(target),
})
