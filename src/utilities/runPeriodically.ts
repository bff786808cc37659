/**
 * Runs `task` now, then again `intervalMs` after each run ends (so never two at once), until stopped.
 * A failed run is reported and the next one goes ahead. The timer does not keep the process alive.
 */
export const runPeriodically = (
  task: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop: () => void } => {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const loop = () => {
    task()
      .catch(onError)
      .finally(() => {
        if (stopped) return
        timer = setTimeout(loop, intervalMs)
        timer.unref()
      })
  }
  loop()
  return {
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}
