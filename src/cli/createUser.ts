import { parseArgs } from 'node:util'

import { createUser, CreateUserError, validateCreateUserInput } from '../auth/createUser'
import { runCli, UsageError } from './runCli'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    locales: { type: 'string' },
    name: { type: 'string' },
  },
})

// Refuse bad input before opening the database: it needs no database to be wrong.
try {
  validateCreateUserInput(values)
} catch (error) {
  process.stderr.write(`create-user: ${(error as Error).message}\n`)
  process.exit(1)
}

void runCli(async (payload) => {
  try {
    const user = await createUser(payload, values)
    const scope = user.assignedLocales?.length ? ` for ${user.assignedLocales.join(', ')}` : ''
    return `Created ${user.role} ${user.email}${scope} (id ${user.id}).`
  } catch (error) {
    if (error instanceof CreateUserError) throw new UsageError(`create-user: ${error.message}`)
    throw error
  }
})
