import type { Payload } from 'payload'

import type { DeliveryService } from './deliveryService'
import { replaceExportTree } from './exportDirectory'
import { describeExport, writeStaticExport } from './staticExport'

/** setTimeout's longest wait; a later effective date is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** A timer may fire a millisecond early; the rewrite must see the new release in effect. */
const AFTER_EFFECTIVE_MS = 5
/** After a failed rewrite (a full disk, say), another try even if nothing changes meanwhile. */
const RETRY_MS = 60_000

export type StaticExportKeeper = {
  /** Stops rewriting; resolves once a rewrite under way has ended. */
  stop: () => Promise<void>
}

/**
 * Keeps a static export of the public site at `target` (KAIJI_STATIC_EXPORT_DIR): written at start,
 * then rewritten whenever the delivery service's answers may have changed (it is invalidated by a
 * publish or rollback here or in another process, or by anything else that changes the pages) and
 * when an announced release's effective date passes. One rewrite runs at a time; triggers meanwhile
 * make one more. A failed rewrite is logged and leaves the previous tree serving; the next trigger,
 * or a minute, tries again.
 */
export const keepStaticExport = (
  payload: Payload,
  delivery: DeliveryService,
  target: string,
): StaticExportKeeper => {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  let timer: NodeJS.Timeout | undefined

  const waitUntil = (at: number) => {
    clearTimeout(timer)
    if (!Number.isFinite(at) || stopped) return
    const wait = Math.max(0, at + AFTER_EFFECTIVE_MS - Date.now())
    timer = setTimeout(
      () => (wait > MAX_TIMER_MS ? waitUntil(at) : trigger()),
      Math.min(wait, MAX_TIMER_MS),
    )
    timer.unref()
  }

  const run = async () => {
    try {
      const stats = await replaceExportTree(target, (folder) => writeStaticExport(delivery, folder))
      payload.logger.info(`Static export written to ${target}: ${describeExport(stats)}`)
      waitUntil(stats.nextChangeAt)
    } catch (error) {
      // A change during the rewrite can make an answer differ from the path list read before it.
      if (again) {
        payload.logger.info(
          { err: error },
          `Static export: the public site changed while ${target} was written; writing it again`,
        )
        return
      }
      payload.logger.error(
        { err: error },
        `Static export: could not rewrite ${target}; the previous tree keeps serving, and the next change (or a minute) tries again`,
      )
      waitUntil(Date.now() + RETRY_MS)
    }
  }

  const trigger = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        await run()
      } while (again && !stopped)
      running = null
    })()
  }

  const unsubscribe = delivery.onInvalidate(trigger)
  trigger()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      unsubscribe()
      await running
    },
  }
}
