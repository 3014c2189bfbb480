import path from 'node:path';
import type { PostGraphileOptions } from 'postgraphile';
import { makePluginHook } from 'postgraphile';
import PgPubsub from '@graphile/pg-pubsub';
import { NodePlugin } from 'graphile-build';
import type { Request } from 'express';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { jwtVerifyOptions, secretKey } from '../jwt';
import { NonNullResultsPlugin, PlainListNamesPlugin } from './contract';
import { SimpleMutationsPlugin } from './simpleMutations';
import { makeErrorHandler } from './errors';
import { makeQueryLimitsPlugin } from './limits';
import { makeNotificationCreatedPlugin, type NotificationSource } from './notificationCreated';

export const SCHEMAS = ['app_public'];
export const SCHEMA_EXPORT_PATH = path.resolve(__dirname, '../../schema.graphql');


/** How server/schema.graphql is printed (as PostGraphile's sortExport does). */
export function printContractSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema));
}

/**
 * PostGraphile's options, shared by the live server and the schema export.
 * `realtime` (the Relay) feeds the notificationCreated subscription.
 */
export function postgraphileOptions(
  config: Config,
  extra: Partial<PostGraphileOptions<Request>> = {},
  realtime: NotificationSource | null = null,
): PostGraphileOptions<Request> {
  return {
    pluginHook: makePluginHook([
      PgPubsub,
      makeQueryLimitsPlugin({ maxDepth: config.graphqlMaxDepth, maxFields: config.graphqlMaxFields, introspection: config.introspection }),
    ]),
    subscriptions: true,
    simpleSubscriptions: true,
    ownerConnectionString: config.databaseUrl,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    disableDefaultMutations: true,
    simpleCollections: 'both',
    legacyRelations: 'omit',
    appendPlugins: [PlainListNamesPlugin, NonNullResultsPlugin, SimpleMutationsPlugin, makeNotificationCreatedPlugin(realtime)],
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
    pgDefaultRole: 'bellhop_visitor',
    pgSettings: { 'bellhop.jwt_ttl': config.jwtTtl, statement_timeout: String(config.statementTimeoutMs) },
    // PostGraphile sends what this returns as-is; formatted errors are what it expects.
    handleErrors: makeErrorHandler(config.production) as unknown as PostGraphileOptions<Request>['handleErrors'],
    disableQueryLog: true,
    retryOnInitFail: false,
    bodySizeLimit: '100kB',
    enableQueryBatching: false,
    allowExplain: false,
    sortExport: true,
    ...extra,
  };
}
