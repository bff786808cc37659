import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { nobody } from '../access/nobody'
import { byLanguage } from '../i18n/byLanguage'
import { actionLabel, localeLabel, stateLabel } from '../i18n/recordLabels'
import { presentActorLabel } from './presentActors'
import {
  displayField,
  displayTitleField,
  joinTitle,
  subjectName,
  technicalDetails,
} from './recordDisplay'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Append-only for everyone through every API; the workflow appends with system access. */
export const AuditEvents: CollectionConfig<'audit-events'> = {
  slug: 'audit-events',
  labels: {
    singular: byLanguage('kaijiAdmin:records:auditEvents:singular'),
    plural: byLanguage('kaijiAdmin:records:auditEvents:plural'),
  },
  admin: {
    useAsTitle: 'displayTitle',
    // The first column links to the event: the document by name, never a hash or a code.
    defaultColumns: [
      'documentName',
      'localeName',
      'actionName',
      'stateChange',
      'actorLabel',
      'at',
      'reason',
    ],
    listSearchableFields: ['subject', 'actorLabel', 'action', 'reason'],
    group: byLanguage('kaijiAdmin:records:group:workflow'),
  },
  defaultSort: '-id',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // Readable fields first; the stored facts the chain hashes, and the hashes, last and collapsed.
  fields: [
    displayTitleField(async (doc, req, t) =>
      joinTitle(
        await subjectName(req, t, doc.subject),
        localeLabel(t, text(doc.locale)),
        actionLabel(t, text(doc.action)),
      ),
    ),
    displayField('documentName', 'kaijiAdmin:records:document', (doc, req, t) =>
      subjectName(req, t, doc.subject),
    ),
    displayField('localeName', 'kaijiAdmin:records:language', (doc, _req, t) =>
      localeLabel(t, text(doc.locale)),
    ),
    displayField('actionName', 'kaijiAdmin:records:auditEvents:actionName', (doc, _req, t) =>
      actionLabel(t, text(doc.action)),
    ),
    displayField('stateChange', 'kaijiAdmin:records:auditEvents:stateChange', (doc, _req, t) =>
      doc.fromState || doc.toState
        ? t('kaijiAdmin:review:history:stateChange', {
            from: stateLabel(t, text(doc.fromState) || null),
            to: stateLabel(t, text(doc.toState) || null),
          })
        : '',
    ),
    // Administrators alone read the trail today; should that widen, other readers still see no email.
    {
      name: 'actorLabel',
      label: byLanguage('kaijiAdmin:records:auditEvents:actorLabel'),
      type: 'text',
      required: true,
      hooks: { afterRead: [presentActorLabel] },
    },
    {
      name: 'at',
      label: byLanguage('kaijiAdmin:records:auditEvents:at'),
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'reason',
      label: byLanguage('kaijiAdmin:records:auditEvents:reason'),
      type: 'textarea',
    },
    technicalDetails([
      {
        name: 'action',
        label: byLanguage('kaijiAdmin:records:auditEvents:action'),
        type: 'text',
        required: true,
        index: true,
      },
      {
        name: 'subject',
        label: byLanguage('kaijiAdmin:records:auditEvents:subject'),
        type: 'text',
        required: true,
        index: true,
      },
      {
        name: 'locale',
        label: byLanguage('kaijiAdmin:records:auditEvents:locale'),
        type: 'text',
        required: true,
        index: true,
      },
      {
        name: 'fromState',
        label: byLanguage('kaijiAdmin:records:auditEvents:fromState'),
        type: 'text',
      },
      {
        name: 'toState',
        label: byLanguage('kaijiAdmin:records:auditEvents:toState'),
        type: 'text',
      },
      {
        name: 'actorId',
        label: byLanguage('kaijiAdmin:records:auditEvents:actorId'),
        type: 'text',
      },
      {
        name: 'contentHash',
        label: byLanguage('kaijiAdmin:records:auditEvents:contentHash'),
        type: 'text',
      },
      {
        name: 'previousHash',
        label: byLanguage('kaijiAdmin:records:auditEvents:previousHash'),
        type: 'text',
        required: true,
      },
      {
        name: 'hash',
        label: byLanguage('kaijiAdmin:records:auditEvents:hash'),
        type: 'text',
        required: true,
        unique: true,
      },
    ]),
  ],
}
