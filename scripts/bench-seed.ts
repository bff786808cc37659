/** Times the source import in-process on a fresh migrated database; run by bench-startup.ts. */
import { describeSeedReport, importSourceFile } from '@seed/importSource'
import { resolveEnvironment } from '@/config/environment'
import { openPayload } from '@/database/openPayload'

const payload = await openPayload(resolveEnvironment())
let started = performance.now()
const first = await importSourceFile({ payload, actor: 'bench' })
const firstMs = performance.now() - started
started = performance.now()
const again = await importSourceFile({ payload, actor: 'bench' })
const againMs = performance.now() - started
process.stdout.write(
  `seed import, empty database\t${firstMs.toFixed(0)} ms (${describeSeedReport(first).slice(0, 40)}…)\n`,
)
process.stdout.write(
  `seed import, repeated (no change)\t${againMs.toFixed(0)} ms (${describeSeedReport(again).slice(0, 40)}…)\n`,
)
process.stdout.write(`ratio repeated / first\t${(againMs / firstMs).toFixed(2)}\n`)
await payload.db.destroy?.()
process.exit(0)
