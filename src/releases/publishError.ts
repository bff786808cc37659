/** A refusal with the HTTP status and a message that names the problem. */
export class PublishError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message)
  }
}
