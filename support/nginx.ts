import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { PROJECT_ROOT } from './server.mjs'

/**
 * nginx for the tests and the benchmarks: deploy/nginx.conf (the README's configuration) or a
 * configuration of their own, in a folder of its own, in the foreground, on a free loopback port.
 */

export const NGINX_PACKAGES = ['nginx-light', 'libnginx-mod-http-brotli-static']

/** The nginx binary, or null when it is not installed. */
export const findNginx = (): string | null => {
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim()
  if (found) return found
  return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate)) ?? null
}

/** The brotli_static module's file, by the folder nginx was built to load modules from. */
export const brotliStaticModule = (nginx: string): string | null => {
  const { stdout, stderr } = spawnSync(nginx, ['-V'], { encoding: 'utf8' })
  const folder = /--modules-path=(\S+)/.exec(`${stdout}${stderr}`)?.[1] ?? '/usr/lib/nginx/modules'
  const module = path.join(folder, 'ngx_http_brotli_static_module.so')
  return fs.existsSync(module) ? module : null
}

/** deploy/nginx.conf with its `listen` and `root` lines pointed at `port` and `root`. */
export const kaijiNginxConf = (root: string, port: number): string => {
  const conf = fs.readFileSync(path.join(PROJECT_ROOT, 'deploy', 'nginx.conf'), 'utf8')
  const edited = conf
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \/srv\/kaiji\/site;$/m, `$1root ${root};`)
  if (!edited.includes(`listen 127.0.0.1:${port};`) || !edited.includes(`root ${root};`))
    throw new Error('deploy/nginx.conf no longer has the `listen 80;` and `root …;` lines to edit')
  return edited
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

export type RunningNginx = { url: string; port: number; dir: string; stop: () => Promise<void> }

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
  })

/**
 * Starts nginx with `http(port)` as its http block's contents, `workers` workers and the brotli_static
 * module loaded; resolves once it answers (any status) on `/`. `prefix` runs it under another command
 * (taskset). Workers started as root run as nobody: what they serve must be readable by anyone.
 */
export const startNginx = async ({
  http,
  workers = 1,
  prefix = [],
}: {
  http: (port: number) => string
  workers?: number
  prefix?: string[]
}): Promise<RunningNginx> => {
  const nginx = findNginx()
  if (!nginx)
    throw new Error(`nginx is not installed: apt-get install -y ${NGINX_PACKAGES.join(' ')}`)
  const module = brotliStaticModule(nginx)
  if (!module)
    throw new Error(
      'the brotli_static module of nginx is not installed: apt-get install -y libnginx-mod-http-brotli-static',
    )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-nginx-'))
  const port = await freePort()
  const conf = path.join(dir, 'nginx.conf')
  fs.writeFileSync(
    conf,
    `load_module ${module};
daemon off;
worker_processes ${workers};
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http(port)}
}
`,
  )
  const command = [...prefix, nginx, '-c', conf, '-p', `${dir}/`]
  const child = spawn(command[0] ?? nginx, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    await stopChild(child)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await (await fetch(url)).arrayBuffer()
      return { url, port, dir, stop }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const errorLog = path.join(dir, 'error.log')
  const logged = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : ''
  await stop()
  throw new Error(`nginx did not start: ${output}${logged}`)
}
