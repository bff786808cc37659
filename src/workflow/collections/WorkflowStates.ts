import type { CollectionConfig } from 'payload'

import { isAuthenticated } from '@/access/isAuthenticated'
import { nobody } from '@/access/nobody'
import { actorLabelFor } from '@/audit/actorLabel'
import { presentActorLabel, presentLastAction, refuseActorQueries } from '@/audit/presentActors'
import {
  displayField,
  displayTitleField,
  joinTitle,
  subjectName,
  technicalDetails,
} from '@/audit/recordDisplay'
import { byLanguage } from '@/i18n/byLanguage'
import { actionLabel, localeLabel, stateLabel } from '@/i18n/recordLabels'
import { WORKFLOW_STATES } from '../types'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The stored `lastAction` ({ action, by, at, reason? }), or an empty one. */
const lastAction = (doc: Record<string, unknown>): Record<string, unknown> =>
  doc.lastAction && typeof doc.lastAction === 'object' && !Array.isArray(doc.lastAction)
    ? (doc.lastAction as Record<string, unknown>)
    : {}

/** One row per document and locale. Only the workflow itself writes here (system access). */
export const WorkflowStates: CollectionConfig<'workflow-states'> = {
  slug: 'workflow-states',
  labels: {
    singular: byLanguage('kaijiAdmin:records:workflowStates:singular'),
    plural: byLanguage('kaijiAdmin:records:workflowStates:plural'),
  },
  admin: {
    useAsTitle: 'displayTitle',
    // The first column links to the row: the document by name, never its key.
    defaultColumns: ['documentName', 'localeName', 'state', 'lastActionBy', 'updatedAt'],
    group: byLanguage('kaijiAdmin:records:group:workflow'),
  },
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [refuseActorQueries(['approvedBy', 'lastAction'])] },
  // Readable fields first; keys, hashes and the content the workflow compares, last and collapsed.
  fields: [
    displayTitleField(async (doc, req, t) =>
      joinTitle(
        await subjectName(req, t, doc.subject),
        localeLabel(t, text(doc.locale)),
        stateLabel(t, text(doc.state) || null),
      ),
    ),
    displayField('documentName', 'kaijiAdmin:records:document', (doc, req, t) =>
      subjectName(req, t, doc.subject),
    ),
    displayField('localeName', 'kaijiAdmin:records:language', (doc, _req, t) =>
      localeLabel(t, text(doc.locale)),
    ),
    {
      name: 'state',
      label: byLanguage('kaijiAdmin:records:workflowStates:state'),
      type: 'select',
      required: true,
      options: WORKFLOW_STATES.map((state) => ({
        value: state,
        label: byLanguage(`kaijiAdmin:workflow:state:${state}`),
      })),
      defaultValue: 'draft',
    },
    displayField(
      'lastActionName',
      'kaijiAdmin:records:workflowStates:lastActionName',
      (doc, _req, t) =>
        lastAction(doc).action ? actionLabel(t, text(lastAction(doc).action)) : '',
    ),
    displayField('lastActionBy', 'kaijiAdmin:records:workflowStates:lastActionBy', (doc, req) =>
      lastAction(doc).by ? actorLabelFor(text(lastAction(doc).by), req.user) : '',
    ),
    displayField(
      'lastActionAt',
      'kaijiAdmin:records:workflowStates:lastActionAt',
      (doc) => text(lastAction(doc).at) || null,
      'date',
    ),
    displayField('lastActionReason', 'kaijiAdmin:records:workflowStates:lastActionReason', (doc) =>
      text(lastAction(doc).reason),
    ),
    {
      name: 'approvedAt',
      label: byLanguage('kaijiAdmin:records:workflowStates:approvedAt'),
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    // Actor labels: colleagues' names for everyone, their emails for administrators only.
    {
      name: 'approvedBy',
      label: byLanguage('kaijiAdmin:records:workflowStates:approvedBy'),
      type: 'text',
      hooks: { afterRead: [presentActorLabel] },
      admin: { disableListFilter: true },
    },
    technicalDetails([
      {
        name: 'key',
        label: byLanguage('kaijiAdmin:records:workflowStates:key'),
        type: 'text',
        required: true,
        unique: true,
        index: true,
      },
      {
        name: 'subject',
        label: byLanguage('kaijiAdmin:records:workflowStates:subject'),
        type: 'text',
        required: true,
        index: true,
      },
      {
        name: 'locale',
        label: byLanguage('kaijiAdmin:records:workflowStates:locale'),
        type: 'text',
        required: true,
      },
      {
        name: 'approvedHash',
        label: byLanguage('kaijiAdmin:records:workflowStates:approvedHash'),
        type: 'text',
      },
      {
        name: 'approvedContent',
        label: byLanguage('kaijiAdmin:records:workflowStates:approvedContent'),
        type: 'json',
      },
      {
        name: 'editedSinceApproval',
        label: byLanguage('kaijiAdmin:records:workflowStates:editedSinceApproval'),
        type: 'json',
      },
      {
        name: 'lastAction',
        label: byLanguage('kaijiAdmin:records:workflowStates:lastAction'),
        type: 'json',
        hooks: { afterRead: [presentLastAction] },
        admin: { disableListFilter: true },
      },
      // Target locales only: the approved source (ja) content this translation translates, pinned
      // when it is submitted (or when a reviewer confirms a source change does not affect it), and
      // at approval.
      {
        name: 'sourceHash',
        label: byLanguage('kaijiAdmin:records:workflowStates:sourceHash'),
        type: 'text',
      },
      {
        name: 'sourceContent',
        label: byLanguage('kaijiAdmin:records:workflowStates:sourceContent'),
        type: 'json',
      },
      {
        name: 'approvedSourceHash',
        label: byLanguage('kaijiAdmin:records:workflowStates:approvedSourceHash'),
        type: 'text',
      },
    ]),
  ],
}
