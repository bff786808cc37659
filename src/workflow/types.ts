export const WORKFLOW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'approve', 'request-changes'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** Not a state change: a reviewer records that a source change does not affect a translation. */
export const CONFIRM_SOURCE = 'confirm-source'

/** Every action the workflow endpoint accepts. */
export const ENDPOINT_ACTIONS = [...WORKFLOW_ACTIONS, CONFIRM_SOURCE] as const
export type EndpointAction = (typeof ENDPOINT_ACTIONS)[number]

/** A document under review: a collection document or the (single) global. */
export type WorkflowSubject =
  | { kind: 'collection'; slug: 'partner-categories'; id: number | string }
  | { kind: 'global'; slug: 'partners-page' }

export const subjectKey = (subject: WorkflowSubject): string =>
  subject.kind === 'collection' ? `${subject.slug}:${subject.id}` : subject.slug
