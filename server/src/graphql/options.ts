import path from 'node:path';
import type { PostGraphileOptions } from 'postgraphile';
import { makePluginHook } from 'postgraphile';
import { NodePlugin } from 'graphile-build';
import type { Request } from 'express';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { jwtVerifyOptions, secretKey } from '../auth/jwt';
import { NonNullResultsPlugin, NonNullTypeNamesPlugin, PlainListNamesPlugin } from './schemaShape';
import { SimpleMutationsPlugin } from './simpleMutations';
import { makeErrorHandler } from './errors';
import { makeQueryLimitsPlugin } from './queryLimits';
import { ListBoundsSchemaPlugin } from './listBounds';
import { makeNotificationCreatedPlugin, type NotificationFeed } from './notificationCreated';
import { BODY_LIMIT } from '../install/requestGuards';
import { VISITOR_ROLE } from '@bellhop/db';
import { INVALID_TOKEN, bearerToken, identify } from '../auth/authenticate';
import type { UserDirectory } from '../auth/users';
import type { AuthenticatedRequest } from '../install/authentication';

export const SCHEMAS = ['app_public'];
export const SCHEMA_EXPORT_PATH = path.resolve(__dirname, '../../schema.graphql');

/** How server/schema.graphql is printed (as PostGraphile's sortExport does). */
export function printContractSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema));
}

export interface GraphQLDeps {
  /** The relay, when this process runs one: it feeds the notificationCreated subscription. */
  relay?: NotificationFeed | null;
  /** Checks that a subscriber's token names a user who still exists. */
  users?: UserDirectory | null;
}

/**
 * Every request runs as the visitor role, with the claims that
 * install/authentication.ts verified. Subscriptions (graphql-ws) do not pass
 * through Express, so their token is checked here, the same way.
 */
function settingsFor(config: Config, users: UserDirectory | null) {
  return async (req: AuthenticatedRequest): Promise<Record<string, string>> => {
    let claims = req.bellhopClaims;
    if (!claims && req.headers?.authorization !== undefined && users) {
      const identity = await identify(bearerToken(req.headers.authorization), config.jwtSecret, users);
      if (identity.kind !== 'user') throw Object.assign(new Error(INVALID_TOKEN), { statusCode: 401 });
      claims = identity.claims;
    }
    return {
      role: VISITOR_ROLE,
      ...(claims ? { 'jwt.claims.user_id': claims.user_id, 'jwt.claims.role': claims.role, 'jwt.claims.exp': String(claims.exp) } : {}),
      'bellhop.jwt_ttl': config.jwtTtl,
      'bellhop.registration': config.registration,
      statement_timeout: String(config.statementTimeoutMs),
    };
  };
}

/** PostGraphile's options, shared by the live server and the schema export. */
export function postgraphileOptions(config: Config, { relay = null, users = null }: GraphQLDeps = {}): PostGraphileOptions<Request> {
  return {
    pluginHook: makePluginHook([
      makeQueryLimitsPlugin({
        maxDepth: config.graphqlMaxDepth,
        maxFields: config.graphqlMaxFields,
        maxRows: config.graphqlMaxRows,
        introspection: config.introspection,
      }),
    ]),
    subscriptions: true,
    ownerConnectionString: config.databaseUrl,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    disableDefaultMutations: true,
    simpleCollections: 'both',
    legacyRelations: 'omit',
    appendPlugins: [PlainListNamesPlugin, NonNullResultsPlugin, NonNullTypeNamesPlugin, ListBoundsSchemaPlugin, SimpleMutationsPlugin, makeNotificationCreatedPlugin(relay)],
    skipPlugins: [NodePlugin],
    graphiql: config.graphiql,
    enhanceGraphiql: true,
    graphqlRoute: '/graphql',
    graphiqlRoute: '/graphiql',
    // Signs the tokens login and register return. Requests arrive verified and without the header.
    jwtSecret: config.jwtSecret,
    // Subscriptions' tokens: a ready-made key (see secretKey); PostGraphile takes one only through this callback.
    jwtPublicKey: (_header, callback) => callback(null, secretKey(config.jwtSecret)),
    jwtPgTypeIdentifier: 'app_public.jwt_token',
    jwtVerifyOptions,
    jwtSignOptions: { algorithm: 'HS256' },
    pgSettings: settingsFor(config, users) as unknown as PostGraphileOptions<Request>['pgSettings'],
    // PostGraphile sends what this returns as-is; formatted errors are what it expects.
    handleErrors: makeErrorHandler(config.production) as unknown as PostGraphileOptions<Request>['handleErrors'],
    disableQueryLog: true,
    retryOnInitFail: false,
    bodySizeLimit: BODY_LIMIT,
    enableQueryBatching: false,
    allowExplain: false,
  };
}
