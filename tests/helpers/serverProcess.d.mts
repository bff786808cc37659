import type { ChildProcess } from 'node:child_process'

export declare const PROJECT_ROOT: string
export declare const makeDataDir: (label: string) => string
export declare const childEnv: (extra: Record<string, string>) => NodeJS.ProcessEnv
export declare const runScript: (
  script: string,
  args: string[],
  env: Record<string, string>,
) => Promise<{ code: number | null; stdout: string; stderr: string }>
export declare const START_ARGS: string[]
export declare const runStart: (
  env: Record<string, string>,
) => Promise<{ code: number | null; stdout: string; stderr: string }>
export declare const startServer: (options: {
  dataDir: string
  env?: Record<string, string>
  timeoutMs?: number
}) => Promise<{
  child: ChildProcess
  baseURL: string
  publicURL: string | null
  output: () => string
}>
export declare const stopServer: (child: ChildProcess) => Promise<void>
