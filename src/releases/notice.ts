import type { ChangeType } from './types'

const DAY_MS = 86_400_000

/** The earliest moment a material change published at `now` may take effect without a reason for shorter notice. */
export const earliestWithNotice = (now: number, noticeDays: number): number =>
  now + noticeDays * DAY_MS

/** A material change taking effect with less notice than required must say why (the urgency reason). */
export const checkNotice = ({
  changeType,
  effectiveAt,
  now,
  noticeDays,
  urgencyReason,
}: {
  changeType: ChangeType
  effectiveAt: number
  now: number
  noticeDays: number
  urgencyReason: string | null
}): { ok: true } | { ok: false; message: string } => {
  if (changeType !== 'material' || urgencyReason) return { ok: true }
  const earliest = earliestWithNotice(now, noticeDays)
  if (effectiveAt >= earliest) return { ok: true }
  const givenDays = Math.max(0, (effectiveAt - now) / DAY_MS)
  return {
    ok: false,
    message:
      `A material change needs ${noticeDays} days' notice (effective on or after ${new Date(earliest).toISOString()}); ` +
      `this one would take effect in ${givenDays.toFixed(1)} days. Give an "urgencyReason" to publish it sooner.`,
  }
}
