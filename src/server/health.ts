import type { Payload } from 'payload'

const READINESS_TIMEOUT_MS = 2_000

export type HealthAnswer = { status: number; body: Record<string, string> }

/** True when the database answers a trivial query in time; uses only the Local API, so any adapter works. */
export const databaseIsReachable = async (payload: Payload): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS)
  })
  try {
    const probe = payload.count({ collection: 'users', overrideAccess: true }).then(() => true)
    return await Promise.race([probe, timeout])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

/** `/healthz`: the process is alive and answering. */
export const liveness = (): HealthAnswer => ({ status: 200, body: { status: 'ok' } })

/** `/readyz`: the process can serve, because its database answers. */
export const readiness = async (payload: Payload): Promise<HealthAnswer> =>
  (await databaseIsReachable(payload))
    ? { status: 200, body: { status: 'ready', database: 'reachable' } }
    : { status: 503, body: { status: 'unavailable', database: 'unreachable' } }
