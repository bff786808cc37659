import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const COMMITTED = path.resolve('src/payload-types.ts')

describe('src/payload-types.ts', () => {
  it('is what `npm run generate:types` makes from the current config (run it after changing a collection or global)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-payload-types-'))
    const regenerated = path.join(dir, 'payload-types.ts')
    try {
      // Payload writes to PAYLOAD_TS_OUTPUT_PATH instead of the config's typescript.outputFile.
      const result = spawnSync('npm', ['run', '--silent', 'generate:types'], {
        encoding: 'utf8',
        env: { ...process.env, PAYLOAD_TS_OUTPUT_PATH: regenerated },
      })
      expect({ status: result.status, error: result.error }).toEqual({
        status: 0,
        error: undefined,
      })
      expect(fs.readFileSync(regenerated, 'utf8')).toBe(fs.readFileSync(COMMITTED, 'utf8'))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
