/**
 * True when a write failed because a unique index already holds the value: SQLite says "UNIQUE
 * constraint failed", MongoDB "E11000 duplicate key", and Payload's validation names the field as
 * already in use. Used where a race between processes is expected and one of them should step back.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false
  const text = `${error.message} ${JSON.stringify(error)} ${error.cause instanceof Error ? error.cause.message : ''}`
  return /unique|E11000|duplicate key|already (be )?in use|must be unique/i.test(text)
}
