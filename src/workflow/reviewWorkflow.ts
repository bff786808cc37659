import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Config,
  type Field,
  type GlobalBeforeOperationHook,
  type GlobalConfig,
  type PayloadRequest,
} from 'payload'

import { sayFor } from '../i18n/adminText'
import { byLanguage } from '../i18n/byLanguage'
import { AuditEvents } from '../audit/AuditEvents'
import { WorkflowStates } from './collections/WorkflowStates'
import { restoreRefusal, restoreVersionEndpoint } from './endpoints/restoreVersionEndpoint'
import { sourceTextEndpoint } from './endpoints/sourceTextEndpoint'
import { workflowEndpoints, type SubjectTarget } from './endpoints/workflowEndpoints'
import {
  closeCollectionDocument,
  recordCollectionChanges,
  recordGlobalChanges,
  refuseCollectionDelete,
  refusePartialBulkChange,
  rememberCollectionDocument,
  rememberGlobalDocument,
} from './hooks/trackChanges'
import type { WorkflowSubject } from './types'
import { readLocaleWorkflow, readSourceState } from './workflowStore'

export type ReviewWorkflowOptions = {
  collections: ReadonlyArray<'partner-categories'>
  globals: ReadonlyArray<'partners-page'>
}

const REVIEW_PANEL = '/src/workflow/components/ReviewPanel#ReviewPanel'

/** The Review panel in the edit view's sidebar. */
const reviewPanelField: Field = {
  name: 'reviewPanel',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: REVIEW_PANEL } },
}

const SOURCE_TEXT = '/src/workflow/components/SourceText#SourceText'
const NO_INPUT = '/src/ui/NoInput#NoInput'

/**
 * Above every translatable text field, in a translation: the approved source text of that field
 * (and its redline when the translation is stale). `sourceField` is the field's dotted name, as the
 * source-text endpoint names it.
 */
const withSourceText = (fields: readonly Field[], prefix = ''): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'group' && 'name' in field && field.name)
      return { ...field, fields: withSourceText(field.fields, `${prefix}${field.name}.`) }
    if (
      (field.type === 'text' || field.type === 'textarea' || field.type === 'richText') &&
      field.localized === true &&
      field.virtual !== true
    ) {
      const beforeInput = [
        ...(field.admin?.components?.beforeInput ?? []),
        { path: SOURCE_TEXT, clientProps: { sourceField: `${prefix}${field.name}` } },
      ]
      return {
        ...field,
        admin: { ...field.admin, components: { ...field.admin?.components, beforeInput } },
      } as Field
    }
    return field
  })

/** Shows the current locale's review state in lists and the sidebar; stored in workflow-states, not here. */
const reviewStateField = (
  subjectOf: (data: Record<string, unknown>) => WorkflowSubject,
): Field => ({
  name: 'reviewState',
  label: byLanguage('kaijiAdmin:workflow:column:reviewState'),
  type: 'text',
  virtual: true,
  // The Review panel shows the state in the edit view; lists show its name.
  admin: {
    readOnly: true,
    position: 'sidebar',
    components: { Field: NO_INPUT, Cell: '/src/workflow/components/StateCells#ReviewStateCell' },
  },
  hooks: {
    afterRead: [
      async ({ data, req }: { data?: Record<string, unknown>; req: PayloadRequest }) => {
        if (!data || typeof req.locale !== 'string' || req.locale === 'all') return null
        return (await readLocaleWorkflow(req.payload, req, subjectOf(data), req.locale)).state
      },
    ],
  },
})

/** Lists and the sidebar show whether a translation still translates the approved source (stale when not). */
const sourceStateField = (
  subjectOf: (data: Record<string, unknown>) => WorkflowSubject,
): Field => ({
  name: 'sourceState',
  label: byLanguage('kaijiAdmin:workflow:column:sourceState'),
  type: 'text',
  virtual: true,
  // The Review panel says when the source changed; lists show whether it did.
  admin: {
    readOnly: true,
    position: 'sidebar',
    components: { Field: NO_INPUT, Cell: '/src/workflow/components/StateCells#SourceStateCell' },
  },
  hooks: {
    afterRead: [
      async ({ data, req }: { data?: Record<string, unknown>; req: PayloadRequest }) => {
        if (!data || typeof req.locale !== 'string' || req.locale === 'all') return null
        return readSourceState(req.payload, req, subjectOf(data), req.locale)
      },
    ],
  },
})

