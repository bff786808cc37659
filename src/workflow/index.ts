/**
 * The editorial workflow's public face. Everything outside src/workflow (the config, releases,
 * translations, the seed) uses the workflow through these exports only; the workflow imports
 * nothing from them.
 */
export { reviewWorkflow, type ReviewWorkflowOptions } from './reviewWorkflow'
export { subjectKey, type WorkflowState, type WorkflowSubject } from './types'
export { hashContent, isContentHash } from './contentHash'
export { subjectContentFields } from './contentFields'
export { isStale } from './sourceTracking'
export {
  markPublished,
  readAllWorkflowRows,
  readLocaleWorkflow,
  writeLocaleWorkflow,
} from './workflowStore'
export {
  availableActions,
  type ActionUser,
  type AvailableAction,
  type DocumentFacts,
} from './availableActions'
export { hasText } from './localeText'
export { takeWorkflowAction, type ActionOutcome } from './takeAction'
export { SKIP_EDIT_TRACKING } from './hooks/trackChanges'
export { approveImportedContent } from './importApproval'
