import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { getBytes, type BytesAnswer } from './rawRequest'

const decode: Record<string, (body: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
}

/**
 * What the public routes promise for `path` on a server: the plain bytes, and the same bytes compressed
 * with brotli and with gzip as Accept-Encoding asks; each encoding with its own ETag, each answering its
 * own If-None-Match with 304 and HEAD with its headers; Vary on every one.
 */
export const expectEncodedRepresentations = async (baseURL: string, path: string) => {
  const plain = await getBytes(baseURL, path)
  expect([path, plain.status, plain.headers['content-encoding']]).toEqual([path, 200, undefined])
  expect(plain.headers.vary).toBe('Accept-Encoding')
  const answers: Record<string, BytesAnswer> = { identity: plain }
  for (const [acceptEncoding, encoding] of [
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['identity', 'identity'],
  ] as const) {
    const answer = await getBytes(baseURL, path, { 'Accept-Encoding': acceptEncoding })
    expect([path, acceptEncoding, answer.status, answer.headers['content-encoding']]).toEqual([
      path,
      acceptEncoding,
      200,
      encoding === 'identity' ? undefined : encoding,
    ])
    expect(answer.headers.vary).toBe('Accept-Encoding')
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
    expect(answer.headers['content-type']).toBe(plain.headers['content-type'])
    const decoded = encoding === 'identity' ? answer.body : decode[encoding]!(answer.body)
    expect(decoded.equals(plain.body)).toBe(true)
    if (encoding !== 'identity') expect(answer.body.length).toBeLessThan(plain.body.length)
    answers[encoding] ??= answer
  }
  const etags = Object.values(answers).map((answer) => answer.headers.etag)
  expect(new Set(etags).size).toBe(3)
  for (const [encoding, answer] of Object.entries(answers)) {
    const acceptEncoding: Record<string, string> =
      encoding === 'identity' ? {} : { 'Accept-Encoding': encoding }
    const etag = answer.headers.etag ?? ''
    const again = await getBytes(baseURL, path, { ...acceptEncoding, 'If-None-Match': etag })
    expect([path, encoding, again.status, again.body.length, again.headers.etag]).toEqual([
      path,
      encoding,
      304,
      0,
      etag,
    ])
    expect(again.headers.vary).toBe('Accept-Encoding')
    // Another encoding's tag names another representation: the full answer, not a 304.
    const other = Object.values(answers).find((candidate) => candidate !== answer)!
    const mismatch = await getBytes(baseURL, path, {
      ...acceptEncoding,
      'If-None-Match': other.headers.etag ?? '',
    })
    expect([path, encoding, mismatch.status, mismatch.body.equals(answer.body)]).toEqual([
      path,
      encoding,
      200,
      true,
    ])
    const head = await getBytes(baseURL, path, acceptEncoding, 'HEAD')
    expect([path, encoding, head.status, head.body.length]).toEqual([path, encoding, 200, 0])
    for (const name of ['content-length', 'content-encoding', 'etag', 'vary', 'content-type'])
      expect([encoding, name, head.headers[name]]).toEqual([encoding, name, answer.headers[name]])
    // Compressed once and kept: the same bytes each time.
    expect((await getBytes(baseURL, path, acceptEncoding)).body.equals(answer.body)).toBe(true)
  }
}
