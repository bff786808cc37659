import { fork, type ChildProcess } from 'node:child_process'

import type { Payload } from 'payload'

import { childEnvironment, jsonLogs } from '../config/settings'
import { onReleasePublished } from '../releases/releaseSignal'
import { onSiteSettingsChanged } from '../site/siteSettingsSignal'
import { startupLog } from './logger'

/** Messages between the main process and its public-site child (over the IPC channel). */
export type PublicSiteMessage =
  | { type: 'ready'; url: string }
  | { type: 'release-published' }
  | { type: 'site-settings-changed'; updatedAt: string | null }

const FIRST_START_TIMEOUT_MS = 120_000
const RESTART_DELAY_MS = 1_000
const MAX_RESTART_DELAY_MS = 30_000
/** A child that ran this long before dying restarts at once: the crash was not a start-up loop. */
const STABLE_AFTER_MS = 60_000

export type PublicSiteSupervisor = { url: string; stop: () => Promise<void> }

const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `exit code ${code}`

/**
 * Runs the delivery-only process (this same entry point with `--public-only`) and keeps it running:
 * resolves once it listens, rejects with its output when the first start fails, restarts it with
 * backoff when it dies later, and tells it about publishes and settings saves made here so it need not wait for its poll.
 */
export const supervisePublicSite = ({
  entry,
  execArgv,
  port,
  payload,
}: {
  entry: string
  execArgv: string[]
  port: number
  payload: Payload
}): Promise<PublicSiteSupervisor> =>
  new Promise((resolve, reject) => {
    let child: ChildProcess | null = null
    let stopped = false
    let started = false
    let quickFailures = 0
    let listenPort = port
    let restartTimer: NodeJS.Timeout | undefined
    let url = ''

    const announcing = [
      onReleasePublished(() => {
        if (child?.connected) child.send({ type: 'release-published' } satisfies PublicSiteMessage)
      }),
      onSiteSettingsChanged((updatedAt) => {
        if (child?.connected)
          child.send({ type: 'site-settings-changed', updatedAt } satisfies PublicSiteMessage)
      }),
    ]

    const stop = () =>
      new Promise<void>((done) => {
        stopped = true
        clearTimeout(restartTimer)
        for (const stopAnnouncing of announcing) stopAnnouncing()
        const running = child
        if (!running || running.exitCode !== null || running.signalCode !== null) return done()
        running.once('exit', () => done())
        running.kill('SIGTERM')
        setTimeout(() => running.kill('SIGKILL'), 5_000).unref()
      })

    const launch = () => {
      const launchedAt = Date.now()
      let output = ''
      const current = fork(entry, ['--public-only'], {
        execArgv,
        env: childEnvironment({ KAIJI_PUBLIC_PORT: String(listenPort) }),
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      })
      child = current
      // The child's log lines go to this process's output, prefixed so they can be told apart.
      for (const stream of [current.stdout, current.stderr]) {
        stream?.on('data', (chunk: Buffer) => {
          const text = chunk.toString()
          if (!started) output += text
          const target = stream === current.stderr ? process.stderr : process.stdout
          // JSON lines pass through whole (a prefix would break them); readable lines say where they come from.
          target.write(jsonLogs() ? text : text.replace(/^(?=.)/gm, '[public] '))
        })
      }
      const firstStartTimer = started
        ? undefined
        : setTimeout(() => {
            current.kill('SIGKILL')
            void stop()
            reject(
              new Error(
                `the public site did not start within ${FIRST_START_TIMEOUT_MS / 1000} s:\n${output}`,
              ),
            )
          }, FIRST_START_TIMEOUT_MS)
      current.on('message', (message: PublicSiteMessage) => {
        if (message.type !== 'ready') return
        clearTimeout(firstStartTimer)
        url = message.url
        // A restart takes the same port, even when the first one was picked by the system (port 0).
        listenPort = Number(new URL(url).port)
        if (!started) {
          started = true
          resolve({ url, stop })
        } else {
          startupLog(`The public site is back on ${url}`)
        }
      })
      current.on('exit', (code, signal) => {
        clearTimeout(firstStartTimer)
        if (stopped) return
        if (!started) {
          void stop()
          reject(
            new Error(
              `the public site stopped before listening (${describeExit(code, signal)}):\n${output}`,
            ),
          )
          return
        }
        if (Date.now() - launchedAt > STABLE_AFTER_MS) quickFailures = 0
        const restartDelay = Math.min(RESTART_DELAY_MS * 2 ** quickFailures, MAX_RESTART_DELAY_MS)
        quickFailures += 1
        payload.logger.error(
          `The public site stopped (${describeExit(code, signal)}); restarting in ${restartDelay / 1000} s`,
        )
        restartTimer = setTimeout(launch, restartDelay)
      })
    }
    launch()
  })
