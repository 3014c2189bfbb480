import path from 'node:path';
import type { PostGraphileOptions } from 'postgraphile';
import { makePluginHook } from 'postgraphile';
import { NodePlugin } from 'graphile-build';
import type { Request } from 'express';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { jwtVerifyOptions, secretKey } from '../jwt';
import { NonNullResultsPlugin, PlainListNamesPlugin } from './schemaShape';
import { SimpleMutationsPlugin } from './simpleMutations';
import { makeErrorHandler } from './errors';
import { makeQueryLimitsPlugin } from './queryLimits';
import { makeNotificationCreatedPlugin, type NotificationFeed } from './notificationCreated';
import { BODY_LIMIT } from '../install/requestGuards';
import { VISITOR_ROLE } from '@bellhop/db';

export const SCHEMAS = ['app_public'];
export const SCHEMA_EXPORT_PATH = path.resolve(__dirname, '../../schema.graphql');

/** How server/schema.graphql is printed (as PostGraphile's sortExport does). */
export function printContractSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema));
}

/**
 * PostGraphile's options, shared by the live server and the schema export.
 * The relay (when this process runs one) feeds the notificationCreated subscription.
 */
export function postgraphileOptions(config: Config, relay: NotificationFeed | null = null): PostGraphileOptions<Request> {
  return {
    pluginHook: makePluginHook([
      makeQueryLimitsPlugin({ maxDepth: config.graphqlMaxDepth, maxFields: config.graphqlMaxFields, introspection: config.introspection }),
    ]),
    subscriptions: true,
    ownerConnectionString: config.databaseUrl,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    disableDefaultMutations: true,
    simpleCollections: 'both',
    legacyRelations: 'omit',
    appendPlugins: [PlainListNamesPlugin, NonNullResultsPlugin, SimpleMutationsPlugin, makeNotificationCreatedPlugin(relay)],
    skipPlugins: [NodePlugin],
    graphiql: config.graphiql,
    enhanceGraphiql: true,
    graphqlRoute: '/graphql',
    graphiqlRoute: '/graphiql',
    jwtSecret: config.jwtSecret,
    // Verify with a ready-made key (see secretKey); PostGraphile takes a key only through this callback form.
    jwtPublicKey: (_header, callback) => callback(null, secretKey(config.jwtSecret)),
    jwtPgTypeIdentifier: 'app_public.jwt_token',
    jwtVerifyOptions,
    jwtSignOptions: { algorithm: 'HS256' },
    pgDefaultRole: VISITOR_ROLE,
    pgSettings: { 'bellhop.jwt_ttl': config.jwtTtl, statement_timeout: String(config.statementTimeoutMs) },
    // PostGraphile sends what this returns as-is; formatted errors are what it expects.
    handleErrors: makeErrorHandler(config.production) as unknown as PostGraphileOptions<Request>['handleErrors'],
    disableQueryLog: true,
    retryOnInitFail: false,
    bodySizeLimit: BODY_LIMIT,
    enableQueryBatching: false,
    allowExplain: false,
  };
}
