/** Far beyond any real body (rich text included); a deeper one is an attack, not content. */
export const MAX_JSON_DEPTH = 128

export const tooDeepMessage = (what = 'The body'): string =>
  `${what} is nested deeper than ${MAX_JSON_DEPTH} levels.`

/**
 * How deep JSON text nests (its `[` and `{` outside strings), read without parsing it and without
 * recursion, so a hostile text is measured before anything walks it. Counting stops past `limit`.
 */
export const jsonTextDepth = (text: string, limit = MAX_JSON_DEPTH): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === 0x5c) index++
      else if (code === 0x22) inString = false
      continue
    }
    if (code === 0x22) inString = true
    else if (code === 0x7b || code === 0x5b) {
      depth++
      if (depth > deepest) deepest = depth
      if (deepest > limit) return deepest
    } else if (code === 0x7d || code === 0x5d) depth--
  }
  return deepest
}

export type JsonReading =
  { ok: true; value: unknown } | { ok: false; problem: 'invalid' | 'too-deep' }

/** JSON.parse, but only of text nested at most `maxDepth` deep: what is parsed can then be walked and stringified safely. */
export const parseBoundedJson = (text: string, maxDepth = MAX_JSON_DEPTH): JsonReading => {
  if (jsonTextDepth(text, maxDepth) > maxDepth) return { ok: false, problem: 'too-deep' }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, problem: 'invalid' }
  }
}

/** Depth of nested objects and lists in a parsed value, without recursion; stops counting past `limit`. */
export const valueDepth = (value: unknown, limit = MAX_JSON_DEPTH): number => {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (depth > deepest) deepest = depth
    if (deepest > limit) return deepest
    if (current && typeof current === 'object')
      for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return deepest
}
