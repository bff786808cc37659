// The bytes of an uploaded XML file as text, in the encoding the file declares (XML 1.0 §4.3.3 and
// Appendix F): a byte-order mark first, then the `encoding` of the XML declaration, else UTF-8.

export type Decoded = { text: string } | { problem: 'unsupported' | 'invalid'; encoding: string }

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
]

/** The `encoding` pseudo-attribute of an XML declaration read as ASCII (every encoding a BOM does not name is ASCII-compatible there). */
const declaredEncoding = (bytes: Uint8Array): string | null => {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  const declaration = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head)
  return declaration?.[2] ?? null
}

/**
 * Decodes strictly: bytes that are not valid in the encoding refuse the file instead of becoming
 * U+FFFD, so no translation is stored damaged. A label TextDecoder does not know is unsupported.
 */
export const decodeXml = (bytes: Uint8Array): Decoded => {
  const bom = BOMS.find(({ bytes: mark }) => mark.every((byte, index) => bytes[index] === byte))
  const encoding = bom?.encoding ?? declaredEncoding(bytes) ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, { fatal: true })
  } catch {
    return { problem: 'unsupported', encoding }
  }
  // A UTF-16 file with no byte-order mark declares its encoding in UTF-16, which the ASCII read above cannot see.
  if (!bom && bytes[0] === 0x3c && bytes[1] === 0x00)
    return decodeXml(Uint8Array.of(0xff, 0xfe, ...bytes))
  if (!bom && bytes[0] === 0x00 && bytes[1] === 0x3c)
    return decodeXml(Uint8Array.of(0xfe, 0xff, ...bytes))
  try {
    return { text: decoder.decode(bytes) }
  } catch {
    return { problem: 'invalid', encoding }
  }
}
