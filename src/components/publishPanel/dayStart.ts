/** How far the wall clock in `timeZone` is ahead of UTC at `ms`, in milliseconds. */
const offsetAt = (ms: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value)
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return wall - Math.floor(ms / 1000) * 1000
}

/**
 * The first midnight in `timeZone` after `ms`: the date the publish panel proposes for a material
 * change, so the notice period is met with room to spare ("effective 6 January, 0:00 JST").
 */
export const startOfNextDayIn = (ms: number, timeZone: string): number => {
  const wallNow = new Date(ms + offsetAt(ms, timeZone))
  const wallMidnight = Date.UTC(
    wallNow.getUTCFullYear(),
    wallNow.getUTCMonth(),
    wallNow.getUTCDate() + 1,
  )
  // The offset at midnight itself may differ from the offset now (a daylight-saving change).
  return wallMidnight - offsetAt(wallMidnight - offsetAt(ms, timeZone), timeZone)
}
