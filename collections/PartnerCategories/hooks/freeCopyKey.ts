import type { FieldHook } from 'payload'

/**
 * Duplicate: the copy's key is `<key>-copy` (then `-copy-2`, `-copy-3`, …), the first one no category
 * uses. Payload's default (`<key> - Copy`) is not a valid key, so the admin's Duplicate would fail.
 */
export const freeCopyKey: FieldHook = async ({ value, req }) => {
  if (typeof value !== 'string' || value === '') return value
  const base = `${value.replace(/-copy(?:-\d+)?$/, '')}-copy`
  const { docs } = await req.payload.find({
    collection: 'partner-categories',
    where: { key: { like: base } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { key: true },
    req,
  })
  const taken = new Set(docs.map((doc) => doc.key))
  let candidate = base
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`
  return candidate
}
