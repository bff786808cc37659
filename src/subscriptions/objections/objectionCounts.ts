import type { Payload, PayloadRequest } from 'payload'

export type ObjectionCount = { open: number; total: number }

/** Open and total objections per release number. */
export const tallyObjections = (
  rows: ReadonlyArray<{ releaseNumber: number; status: string }>,
): Map<number, ObjectionCount> => {
  const counts = new Map<number, ObjectionCount>()
  for (const { releaseNumber, status } of rows) {
    const count = counts.get(releaseNumber) ?? { open: 0, total: 0 }
    count.total += 1
    if (status === 'open') count.open += 1
    counts.set(releaseNumber, count)
  }
  return counts
}

/** Every release of a locale that has objections, with their counts; read with system access, so callers decide who sees them. */
export const objectionCounts = async (
  payload: Payload,
  req: PayloadRequest,
  locale: string,
): Promise<Map<number, ObjectionCount>> => {
  const { docs } = await payload.find({
    collection: 'objections',
    where: { locale: { equals: locale } },
    select: { releaseNumber: true, status: true },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return tallyObjections(docs)
}
