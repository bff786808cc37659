import fs from 'node:fs'

/** Child processes of `pid`, from /proc (Linux). */
export const childrenOf = (pid: number): number[] =>
  fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        const stat = fs.readFileSync(`/proc/${candidate}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
      } catch {
        return false
      }
    })

/** Resident memory of a process in MB, from /proc (Linux). */
export const residentMb = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) / 1024
}

/** The highest resident memory of `pid` while `work` runs, sampled every 20 ms, with the figure before. */
export const peakResidentMb = async <T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ beforeMb: number; peakMb: number; result: T }> => {
  const beforeMb = residentMb(pid)
  let peakMb = beforeMb
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, residentMb(pid))
  }, 20)
  try {
    const result = await work()
    peakMb = Math.max(peakMb, residentMb(pid))
    return { beforeMb, peakMb, result }
  } finally {
    clearInterval(timer)
  }
}
