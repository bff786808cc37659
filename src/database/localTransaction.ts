import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

/**
 * Runs `work` in a transaction of its own (for code with no request: the outbox worker, the public
 * site's forms). Nothing it wrote stays if it throws. The transaction waits its turn behind other
 * writers (see takeTurnsWriting).
 */
export const inLocalTransaction = async <T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const req = await createLocalReq({}, payload)
  try {
    await initTransaction(req)
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
