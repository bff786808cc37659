import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '@/access/roles'
import { adminText } from '@/i18n/adminText'

/** The fields that are the same in every locale: only the source's editors change them. */
export const STRUCTURE_FIELDS = ['key', 'icon', 'order', 'retired'] as const
type StructureField = (typeof STRUCTURE_FIELDS)[number]

/**
 * Payload's field access would silently drop a translator's change to the structure and report
 * success; refuse it instead, naming the fields. Values equal to the stored ones (the admin form
 * sends every field) pass.
 */
export const refuseStructureEditsByTranslators: CollectionBeforeOperationHook<
  'partner-categories'
> = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  if (!hasRole(req.user, 'translator')) return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const sent = STRUCTURE_FIELDS.filter((field) => field in data)
  if (sent.length === 0) return args
  const id = (args as { id?: number | string }).id
  const stored =
    id === undefined
      ? null
      : ((await req.payload.findByID({
          collection: 'partner-categories',
          id,
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })) as Record<string, unknown> | null)
  // An unset checkbox reads as null or false depending on the row's age: both mean "not retired".
  const normalized = (field: string, value: unknown) =>
    field === 'retired' ? Boolean(value) : (value ?? null)
  const changed = sent.filter(
    (field) =>
      stored === null || normalized(field, data[field]) !== normalized(field, stored[field]),
  )
  if (changed.length > 0) {
    const names = changed.map((field) =>
      adminText(req, `kaijiAdmin:collections:structureField:${field as StructureField}`),
    )
    throw new APIError(
      adminText(
        req,
        changed.length === 1
          ? 'kaijiAdmin:collections:translatorStructureOne'
          : 'kaijiAdmin:collections:translatorStructureMany',
        { fields: names.join(req.i18n?.language === 'ja' ? '」「' : ', ') },
      ),
      403,
      null,
      true,
    )
  }
  return args
}
