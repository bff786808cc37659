import { spawnSync } from 'node:child_process'
import path from 'node:path'

describe('TypeScript', () => {
  it('the whole project type-checks in strict mode', () => {
    const result = spawnSync(
      process.execPath,
      [path.resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'],
      {
        encoding: 'utf8',
      },
    )
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 120_000)
})
