export declare const BUNDLE_OPTIONS: {
  readonly bundle: true
  readonly packages: 'external'
  readonly platform: 'node'
  readonly format: 'esm'
  readonly target: 'node20'
  readonly logLevel: 'warning'
}
