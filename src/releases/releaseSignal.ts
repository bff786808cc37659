import { processWide } from '../utilities/processWide'
import type { StoredRelease } from './releaseStore'

type Listener = (release: StoredRelease) => void

// The publish endpoint runs in Next's bundle and the delivery layer in the server's: both module copies meet here.
const listeners = processWide('releasePublished', () => new Set<Listener>())

/** Called after a publish or rollback has committed. Returns an unsubscribe function. */
export const onReleasePublished = (listener: Listener): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const announceReleasePublished = (release: StoredRelease): void => {
  for (const listener of listeners) listener(release)
}
