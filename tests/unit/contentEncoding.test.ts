import { negotiateEncoding } from '@/delivery/contentEncoding'

describe('negotiateEncoding (RFC 9110 Accept-Encoding)', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['deflate', 'identity'],
    ['identity', 'identity'],
    ['gzip;q=0.4, identity;q=0.5', 'identity'],
    ['gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['*;q=0', 'identity'],
    ['gzip;q=1.5, br;q=abc', 'identity'],
    [' br ; q=0.9 , gzip ; q=0.1', 'br'],
    [',,;', 'identity'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })

  it('gives the same answer when asked again (remembered headers)', () => {
    for (let round = 0; round < 3; round++) {
      expect(negotiateEncoding('gzip')).toBe('gzip')
      expect(negotiateEncoding('br;q=0.1, gzip;q=0.2')).toBe('gzip')
    }
  })
})
