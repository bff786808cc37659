import type { ChangeType } from './types'

export const DEFAULT_MATERIAL_NOTICE_DAYS = 30
const DAY_MS = 86_400_000

/** Days of advance notice a material change needs (GDPR Art. 28(2), SCC clause 9); KAIJI_MATERIAL_NOTICE_DAYS. */
export const materialNoticeDays = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): number => {
  const raw = env.KAIJI_MATERIAL_NOTICE_DAYS
  if (raw === undefined || raw === '') return DEFAULT_MATERIAL_NOTICE_DAYS
  const days = Number(raw)
  if (!Number.isFinite(days) || days < 0) {
    throw new Error(
      `KAIJI_MATERIAL_NOTICE_DAYS must be a number of days (0 or more), not ${JSON.stringify(raw)}.`,
    )
  }
  return days
}

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
  const earliest = now + noticeDays * DAY_MS
  if (effectiveAt >= earliest) return { ok: true }
  const givenDays = Math.max(0, (effectiveAt - now) / DAY_MS)
  return {
    ok: false,
    message:
      `A material change needs ${noticeDays} days' notice (effective on or after ${new Date(earliest).toISOString()}); ` +
      `this one would take effect in ${givenDays.toFixed(1)} days. Give an "urgencyReason" to publish it sooner.`,
  }
}
