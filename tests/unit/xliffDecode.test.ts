import { decodeXml } from '@/translations/xliff/decode'

const declared = (encoding: string, body: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><xliff>${body}</xliff>`

describe('an uploaded XML file read in the encoding it declares', () => {
  it('reads UTF-8 by default, with or without a byte-order mark', () => {
    expect(decodeXml(Buffer.from('<xliff>地図 café</xliff>'))).toEqual({
      text: '<xliff>地図 café</xliff>',
    })
    expect(
      decodeXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<x>é</x>')])),
    ).toEqual({
      text: '<x>é</x>',
    })
  })

  it('reads UTF-16 by its byte-order mark, or by its first character without one', () => {
    const xml = declared('UTF-16', 'Café 地図')
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])
    expect(decodeXml(le)).toEqual({ text: xml })
    const be = Buffer.from(xml, 'utf16le').swap16()
    expect(decodeXml(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: xml })
    expect(decodeXml(Buffer.from(xml, 'utf16le'))).toEqual({ text: xml })
  })

  it('reads the encoding of the XML declaration: Latin-1, Shift_JIS', () => {
    const latin1 = declared('ISO-8859-1', 'café')
    expect(decodeXml(Buffer.from(latin1, 'latin1'))).toEqual({ text: latin1 })
    const sjis = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><x>'),
      Buffer.from([0x92, 0x6e, 0x90, 0x7d]), // 地図
      Buffer.from('</x>'),
    ])
    expect(decodeXml(sjis)).toEqual({
      text: '<?xml version="1.0" encoding="Shift_JIS"?><x>地図</x>',
    })
  })

  it('refuses bytes that are not the declared encoding, and an encoding it cannot read, by name', () => {
    // "café" in Latin-1 bytes, in a file that says (or defaults to) UTF-8: refused, never stored as U+FFFD.
    expect(decodeXml(Buffer.from('<x>café</x>', 'latin1'))).toEqual({
      problem: 'invalid',
      encoding: 'utf-8',
    })
    expect(decodeXml(Buffer.from(declared('UTF-8', 'café'), 'latin1'))).toEqual({
      problem: 'invalid',
      encoding: 'UTF-8',
    })
    expect(decodeXml(Buffer.from(declared('x-klingon', 'a')))).toEqual({
      problem: 'unsupported',
      encoding: 'x-klingon',
    })
  })
})
