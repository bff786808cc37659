import path from 'node:path'

import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from '@/database/databaseUrl'
import { isUniqueViolation } from '@/database/uniqueViolation'

describe('parseDatabaseUrl', () => {
  it('defaults to a SQLite file under the data folder', () => {
    expect(parseDatabaseUrl(undefined, '/srv/kaiji/data')).toEqual({
      kind: 'sqlite',
      url: 'file:/srv/kaiji/data/kaiji.db',
      filePath: '/srv/kaiji/data/kaiji.db',
    })
    expect(parseDatabaseUrl('  ', '/d').kind).toBe('sqlite')
  })

  it('takes file: URLs as SQLite, relative or absolute', () => {
    expect(parseDatabaseUrl('file:./data/x.db', '/d')).toMatchObject({
      filePath: path.resolve('data/x.db'),
    })
    expect(parseDatabaseUrl('file:/var/lib/kaiji.db', '/d')).toMatchObject({
      kind: 'sqlite',
      url: 'file:/var/lib/kaiji.db',
    })
    expect(parseDatabaseUrl('file:///var/lib/kaiji.db', '/d')).toMatchObject({
      filePath: '/var/lib/kaiji.db',
    })
  })

  it('takes mongodb:// and mongodb+srv:// as MongoDB', () => {
    expect(parseDatabaseUrl('mongodb://mongo:27017/kaiji?replicaSet=rs0', '/d')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://mongo:27017/kaiji?replicaSet=rs0',
    })
    expect(parseDatabaseUrl('mongodb+srv://u:p@cluster.example/kaiji', '/d').kind).toBe('mongodb')
  })

  it.each(['postgres://localhost/kaiji', 'mysql://x', 'kaiji.db', 'file:', 'mongodb://'])(
    'refuses %s, naming DATABASE_URL',
    (url) => {
      expect(() => parseDatabaseUrl(url, '/d')).toThrow(DatabaseUrlError)
      expect(() => parseDatabaseUrl(url, '/d')).toThrow(/DATABASE_URL/)
    },
  )

  it('never repeats credentials in its error', () => {
    expect(() => parseDatabaseUrl('postgres://admin:s3cret@db/kaiji', '/d')).toThrow(
      /postgres:\/\/\*\*\*@db\/kaiji/,
    )
    expect(redactDatabaseUrl('mongodb://u:p@h/db')).toBe('mongodb://***@h/db')
  })
})

describe('unique-index violations', () => {
  it.each([
    [
      'SQLite',
      new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: releases.locale, releases.number'),
    ],
    [
      'MongoDB',
      new Error(
        'E11000 duplicate key error collection: kaiji.releases index: locale_1_number_1 dup key',
      ),
    ],
    [
      "Payload's validation",
      Object.assign(new Error('The following field is invalid: dedupeKey'), {
        data: { errors: [{ message: 'Value must be unique', path: 'dedupeKey' }] },
      }),
    ],
  ])('are recognised from %s', (_label, error) => {
    expect(isUniqueViolation(error)).toBe(true)
  })

  it('other errors are not', () => {
    expect(isUniqueViolation(new Error('SQLITE_BUSY: database is locked'))).toBe(false)
    expect(isUniqueViolation('unique')).toBe(false)
  })
})