/**
 * Payload's restore rewrites every locale of a document at once; review is per locale, so restoring is
 * refused for everyone (Local API included) in favour of the per-locale restore-version endpoint.
 */
const refuseCollectionRestore =
  (target: SubjectTarget): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation === 'restoreVersion')
      throw new APIError(restoreRefusal(target, sayFor(req)), 403, null, true)
    return args
  }

const refuseGlobalRestore =
  (target: SubjectTarget): GlobalBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation === 'restoreVersion')
      throw new APIError(restoreRefusal(target, sayFor(req)), 403, null, true)
    return args
  }

/**
 * The editorial workflow as a plugin: per-document, per-locale review states changed only through
 * its endpoints, edits that revoke approval, and a hash-chained audit trail.
 */
export const reviewWorkflow =
  (options: ReviewWorkflowOptions) =>
  (config: Config): Config => ({
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection): CollectionConfig => {
        const slug = collection.slug as 'partner-categories'
        if (!options.collections.includes(slug)) return collection
        return {
          ...collection,
          // Payload's edit lock would put a "Document locked" modal in front of a reviewer who opens a
          // document an editor has open. The workflow guards the content instead: an edit revokes
          // approval and approval pins the exact content.
          lockDocuments: false,
          fields: [
            reviewPanelField,
            ...withSourceText(collection.fields),
            reviewStateField((data) => ({ kind: 'collection', slug, id: String(data.id) })),
            sourceStateField((data) => ({ kind: 'collection', slug, id: String(data.id) })),
          ],
          hooks: {
            ...collection.hooks,
            beforeOperation: [
              ...(collection.hooks?.beforeOperation ?? []),
              refuseCollectionRestore({ kind: 'collection', slug }),
            ],
            beforeChange: [
              ...(collection.hooks?.beforeChange ?? []),
              rememberCollectionDocument(slug),
            ],
            afterChange: [...(collection.hooks?.afterChange ?? []), recordCollectionChanges(slug)],
            beforeDelete: [...(collection.hooks?.beforeDelete ?? []), refuseCollectionDelete(slug)],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), closeCollectionDocument(slug)],
            afterOperation: [...(collection.hooks?.afterOperation ?? []), refusePartialBulkChange],
          },
          endpoints: [
            ...(collection.endpoints || []),
            ...workflowEndpoints({ kind: 'collection', slug }),
            restoreVersionEndpoint({ kind: 'collection', slug }),
            sourceTextEndpoint({ kind: 'collection', slug }),
          ],
        }
      }),
      WorkflowStates,
      AuditEvents,
    ],
    globals: (config.globals ?? []).map((global): GlobalConfig => {
      const slug = global.slug as 'partners-page'
      if (!options.globals.includes(slug)) return global
      return {
        ...global,
        lockDocuments: false,
        fields: [
          reviewPanelField,
          ...withSourceText(global.fields),
          reviewStateField(() => ({ kind: 'global', slug })),
          sourceStateField(() => ({ kind: 'global', slug })),
        ],
        hooks: {
          ...global.hooks,
          beforeOperation: [
            ...(global.hooks?.beforeOperation ?? []),
            refuseGlobalRestore({ kind: 'global', slug }),
          ],
          beforeChange: [...(global.hooks?.beforeChange ?? []), rememberGlobalDocument(slug)],
          afterChange: [...(global.hooks?.afterChange ?? []), recordGlobalChanges(slug)],
        },
        endpoints: [
          ...(global.endpoints || []),
          ...workflowEndpoints({ kind: 'global', slug }),
          restoreVersionEndpoint({ kind: 'global', slug }),
          sourceTextEndpoint({ kind: 'global', slug }),
        ],
      }
    }),
  })
