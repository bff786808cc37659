import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

import { parseBoundedJson, tooDeepMessage } from '../utilities/boundedJson'

/**
 * Every refusal has the same shape as Payload's own errors: `{ errors: [{ message }] }`. A refusal the
 * admin shows may add a machine-readable `code` (and its `params`): the admin translates by code, API
 * clients keep the English message.
 */
export const problem = (
  status: number,
  message: string,
  code?: string,
  params?: Record<string, string | number>,
  headers?: Record<string, string>,
): Response =>
  Response.json(
    { errors: [{ message, ...(code ? { code } : {}), ...(params ? { params } : {}) }] },
    { status, ...(headers ? { headers } : {}) },
  )

/**
 * The request body as a JSON object, or null when it is missing, malformed or not an object. Nesting is
 * measured before parsing, whatever the Content-Type: a body nested too deep is refused (a thrown 400)
 * so that no endpoint walks or stringifies it (a message quoting a value would overflow the stack).
 */
export const readJsonObject = async (
  req: PayloadRequest,
): Promise<Record<string, unknown> | null> => {
  let text: string
  try {
    text = (await req.text?.()) ?? ''
  } catch {
    return null
  }
  const read = parseBoundedJson(text)
  if (!read.ok && read.problem === 'too-deep') throw new APIError(tooDeepMessage(), 400, null, true)
  const body = read.ok ? read.value : null
  return body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null
}

/** Names the keys a body may not carry, so a typo (say "efectiveAt") is refused rather than ignored. */
export const unknownKeys = (body: Record<string, unknown>, allowed: readonly string[]): string[] =>
  Object.keys(body).filter((key) => !allowed.includes(key))

/** A 400 naming the fields a body may not carry and the ones it may, or null when it has none. */
export const unknownFieldsRefusal = (
  body: Record<string, unknown>,
  allowed: readonly string[],
): Response | null => {
  const unknown = unknownKeys(body, allowed)
  return unknown.length === 0
    ? null
    : problem(
        400,
        `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}; send only ${allowed.join(', ')}.`,
      )
}

/**
 * Runs `work` in the request's transaction: commits when it returns, rolls back when it throws or
 * returns a refusal (status ≥ 400). A thrown APIError becomes a refusal with its status.
 */
export const inTransaction = async (
  req: PayloadRequest,
  work: () => Promise<Response>,
): Promise<Response> => {
  const ownsTransaction = await initTransaction(req)
  try {
    const response = await work()
    if (ownsTransaction)
      await (response.status >= 400 ? killTransaction(req) : commitTransaction(req))
    return response
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    if (error instanceof APIError) return problem(error.status, error.message)
    throw error
  }
}

/**
 * Runs `work` in a transaction that is always rolled back: a rehearsal of writes, to answer exactly
 * what they would do (every validation and hook included) while leaving nothing behind.
 */
export const inRehearsal = async (
  req: PayloadRequest,
  work: () => Promise<Response>,
): Promise<Response> => {
  const ownsTransaction = await initTransaction(req)
  if (!ownsTransaction) throw new Error('a rehearsal needs a transaction of its own')
  try {
    return await work()
  } catch (error) {
    if (error instanceof APIError) return problem(error.status, error.message)
    throw error
  } finally {
    await killTransaction(req)
  }
}
