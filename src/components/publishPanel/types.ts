import type { ReleaseDiff } from '@/releases/types'

/** GET /api/releases/prospect: a publish or rollback not yet written, as the panel previews it. */
export type Prospect = {
  locale: string
  action: 'publish' | 'rollback'
  number: number
  contentHash: string
  changeType: 'editorial' | 'material'
  effectiveAt: string
  sourceRelease: { number: number; effectiveAt: string } | null
  heldBySource: boolean
  notice: { required: boolean; met: boolean; days: number; earliest: string }
  unchanged: boolean
  inEffect: number | null
  diff: ReleaseDiff | null
  html: string
}

/** A refusal as the release endpoints send it: the English message for API clients, a code for the admin. */
export type Refusal = {
  message: string
  code?: string
  params?: Record<string, string | number>
}
