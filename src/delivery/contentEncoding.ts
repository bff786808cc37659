/** The content codings a prepared response is kept in besides its plain bytes, best first on equal preference. */
export const COMPRESSED_ENCODINGS = ['br', 'gzip'] as const
export type CompressedEncoding = (typeof COMPRESSED_ENCODINGS)[number]
export type Encoding = CompressedEncoding | 'identity'

const ALIASES: Readonly<Record<string, string>> = { 'x-gzip': 'gzip' }

const qualityOf = (parameters: string[]): number => {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((part) => part.trim().toLowerCase())
    if (name !== 'q') continue
    const q = Number(value)
    return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') && q >= 0 && q <= 1 ? q : 0
  }
  return 1
}

/** RFC 9110 §12.5.3: each coding's q-value from an Accept-Encoding header; `*` stands for any coding not named. */
const parseAcceptEncoding = (header: string): Map<string, number> => {
  const qualities = new Map<string, number>()
  for (const element of header.split(',')) {
    const [rawName = '', ...parameters] = element.split(';')
    const name = rawName.trim().toLowerCase()
    if (!name) continue
    qualities.set(ALIASES[name] ?? name, qualityOf(parameters))
  }
  return qualities
}

const choose = (header: string | undefined): Encoding => {
  // No header: any coding is acceptable, but a client that sent none may not decode one.
  if (header === undefined || header.trim() === '') return 'identity'
  const qualities = parseAcceptEncoding(header)
  const wildcard = qualities.get('*')
  // Unnamed, identity is acceptable but least preferred: any compressed coding the client accepts wins.
  const quality = (coding: Encoding): number =>
    qualities.get(coding) ??
    (coding === 'identity' ? (wildcard === 0 ? 0 : 0.001) : (wildcard ?? 0))
  let best: Encoding = 'identity'
  let bestQuality = quality('identity')
  for (const coding of COMPRESSED_ENCODINGS) {
    const q = quality(coding)
    if (q > 0 && q >= bestQuality && (best === 'identity' || q > bestQuality)) {
      best = coding
      bestQuality = q
    }
  }
  // When nothing is acceptable, plain bytes are the one answer every client can read (RFC 9110 allows it).
  return best
}

/** Requests carry a handful of distinct headers; remembering their answer keeps parsing off the hot path. */
const MAX_REMEMBERED = 64
const remembered = new Map<string, Encoding>()

/** The coding to answer a request with: the acceptable one with the highest q-value, br before gzip before identity on ties. */
export const negotiateEncoding = (header: string | undefined): Encoding => {
  if (header === undefined) return 'identity'
  const hit = remembered.get(header)
  if (hit) return hit
  const encoding = choose(header)
  if (remembered.size >= MAX_REMEMBERED) remembered.clear()
  remembered.set(header, encoding)
  return encoding
}
