import { processWide } from '../utilities/processWide'

/** The saved settings' updatedAt: a reader that still sees an older one has not seen the commit yet. */
type Listener = (updatedAt: string | null) => void

// The save runs in Next's bundle and the delivery layer in the server's: both module copies meet here.
const listeners = processWide('siteSettingsChanged', () => new Set<Listener>())

export const onSiteSettingsChanged = (listener: Listener): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const announceSiteSettingsChanged = (updatedAt: string | null): void => {
  for (const listener of listeners) listener(updatedAt)
}
