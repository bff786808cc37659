import {
  graphql,
  GraphQLBoolean,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
} from 'graphql'

import { fullPermissions } from '@/server/graphqlGuards'

/** The shape Payload's GraphQL schema gives the Access query: permission objects all the way down. */
const operation = (name: string) =>
  new GraphQLObjectType({
    name,
    fields: {
      permission: { type: new GraphQLNonNull(GraphQLBoolean) },
      where: { type: new GraphQLScalarType({ name: `${name}Where` }) },
    },
  })
const fieldPolicy = (name: string) =>
  new GraphQLObjectType({
    name,
    fields: {
      read: { type: operation(`${name}Read`) },
      update: { type: operation(`${name}Update`) },
    },
  })
const categories = new GraphQLObjectType({
  name: 'CategoriesAccess',
  fields: {
    fields: {
      type: new GraphQLObjectType({
        name: 'CategoriesFields',
        fields: { name: { type: fieldPolicy('Name') }, key: { type: fieldPolicy('Key') } },
      }),
    },
    read: { type: operation('CategoriesRead') },
    delete: { type: operation('CategoriesDelete') },
  },
})
const access = new GraphQLObjectType({
  name: 'Access',
  fields: {
    canAccessAdmin: { type: new GraphQLNonNull(GraphQLBoolean) },
    categories: { type: categories },
  },
})

describe('fullPermissions', () => {
  it("expands Payload's sanitized permissions to the shape the GraphQL type declares", () => {
    const sanitized = {
      canAccessAdmin: true,
      categories: {
        fields: { name: { read: true }, key: true },
        read: { permission: true, where: { id: { equals: 1 } } },
      },
    }
    expect(fullPermissions(access, sanitized)).toEqual({
      canAccessAdmin: true,
      categories: {
        fields: {
          name: {
            read: { permission: true, where: null },
            update: { permission: false, where: null },
          },
          key: {
            read: { permission: true, where: null },
            update: { permission: true, where: null },
          },
        },
        read: { permission: true, where: { id: { equals: 1 } } },
        delete: { permission: false, where: null },
      },
    })
    expect(fullPermissions(access, { canAccessAdmin: false })).toMatchObject({
      canAccessAdmin: false,
      categories: { read: { permission: false } },
    })
  })

  it('answers a query for field permissions where the sanitized result would give a non-null error', async () => {
    const sanitized = {
      canAccessAdmin: true,
      categories: { fields: { name: { read: true } }, read: true },
    }
    const query =
      '{ Access { categories { fields { name { read { permission } update { permission } } } read { permission } } } }'
    const raw = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { Access: { type: access, resolve: () => sanitized } },
      }),
    })
    expect((await graphql({ schema: raw, source: query })).errors?.[0]?.message).toMatch(
      /Cannot return null for non-nullable field/,
    )
    const fixed = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { Access: { type: access, resolve: () => fullPermissions(access, sanitized) } },
      }),
    })
    expect(await graphql({ schema: fixed, source: query })).toEqual({
      data: {
        Access: {
          categories: {
            fields: { name: { read: { permission: true }, update: { permission: false } } },
            read: { permission: true },
          },
        },
      },
    })
  })
})
