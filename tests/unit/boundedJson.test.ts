import {
  jsonTextDepth,
  MAX_JSON_DEPTH,
  parseBoundedJson,
  valueDepth,
} from '@/utilities/boundedJson'

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('jsonTextDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['"[[[[{{{{"', 0],
    ['{"a":"\\"[[[["}', 1],
    ['{"a":"\\\\","b":[[]]}', 3],
    [nested(128), 128],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonTextDepth(text)).toBe(depth)
  })

  it('stops counting past the limit, without walking the rest', () => {
    expect(jsonTextDepth(nested(1_000_000), 10)).toBe(11)
  })
})

describe('parseBoundedJson', () => {
  it('parses JSON nested up to the limit', () => {
    expect(parseBoundedJson('{"locale":"ja"}')).toEqual({ ok: true, value: { locale: 'ja' } })
    expect(parseBoundedJson(nested(MAX_JSON_DEPTH)).ok).toBe(true)
  })

  it('refuses deeper JSON before parsing, and says which problem it is', () => {
    expect(parseBoundedJson(`{"locale":${nested(MAX_JSON_DEPTH)}}`)).toEqual({
      ok: false,
      problem: 'too-deep',
    })
    // Deep enough that JSON.stringify of the parsed value would overflow the stack.
    expect(parseBoundedJson(`{"locale":${nested(500_000)}}`)).toEqual({
      ok: false,
      problem: 'too-deep',
    })
    expect(parseBoundedJson('{"a":')).toEqual({ ok: false, problem: 'invalid' })
    expect(parseBoundedJson('')).toEqual({ ok: false, problem: 'invalid' })
  })
})

describe('valueDepth', () => {
  it('measures parsed values without recursion', () => {
    expect(valueDepth('x')).toBe(1)
    expect(valueDepth({ a: [{ b: 1 }] })).toBe(4)
    expect(valueDepth(JSON.parse(nested(100_000)), 128)).toBe(129)
  })
})
