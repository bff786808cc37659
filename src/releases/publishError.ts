/**
 * Why a publish or rollback is refused, for the admin to say in the user's language: the English
 * message stays the API's, the code (with its parameters) is what the publish panel translates.
 */
export type PublishRefusalCode =
  | 'invalid-date'
  | 'date-in-past'
  | 'not-ready'
  | 'source-not-ready'
  | 'notice-too-short'
  | 'nothing-to-publish'
  | 'no-rollback-target'
  | 'content-changed'

/** A refusal with the HTTP status and a message that names the problem. */
export class PublishError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    readonly code?: PublishRefusalCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message)
  }
}
