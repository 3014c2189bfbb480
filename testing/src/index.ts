/**
 * @bellhop/testing: what Bellhop's tests share. One file per job; each is
 * also its own entry point (`@bellhop/testing/database`, …), so the db
 * tests can use theirs without loading the server.
 *
 *   fixture    useFixture: started in beforeAll, closed in afterAll, used in between
 *   database   test databases (useTestDatabase), transactions as a user, users
 *   stack      the one stack fixture (useStack): database + server + helpers
 *   graphql    the one GraphQL-over-HTTP helper (gql, gqlData, postGraphql)
 *   crm        the CRM mutations over GraphQL, and named people to act (routing tests)
 *   routing    who a notification is for, from the SQL rows
 *   sockets    socket.io clients and their Inbox; resources: closing it all
 *   wait       waitUntil, waitForAll, waitForBarrier; delivery: expectDeliveredOnce
 *   tokens     good and bad tokens
 *   data       leads, notifications, the state of every writable table
 *   readState  read state through the SQL functions, as one user
 *   doorbell   a LISTEN session on the doorbell channel
 *   metrics    /metrics and /healthz
 *   processes  servers and relays as child processes; cluster: a scratch PostgreSQL;
 *   scripts    the command-line scripts (user:add, psql) as child processes
 *   proxy      a TCP proxy that goes silent; writers: concurrent writers
 */
export * from './cluster';
export * from './crm';
export * from './data';
export * from './database';
export * from './delivery';
export * from './doorbell';
export * from './fixture';
export * from './graphql';
export * from './metrics';
export * from './processes';
export * from './proxy';
export * from './readState';
export * from './resources';
export * from './routing';
export * from './scripts';
export * from './sockets';
export * from './stack';
export * from './tokens';
export * from './wait';
export * from './writers';
