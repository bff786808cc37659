import fs from 'node:fs/promises'
import path from 'node:path'

import { StaticExportError } from './staticExport'

/**
 * A static export is replaced whole: each tree is written into a new folder beside the target (a
 * generation), then the target, a symbolic link, is pointed at it with one rename(2), so a server
 * reading it (nginx's root) sees the old tree or the new one, never half of one. The link is
 * relative, so the folder can be mounted elsewhere (another container) and still resolve. Older
 * generations are removed after the swap.
 */

const GENERATION = /^(?<stamp>\d{8}T\d{9}Z)-(?<pid>\d+)-(?<sequence>\d+)$/

let sequence = 0

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error'

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

/**
 * Refuses a target that is not ours to replace: a file, or a folder with something in it. A path
 * that does not exist yet, a link an earlier export made, or an empty folder is fine.
 */
export const checkExportTarget = async (target: string): Promise<void> => {
  let stat
  try {
    stat = await fs.lstat(target)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    throw new StaticExportError(
      `The export folder ${target} cannot be used (${errorCode(error)}): name a path in a folder this user can write.`,
    )
  }
  if (stat.isSymbolicLink()) return
  if (stat.isDirectory() && (await fs.readdir(target)).length === 0) return
  throw new StaticExportError(
    `${target} is ${stat.isDirectory() ? 'a folder with files in it' : 'a file'}: the export replaces it with a link to each new tree, so name a path that does not exist yet (or one an earlier export made), e.g. ${path.join(target, 'kaiji')}, and point the web server's root at it.`,
  )
}

const generationsBeside = async (parent: string, base: string) =>
  (await fs.readdir(parent)).flatMap((name) => {
    if (!name.startsWith(`${base}.`)) return []
    const match = GENERATION.exec(name.slice(base.length + 1))
    return match?.groups ? [{ name, pid: Number(match.groups.pid) }] : []
  })

/**
 * Writes a new tree with `write` and swaps it in at `target`; returns what `write` returned. When
 * `write` fails, its partial tree is removed and the target is left as it was.
 */
export const replaceExportTree = async <T>(
  target: string,
  write: (folder: string) => Promise<T>,
): Promise<T> => {
  const absolute = path.resolve(target)
  const parent = path.dirname(absolute)
  const base = path.basename(absolute)
  await checkExportTarget(absolute)
  sequence += 1
  const stamp = new Date().toISOString().replace(/[-:.]/g, '')
  const name = `${base}.${stamp}-${process.pid}-${sequence}`
  const folder = path.join(parent, name)
  try {
    await fs.mkdir(parent, { recursive: true })
    await fs.mkdir(folder, { mode: 0o755 })
    // The mode asked for passes through the umask; the web server's user must read the tree.
    await fs.chmod(folder, 0o755)
  } catch (error) {
    throw new StaticExportError(
      `Cannot write the export beside ${absolute} (${errorCode(error)}): make ${parent} writable for this user.`,
    )
  }
  let result: T
  try {
    result = await write(folder)
    const link = path.join(parent, `${base}.link-${process.pid}-${sequence}`)
    await fs.symlink(name, link)
    try {
      const stat = await fs.lstat(absolute).catch(() => null)
      // An empty folder cannot be renamed over; nothing was served from it.
      if (stat?.isDirectory()) await fs.rmdir(absolute)
      await fs.rename(link, absolute)
    } catch (error) {
      await fs.rm(link, { force: true })
      throw error
    }
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true })
    throw error
  }
  // Every older generation goes, except one another live process may still be writing.
  for (const old of await generationsBeside(parent, base)) {
    if (old.name === name) continue
    if (old.pid !== process.pid && isRunning(old.pid)) continue
    await fs.rm(path.join(parent, old.name), { recursive: true, force: true })
  }
  return result
}
