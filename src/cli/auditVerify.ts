import { verifyAuditTrail } from '../audit/verifyAuditTrail'
import { runCli, UsageError } from './runCli'

void runCli(async (payload) => {
  const { events, broken } = await verifyAuditTrail(payload)
  if (broken) {
    throw new UsageError(
      `Audit trail BROKEN at event ${broken.id} (position ${broken.position + 1} of ${events}): ${broken.problem}.`,
    )
  }
  return `Audit trail intact: ${events} events, every link verified.`
})
