export type PostOutcome =
  { ok: true; body: unknown } | { ok: false; status: number; message: string }

/**
 * POSTs JSON with the admin's session cookie. A refusal carries the server's first error message
 * (Payload's `{ errors: [{ message }] }`), or the status when the answer has none.
 */
export const postJson = async (url: string, body: unknown): Promise<PostOutcome> => {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const answer: unknown = await response.json().catch(() => null)
  if (response.ok) return { ok: true, body: answer }
  const message = (answer as { errors?: Array<{ message?: string }> } | null)?.errors?.[0]?.message
  return { ok: false, status: response.status, message: message ?? String(response.status) }
}
