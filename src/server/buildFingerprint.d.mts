export declare const FINGERPRINT_FILE: string
export declare const SERVER_BUNDLE: string
export declare const computeBuildFingerprint: (root: string) => string
export declare const buildIsCurrent: (root: string) => boolean
export declare const recordBuildFingerprint: (root: string) => void
