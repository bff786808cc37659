export const WORKFLOW_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'approve', 'request-changes'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** What the audit trail records: the actions, plus what the system does on its own. */
export type AuditAction = WorkflowAction | 'edit' | 'import' | 'publish' | 'rollback'

/** A document under review: a collection document or the (single) global. */
export type WorkflowSubject =
  | { kind: 'collection'; slug: 'partner-categories'; id: number | string }
  | { kind: 'global'; slug: 'partners-page' }

export const subjectKey = (subject: WorkflowSubject): string =>
  subject.kind === 'collection' ? `${subject.slug}:${subject.id}` : subject.slug
