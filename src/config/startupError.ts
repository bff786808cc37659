/** A start-up refusal whose message is the whole story (printed without a stack). */
export class StartupError extends Error {
  override name = 'StartupError'
}
