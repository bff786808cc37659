import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type ExecutionArgs,
  type GraphQLFieldConfig,
  type GraphQLOutputType,
  type ValidationRule,
} from 'graphql'
import type { GraphQLExtension, GraphQLInfo, SanitizedConfig } from 'payload'

import { apiShape, type EntityShape } from './apiShape'
import { fallbackLocaleProblem, sortProblem, whereProblem } from './queryShape'

/**
 * GraphQL's side of the request guards, installed through Payload's `graphQL` config: a validation
 * rule that checks every `where` and `sort` argument as the REST guard checks a query string (so a
 * query Payload cannot run is a 400 naming it, not a resolver's 500), and the Access queries answered
 * in the shape their GraphQL types declare.
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Payload's access results are sanitized: `{ read: { permission: true } }` becomes `read: true`, a
 * refused operation is left out, `fields: true` stands for every field. Its GraphQL types still
 * declare `permission: Boolean!` everywhere, so a query for a field's permission fails with a 500.
 * This expands a result to exactly what `type` asks for: true below a `true`, false where left out.
 */
export const fullPermissions = (type: GraphQLOutputType, value: unknown): unknown => {
  const named = getNamedType(type)
  if (!isObjectType(named)) return value
  const result: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(named.getFields())) {
    const inner = value === true ? true : isObject(value) ? value[name] : undefined
    if (name === 'permission') result[name] = value === true || inner === true
    else if (name === 'where') result[name] = isObject(inner) ? inner : null
    else if (isObjectType(getNamedType(field.type)))
      result[name] = fullPermissions(field.type, inner ?? false)
    else result[name] = inner ?? (isNonNullType(field.type) ? false : null)
  }
  return result
}

type Target = { entity: EntityShape; versions: boolean }
type FieldConfig = GraphQLFieldConfig<unknown, unknown>

/** The object type a list query returns its `docs` as. */
const docsTypeOf = (type: unknown) => {
  const named = isObjectType(type) ? type : undefined
  const docs = named?.getFields().docs?.type
  if (!docs) return undefined
  let inner = docs
  while (isNonNullType(inner) || isListType(inner)) inner = inner.ofType
  return inner
}

/** Which collection or global (and whether its versions) each `where` input type filters. */
const targetsOf = (config: SanitizedConfig, info: GraphQLInfo): Map<string, Target> => {
  const shape = apiShape(config)
  const targets = new Map<string, Target>()
  for (const field of Object.values(info.Query.fields) as FieldConfig[]) {
    const whereType = field.args?.where?.type
    if (!whereType || !isInputObjectType(whereType)) continue
    const docs = docsTypeOf(field.type)
    for (const [slug, collection] of Object.entries(info.collections)) {
      const entity = shape.collections.get(slug)
      if (!entity || !collection.graphQL) continue
      if (collection.graphQL.whereInputType === whereType)
        targets.set(whereType.name, { entity, versions: false })
      else if (docs !== undefined && collection.graphQL.versionType === docs)
        targets.set(whereType.name, { entity, versions: true })
    }
    // Payload keys these by the global's index in the config, not its slug.
    for (const [key, global] of Object.entries(info.globals.graphQL ?? {})) {
      const entity =
        shape.globals.get(key) ?? shape.globals.get(info.globals.config[Number(key)]?.slug ?? '')
      if (
        entity &&
        docs !== undefined &&
        (global as { versionType?: unknown }).versionType === docs
      )
        targets.set(whereType.name, { entity, versions: true })
    }
  }
  return targets
}

/** The shared state between the schema build (queries) and each request's validation. */
export const graphqlGuards = (): {
  queries: GraphQLExtension
  validationRules: (args: ExecutionArgs) => ValidationRule[]
} => {
  let targets = new Map<string, Target>()
  let locales: readonly string[] = []

  const queries: GraphQLExtension = (_graphQL, info) => {
    targets = targetsOf(info.config, info)
    locales = info.config.localization ? info.config.localization.localeCodes : []
    const accessQueries = Object.entries(info.Query.fields as Record<string, FieldConfig>).filter(
      ([name]) => name === 'Access' || name.startsWith('docAccess'),
    )
    return Object.fromEntries(
      accessQueries.map(([name, field]) => [
        name,
        {
          ...field,
          resolve: async (
            ...[source, args, context, resolveInfo]: Parameters<NonNullable<FieldConfig['resolve']>>
          ) => {
            // Payload's docAccess resolver for globals reads its context from the second argument (a slip
            // that makes it fail with a 500): give it the request there as well.
            const request = isObject(context) ? context.req : undefined
            return fullPermissions(
              field.type,
              await field.resolve?.(source, { ...args, req: request }, context, resolveInfo),
            )
          },
        },
      ]),
    )
  }

  const validationRules = (args: ExecutionArgs): ValidationRule[] => {
    const req =
      isObject(args.contextValue) && isObject(args.contextValue.req)
        ? args.contextValue.req
        : undefined
    // Resolvers refuse anonymous callers before they run a query: they hear that, not about their input.
    if (!req?.user) return []
    const requestLocale = req.locale
    const variables = args.variableValues ?? undefined
    const rule: ValidationRule = (context) => ({
      Field(node) {
        const fallback = node.arguments?.find(
          (argument) => argument.name.value === 'fallbackLocale',
        )
        const fallbackFound = fallback
          ? fallbackLocaleProblem(
              'fallbackLocale',
              valueFromASTUntyped(fallback.value, variables) as unknown,
            )
          : null
        if (fallbackFound && fallback)
          context.reportError(new GraphQLError(fallbackFound, { nodes: [fallback] }))
        const definition = context.getFieldDef()
        const whereArgument = definition?.args.find((argument) => argument.name === 'where')
        const target = whereArgument
          ? targets.get(getNamedType(whereArgument.type).name)
          : undefined
        if (!target) return
        const valueOf = (name: string) => {
          const argument = node.arguments?.find((candidate) => candidate.name.value === name)
          return argument
            ? { node: argument, value: valueFromASTUntyped(argument.value, variables) as unknown }
            : undefined
        }
        const locale = valueOf('locale')
        const context_ = {
          fields: target.versions
            ? (target.entity.versionFields ?? target.entity.fields)
            : target.entity.fields,
          locales,
          localeNamed: Boolean(locale?.value ?? requestLocale),
          localeHint: `pass locale: one of ${locales.join(', ')}`,
          style: 'graphql' as const,
        }
        const where = valueOf('where')
        const whereFound =
          where && where.value !== null && where.value !== undefined
            ? whereProblem(where.value, context_)
            : null
        if (whereFound && where)
          context.reportError(new GraphQLError(whereFound, { nodes: [where.node] }))
        const sort = valueOf('sort')
        const sortFound = sort ? sortProblem(sort.value, context_) : null
        if (sortFound && sort)
          context.reportError(new GraphQLError(sortFound, { nodes: [sort.node] }))
      },
    })
    return [rule]
  }

  return { queries, validationRules }
}
