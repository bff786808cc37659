import type { ChildProcess } from 'node:child_process'

export declare const PROJECT_ROOT: string
export declare const makeDataDir: (label: string) => string
export declare const childEnv: (extra: Record<string, string>) => NodeJS.ProcessEnv
export declare const runScript: (
  script: string,
  args: string[],
  env: Record<string, string>,
) => Promise<{ code: number | null; stdout: string; stderr: string }>
export declare const runScriptAsNpmDoes: (
  script: string,
  args: string[],
  env: Record<string, string>,
) => Promise<{ code: number | null; stdout: string; stderr: string }>
export declare const START_ARGS: string[]
export declare const runStart: (
  env: Record<string, string>,
) => Promise<{ code: number | null; stdout: string; stderr: string }>
/** A running server, as startServer resolves it. */
export type ServerHandle = {
  child: ChildProcess
  pid: number
  baseURL: string
  publicURL: string | null
  dataDir: string
  logs: () => string
  stop: (options?: { removeData?: boolean }) => Promise<void>
}
export declare const startServer: (options?: {
  dataDir?: string
  label?: string
  env?: Record<string, string>
  timeoutMs?: number
}) => Promise<ServerHandle>
export declare const stopServer: (child: ChildProcess) => Promise<void>
