import fs from 'node:fs'

import { parse } from 'yaml'

import { parseDatabaseUrl } from '@/database/databaseUrl'

type Service = {
  image?: string
  build?: { context: string; dockerfile: string }
  command?: string[]
  environment?: Record<string, string>
  ports?: string[]
  depends_on?: Record<string, { condition: string }>
  healthcheck?: { test: string[] }
}

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<string, Service>
  }
  const { app, mongo } = compose.services

  it('has exactly the app and MongoDB services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'mongo'])
  })

  it('runs MongoDB 7 as a single-node replica set with a healthcheck', () => {
    expect(mongo?.image).toBe('mongo:7')
    expect(mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']))
    expect(mongo?.healthcheck?.test.join(' ')).toMatch(/rs\.initiate/)
    expect(mongo?.ports).toEqual(['127.0.0.1:27017:27017'])
  })

  it('builds the app from the Dockerfile, in production, waiting for a healthy MongoDB', () => {
    expect(app?.build).toEqual({ context: '.', dockerfile: 'Dockerfile' })
    expect(fs.existsSync('Dockerfile')).toBe(true)
    expect(app?.depends_on).toEqual({ mongo: { condition: 'service_healthy' } })
    expect(app?.environment?.NODE_ENV).toBe('production')
    expect(app?.environment?.PAYLOAD_SECRET).toMatch(/^\$\{PAYLOAD_SECRET:\?/)
    expect(app?.environment?.KAIJI_PUBLIC_PORT).toBe('3001')
    expect(app?.ports).toEqual(['127.0.0.1:3000:3000', '127.0.0.1:3001:3001'])
  })

  it('points DATABASE_URL at the mongo service, in a form the app accepts', () => {
    const url = app?.environment?.DATABASE_URL ?? ''
    expect(url).toBe('mongodb://mongo:27017/kaiji?replicaSet=rs0')
    expect(parseDatabaseUrl(url, '/data')).toEqual({ kind: 'mongodb', url })
  })

  it('the Dockerfile is multi-stage on Node 24 and runs the built server with node', () => {
    const dockerfile = fs.readFileSync('Dockerfile', 'utf8')
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3)
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m)
    expect(dockerfile).toMatch(/NODE_ENV=production/)
    expect(dockerfile).toMatch(/CMD \["node", "dist\/server\.mjs"\]/)
  })
})
