import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FieldHook,
} from 'payload'

import {
  actorLabelsFor,
  lastActionFor,
  optionalActorLabelFor,
  releaseSourcesFor,
  seesEmails,
  type Reader,
} from './actorLabel'

/**
 * Reads that check access (REST, GraphQL, the admin) get actor labels as their reader may see them;
 * the server's own reads (overrideAccess) get what is stored, so nothing it writes back, ships in a
 * release or hashes into the trail ever loses the stored label.
 */
const forReader =
  (present: (value: unknown, reader: Reader) => unknown): FieldHook =>
  ({ value, req, overrideAccess }) =>
    overrideAccess ? value : present(value, req.user)

/** afterRead of a text field holding one label. */
export const presentActorLabel = forReader(optionalActorLabelFor)
/** afterRead of a JSON list of labels. */
export const presentActorLabels = forReader(actorLabelsFor)
/** afterRead of a workflow row's `lastAction` (`by` is a label). */
export const presentLastAction = forReader(lastActionFor)
/** afterRead of a release's `sources` (each names its approver). */
export const presentReleaseSources = forReader(releaseSourcesFor)

const LOGICAL = new Set(['and', 'or'])

/** Every field path a `where` names, through `and` / `or` at any depth. */
export const wherePaths = (where: unknown): string[] => {
  const paths: string[] = []
  const stack: unknown[] = [where]
  while (stack.length) {
    const current = stack.pop()
    if (!current || typeof current !== 'object') continue
    if (Array.isArray(current)) {
      stack.push(...current)
      continue
    }
    for (const [key, value] of Object.entries(current)) {
      if (LOGICAL.has(key.toLowerCase())) stack.push(value)
      else paths.push(key)
    }
  }
  return paths
}

/** Field paths of a sort (`-a`, `a,-b` or a list of them). */
export const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : [sort])
    .filter((entry): entry is string => typeof entry === 'string')
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim().replace(/^[-+]/, ''))
    .filter(Boolean)

/** Which of `fields` a query filters or sorts by (a path's first segment names the field). */
export const queriedFields = (
  fields: readonly string[],
  where: unknown,
  sort: unknown,
): string[] => [
  ...new Set(
    [...wherePaths(where), ...sortPaths(sort)]
      .map((path) => path.split('.')[0] ?? '')
      .filter((field) => fields.includes(field)),
  ),
]

/** The sort without its terms on `fields` (direction kept); undefined when nothing is left. */
export const sortWithout = (fields: readonly string[], sort: unknown): string | undefined => {
  const kept = (Array.isArray(sort) ? sort : [sort])
    .filter((entry): entry is string => typeof entry === 'string')
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry && !fields.includes(entry.replace(/^[-+]/, '').split('.')[0] ?? ''))
  return kept.length ? kept.join(',') : undefined
}

const READS = new Set(['read', 'count', 'readDistinct'])

/**
 * The stored labels hold email addresses: a filter, sort or distinct list of them would let a reader
 * who is shown only names find an address one guess at a time. Refused for everyone but
 * administrators, with one exception: the admin's list offers a sort button on every column and
 * cannot be told otherwise, so its sort by these fields (a Local API read with a user) is dropped
 * rather than breaking the page.
 */
export const refuseActorQueries =
  <TSlug extends CollectionSlug>(fields: readonly string[]): CollectionBeforeOperationHook<TSlug> =>
  ({ args, operation, overrideAccess, req }) => {
    // Anonymous callers are refused by the collection's access rule, which runs next.
    if (overrideAccess || !req.user || seesEmails(req.user) || !READS.has(operation)) return args
    const { where, sort, field } = args as { where?: unknown; sort?: unknown; field?: unknown }
    const adminList = req.payloadAPI === 'local'
    // A distinct query returns stored values as they are.
    const named = queriedFields(fields, where, [
      ...(typeof field === 'string' ? [field] : []),
      ...(adminList ? [] : sortPaths(sort)),
    ])
    if (named.length) {
      throw new APIError(
        `Only administrators may filter, sort or group by ${named.join(', ')}: the stored value holds email addresses.`,
        403,
        null,
        true,
      )
    }
    return adminList && queriedFields(fields, undefined, sort).length
      ? { ...args, sort: sortWithout(fields, sort) }
      : args
  }
