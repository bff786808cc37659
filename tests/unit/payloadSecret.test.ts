import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { PayloadSecretError, resolvePayloadSecret, SECRET_FILE_NAME } from '@/config/payloadSecret'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-secret-'))
const strong = 'x'.repeat(20) + 'Y'.repeat(20)

describe('resolvePayloadSecret', () => {
  it('uses PAYLOAD_SECRET from the environment when set', () => {
    const dir = tempDir()
    expect(resolvePayloadSecret({ PAYLOAD_SECRET: 'abc' }, dir)).toBe('abc')
    expect(fs.existsSync(path.join(dir, SECRET_FILE_NAME))).toBe(false)
  })

  it('without one, creates a random secret under the data folder and reuses it', () => {
    const dir = tempDir()
    const first = resolvePayloadSecret({}, dir)
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(fs.statSync(path.join(dir, SECRET_FILE_NAME)).mode & 0o777).toBe(0o600)
    expect(resolvePayloadSecret({}, dir)).toBe(first)
    expect(resolvePayloadSecret({}, tempDir())).not.toBe(first)
  })

  it('in production, refuses a missing or short secret and never falls back to the file', () => {
    const dir = tempDir()
    resolvePayloadSecret({}, dir)
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' }, dir)).toThrow(PayloadSecretError)
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' }, dir)).toThrow(
      /PAYLOAD_SECRET .*at least 32 characters.*not set/,
    )
    expect(() =>
      resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' }, dir),
    ).toThrow(/it has 5/)
    expect(resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: strong }, dir)).toBe(
      strong,
    )
  })
})
