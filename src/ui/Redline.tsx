import type { FieldChange, TextChange } from '@/diff/types'

/**
 * A word-level redline in the admin, in the public diff's style (src/delivery/render/pages/layout.ts):
 * inserted text on green and underlined, deleted text on red and struck through. The colours come
 * from Payload's theme, so it reads in light and dark.
 */
export const Redline = ({ changes }: { changes: readonly TextChange[] }) => (
  <span className="kaiji-redline" style={{ whiteSpace: 'pre-wrap' }}>
    {changes.map((part, index) =>
      part.kind === 'insert' ? (
        <ins key={index} style={{ background: 'var(--theme-success-100)' }}>
          {part.text}
        </ins>
      ) : part.kind === 'delete' ? (
        <del key={index} style={{ background: 'var(--theme-error-100)' }}>
          {part.text}
        </del>
      ) : (
        <span key={index}>{part.text}</span>
      ),
    )}
  </span>
)

/** One redline per changed field, each under the name the admin shows for the field. */
export const FieldRedlines = ({
  changes,
  fieldLabel,
  testId,
}: {
  changes: readonly Pick<FieldChange, 'field' | 'changes'>[]
  fieldLabel: (field: string) => string
  testId?: string
}) => (
  <dl data-testid={testId} style={{ margin: 0 }}>
    {changes.map(({ field, changes: parts }) => (
      <div key={field} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
        <dt style={{ fontWeight: 600 }}>{fieldLabel(field)}</dt>
        <dd style={{ margin: 0 }}>
          <Redline changes={parts} />
        </dd>
      </div>
    ))}
  </dl>
)
