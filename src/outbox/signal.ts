import { processWide } from '../utilities/processWide'

type Listener = () => void

// Endpoints run in Next's bundle and the worker in the server's: both module copies meet here.
const listeners = processWide('outboxQueued', () => new Set<Listener>())

export const onOutboxQueued = (listener: Listener): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Call after a commit that queued deliveries, so they leave now rather than at the next poll. */
export const outboxQueued = (): void => {
  for (const listener of listeners) listener()
}
