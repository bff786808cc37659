import { Writable } from 'node:stream'

import { GraphQLError } from 'graphql'
import { APIError, AuthenticationError, Forbidden } from 'payload'
import { pino } from 'pino'

import { logRefusalsQuietly, refusalLevel, refusalOf } from '@/server/refusalLogging'

/** A pino logger as the config builds it (JSON, the hook installed), writing into an array. */
const capture = () => {
  const lines: Array<Record<string, unknown>> = []
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  return {
    logger: pino({ name: 'kaiji', hooks: { logMethod: logRefusalsQuietly } }, destination),
    lines,
  }
}

describe('refusals are logged as refusals, errors as errors', () => {
  it('a 4xx APIError logged at error becomes one line at info (or warn for access and limits), without a stack', () => {
    const { logger, lines } = capture()
    logger.error({
      err: new APIError(
        'Someone saved this document since you read it (revision 3, now 4). Reload.',
        409,
      ),
    })
    logger.error({
      err: new APIError(
        'You edited this content since its last approval; someone else must approve it.',
        403,
      ),
    })
    logger.error({ err: new AuthenticationError() })
    logger.error({ err: new APIError('Too many sign-in attempts', 429) }, 'sign-in refused')
    expect(lines.map(({ level, status, error, msg }) => ({ level, status, error, msg }))).toEqual([
      {
        level: 30,
        status: 409,
        error: 'APIError',
        msg: 'Someone saved this document since you read it (revision 3, now 4). Reload.',
      },
      {
        level: 40,
        status: 403,
        error: 'APIError',
        msg: 'You edited this content since its last approval; someone else must approve it.',
      },
      {
        level: 40,
        status: 401,
        error: 'AuthenticationError',
        msg: 'The email or password provided is incorrect.',
      },
      { level: 40, status: 429, error: 'APIError', msg: 'sign-in refused' },
    ])
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/stack|\bat .+\.(ts|js):\d+/)
  })

  it('a refusal wrapped by GraphQL is classed by the status it wraps', () => {
    const { logger, lines } = capture()
    logger.error({
      err: new GraphQLError('You are not allowed to perform this action.', {
        originalError: new Forbidden(),
      }),
    })
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        status: 403,
        error: 'Forbidden',
        msg: 'You are not allowed to perform this action.',
      }),
    ])
  })

  it('a real error stays at error with its stack, however it is logged; other levels are untouched', () => {
    const { logger, lines } = capture()
    logger.error(
      { err: new TypeError("Cannot read properties of undefined (reading 'id')") },
      'request failed',
    )
    logger.error({ err: new APIError('Something went wrong.', 500) })
    logger.error(new Error('plain'))
    logger.error({ err: new GraphQLError('boom', { originalError: new Error('db gone') }) })
    logger.warn({ err: new APIError('already a warning', 409) }, 'kept')
    logger.info('started')
    expect(lines.map((line) => line.level)).toEqual([50, 50, 50, 50, 40, 30])
    expect((lines[0]?.err as { stack?: string }).stack).toMatch(/TypeError: Cannot read properties/)
    expect((lines[1]?.err as { stack?: string }).stack).toMatch(/APIError: Something went wrong/)
    expect(lines[2]?.stack ?? (lines[2]?.err as { stack?: string } | undefined)?.stack).toMatch(
      /Error: plain/,
    )
    expect(lines[4]).toMatchObject({ msg: 'kept' })
  })

  it('classifies by status', () => {
    expect(refusalOf(new APIError('x', 404))).toEqual({
      status: 404,
      name: 'APIError',
      message: 'x',
    })
    expect(refusalOf(new APIError('x', 503))).toBeNull()
    expect(refusalOf(new Error('x'))).toBeNull()
    expect(refusalOf({ status: '400' })).toBeNull()
    expect(refusalOf(null)).toBeNull()
    expect([400, 401, 403, 404, 409, 413, 422, 429].map(refusalLevel)).toEqual([
      'info',
      'warn',
      'warn',
      'info',
      'info',
      'info',
      'info',
      'warn',
    ])
  })
})
