import { createHash } from 'node:crypto'

/**
 * Stable keys for the categories of the Zenly source, by their Japanese type name. A category the
 * table does not know gets a key derived from its name, so re-imports always find the same row.
 */
export const KNOWN_CATEGORY_KEYS: Readonly<Record<string, string>> = {
  'クラウド プラットフォーム:計算とストレージ': 'cloud-platform',
  バグの検出: 'bug-detection',
  地図: 'maps',
  'SMS プロバイダー': 'sms-providers',
  分析: 'analytics',
  マーケティング: 'marketing',
  サポート: 'support',
  内部ツールとソフトウェア: 'internal-tools',
}

export const categoryKeyFor = (name: string): string =>
  KNOWN_CATEGORY_KEYS[name] ??
  `category-${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 10)}`
