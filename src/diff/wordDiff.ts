import type { TextChange } from './types'

/**
 * Word-level diff for texts (releases, source changes).
 *
 * Tokens come from Intl.Segmenter, so languages without spaces (Japanese) split into words and
 * grapheme clusters (emoji, flags, skin tones) are never cut. The diff itself is Myers' O(ND)
 * algorithm in its linear-space, divide-and-conquer form: O((n+m)·D) time, O(n+m) memory.
 */

type Kind = TextChange['kind']

/** Every segment, words and the whitespace/punctuation between them, so the tokens join back to the input. */
const tokenize = (text: string, locale: string): string[] =>
  Array.from(
    new Intl.Segmenter(locale, { granularity: 'word' }).segment(text),
    ({ segment }) => segment,
  )

/** Numbers compare faster than strings in the inner loops; equal tokens get equal ids. */
const toIds = (before: readonly string[], after: readonly string[]): [Int32Array, Int32Array] => {
  const ids = new Map<string, number>()
  const idOf = (token: string): number => {
    const known = ids.get(token)
    if (known !== undefined) return known
    ids.set(token, ids.size)
    return ids.size - 1
  }
  return [Int32Array.from(before, idOf), Int32Array.from(after, idOf)]
}

/** A stretch [aStart, aEnd) × [bStart, bEnd) of the edit graph still to be diffed. */
type Box = { aStart: number; aEnd: number; bStart: number; bEnd: number }

/**
 * The point where a shortest edit path through the box crosses its middle (Myers' "middle snake"),
 * found by searching forward from the top-left and backward from the bottom-right until they meet.
 * Both sides must be non-empty and differ in their first and last tokens.
 */
const middlePoint = (a: Int32Array, b: Int32Array, box: Box): { x: number; y: number } => {
  const n = box.aEnd - box.aStart
  const m = box.bEnd - box.bStart
  const maxD = Math.ceil((n + m) / 2)
  const offset = maxD + 1
  // Furthest x reached on each diagonal k = x - y, forward from the start and backward from the end.
  const forward = new Int32Array(2 * offset + 1).fill(-1)
  const backward = new Int32Array(2 * offset + 1).fill(-1)
  forward[offset + 1] = 0
  backward[offset + 1] = 0
  const delta = n - m
  // With an odd delta the paths can first meet on a forward step, with an even one on a backward step.
  const meetForward = delta % 2 !== 0
  const at = (v: Int32Array, k: number): number => v[offset + k] ?? -1
  const furthest = (v: Int32Array, k: number, d: number): number =>
    k === -d || (k !== d && at(v, k - 1) < at(v, k + 1)) ? at(v, k + 1) : at(v, k - 1) + 1
  // Diagonals that ran off the grid are skipped from then on; these trim the k range on each side.
  let forwardLow = 0
  let forwardHigh = 0
  let backwardLow = 0
  let backwardHigh = 0

  for (let d = 0; d <= maxD; d++) {
    for (let k = -d + forwardLow; k <= d - forwardHigh; k += 2) {
      let x = furthest(forward, k, d)
      let y = x - k
      while (x < n && y < m && a[box.aStart + x] === b[box.bStart + y]) {
        x++
        y++
      }
      forward[offset + k] = x
      if (x > n) forwardHigh += 2
      else if (y > m) forwardLow += 2
      else if (meetForward) {
        const reached = at(backward, delta - k)
        if (reached !== -1 && x >= n - reached) return { x, y }
      }
    }
    for (let k = -d + backwardLow; k <= d - backwardHigh; k += 2) {
      let x = furthest(backward, k, d)
      let y = x - k
      while (x < n && y < m && a[box.aEnd - x - 1] === b[box.bEnd - y - 1]) {
        x++
        y++
      }
      backward[offset + k] = x
      if (x > n) backwardHigh += 2
      else if (y > m) backwardLow += 2
      else if (!meetForward) {
        const forwardX = at(forward, delta - k)
        if (forwardX !== -1 && forwardX >= n - x) return { x: forwardX, y: forwardX - (delta - k) }
      }
    }
  }
  // Unreachable: the two searches always meet by d = ceil((n + m) / 2).
  throw new Error('wordDiff: no middle snake found')
}

/** Receives the edit script token range by token range and merges it into runs. */
class RunBuilder {
  private readonly runs: TextChange[] = []
  private equal = ''
  private deleted = ''
  private inserted = ''

  constructor(
    private readonly before: readonly string[],
    private readonly after: readonly string[],
  ) {}

  add(kind: Kind, start: number, end: number): void {
    if (start === end) return
    if (kind === 'equal') {
      this.flushChange()
      this.equal += this.before.slice(start, end).join('')
    } else {
      this.flushEqual()
      if (kind === 'delete') this.deleted += this.before.slice(start, end).join('')
      else this.inserted += this.after.slice(start, end).join('')
    }
  }

  finish(): TextChange[] {
    this.flushEqual()
    this.flushChange()
    return this.runs
  }

  private flushEqual(): void {
    if (this.equal) this.runs.push({ kind: 'equal', text: this.equal })
    this.equal = ''
  }

  /** Between two equal runs, all deleted text comes first, then all inserted text. */
  private flushChange(): void {
    if (this.deleted) this.runs.push({ kind: 'delete', text: this.deleted })
    if (this.inserted) this.runs.push({ kind: 'insert', text: this.inserted })
    this.deleted = ''
    this.inserted = ''
  }
}

const diffBox = (a: Int32Array, b: Int32Array, box: Box, out: RunBuilder): void => {
  let { aStart, aEnd, bStart, bEnd } = box
  const prefixStart = aStart
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) {
    aStart++
    bStart++
  }
  out.add('equal', prefixStart, aStart)

  const suffixEnd = aEnd
  while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--
    bEnd--
  }

  if (aStart === aEnd || bStart === bEnd) {
    out.add('delete', aStart, aEnd)
    out.add('insert', bStart, bEnd)
  } else {
    const inner = { aStart, aEnd, bStart, bEnd }
    const { x, y } = middlePoint(a, b, inner)
    diffBox(a, b, { aStart, aEnd: aStart + x, bStart, bEnd: bStart + y }, out)
    diffBox(a, b, { aStart: aStart + x, aEnd, bStart: bStart + y, bEnd }, out)
  }

  out.add('equal', aEnd, suffixEnd)
}

/**
 * The word-level changes that turn `before` into `after`: runs of equal, deleted and inserted text.
 * Joining the equal and delete runs gives `before`; joining the equal and insert runs gives `after`.
 */
export const diffWords = (before: string, after: string, locale: string): TextChange[] => {
  const beforeTokens = tokenize(before, locale)
  const afterTokens = tokenize(after, locale)
  const [a, b] = toIds(beforeTokens, afterTokens)
  const out = new RunBuilder(beforeTokens, afterTokens)
  diffBox(a, b, { aStart: 0, aEnd: a.length, bStart: 0, bEnd: b.length }, out)
  return out.finish()
}
