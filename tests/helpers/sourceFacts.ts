/** The eight category names of seed/source/zenly-partners.ja.txt, in source order, as tests expect them. */
export const SOURCE_CATEGORY_NAMES = [
  'クラウド プラットフォーム:計算とストレージ',
  'バグの検出',
  '地図',
  'SMS プロバイダー',
  '分析',
  'マーケティング',
  'サポート',
  '内部ツールとソフトウェア',
]
