import type { Field, Payload } from 'payload'

import type { ContentFields } from './contentHash'
import type { WorkflowSubject } from './types'

/** Fields that describe the document rather than its reviewable content. */
const NOT_CONTENT = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'globalType',
  '_status',
  'imported',
  'reviewState',
  'reviewPanel',
  'revision',
  'displayTitle',
])

const isLocalized = (field: Field): boolean =>
  ('localized' in field && field.localized === true) ||
  (field.type === 'group' && field.fields.some((inner) => isLocalized(inner)))

/** Splits a document's fields into per-locale content and source-only structure, from its config. */
export const contentFieldsOf = (fields: readonly Field[]): ContentFields => {
  const named = fields.filter(
    (field): field is Field & { name: string } =>
      'name' in field && !NOT_CONTENT.has(field.name) && !('virtual' in field && field.virtual),
  )
  return {
    localized: named.filter(isLocalized).map((field) => field.name),
    sourceOnly: named.filter((field) => !isLocalized(field)).map((field) => field.name),
  }
}

/** A subject's fields, from the running (sanitized) config. */
export const subjectFields = (payload: Payload, subject: WorkflowSubject): readonly Field[] =>
  subject.kind === 'collection'
    ? payload.collections[subject.slug].config.fields
    : (payload.config.globals.find((global) => global.slug === subject.slug)?.fields ?? [])

/** The content fields of a subject, read from the running (sanitized) config. */
export const subjectContentFields = (payload: Payload, subject: WorkflowSubject): ContentFields =>
  contentFieldsOf(subjectFields(payload, subject))
