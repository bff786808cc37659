import fs from 'node:fs'
import path from 'node:path'

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.js') ? [full] : []
  })

describe('the Next build (made by the global setup)', () => {
  it('does not bundle its own copy of Payload or the database adapters: the server and Next share one instance', () => {
    const serverFiles = filesUnder(path.resolve('.next/server'))
    expect(serverFiles.length).toBeGreaterThan(10)
    // String literals survive minification, unlike class and function names.
    const markers = [
      'the payload config is required for getPayload to work',
      '[db-sqlite] Enabling WAL mode',
      'Error: cannot connect to MongoDB.',
    ]
    const bundled = serverFiles.filter((file) => {
      const text = fs.readFileSync(file, 'utf8')
      return markers.some((marker) => text.includes(marker))
    })
    expect(bundled).toEqual([])
  })
})
