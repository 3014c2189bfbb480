/**
 * The one stack fixture: a test database cloned from the migrated template,
 * an owner connection to it, and a real server on a free port, spoken to over
 * HTTP and Socket.io exactly as curl, the web app or any other client would.
 *
 *   const stack = useStack();                        // at the top of a test file
 *   const token = await stack.login('demo@example.com');
 *   const { data, errors } = await stack.gql('{ getUnreadCount }', {}, token);
 *
 * Everything opened through it (sockets, connections, more servers, relay
 * processes) is closed after the file's last test, then the database is dropped.
 */
import type { Client } from 'pg';
import { DEMO_PASSWORD, seedDemoData, withClient } from '@bellhop/db';
import { configForDatabase, startServer, verifyToken, type Config, type RunningServer } from '@bellhop/server';
import { createUsers, openTestDatabase, type DatabaseFixture } from './database';
import { useFixture } from './fixture';
import { bearer, gql, gqlData, postGraphql, type GqlResponse, type Variables } from './graphql';
import { serverProcess, type ProcessKind, type ServerProcess } from './processes';
import type { Inbox, SocketOptions } from './sockets';
import { tokenFor } from './tokens';

export interface ServerOptions {
  /** false: the relay alone, without the GraphQL API (API=false). */
  api?: boolean;
  /** More environment for loadConfig, e.g. { RELAY: 'false' }. */
  env?: Record<string, string>;
  /** Another way to reach the test database (e.g. through a proxy). */
  database?: { url: string; authUrl: string };
}

export interface StackOptions extends Omit<ServerOptions, 'database'> {
  /** Seed the demo data before the server starts, as npm start does on an empty database. */
  seed?: boolean;
  /** false: no server of its own; start them with addServer or process. */
  server?: boolean;
  /** More servers like the first on the same database, as behind a load balancer (1 by default). */
  servers?: number;
  /** Users to create before the tests, each with a token: stack.accounts. */
  users?: number;
  /** A socket for each of those users on each server, server by server: stack.inboxes. */
  sockets?: boolean;
}

/** A user and a token the server accepts for it. */
export interface TestUser {
  id: string;
  token: string;
}

type Rows = Record<string, unknown>;

export class TestStack {
  private running: RunningServer | null = null;
  private port = 0;
  private readonly more: RunningServer[] = [];
  /** The users made for options.users. */
  accounts: TestUser[] = [];
  /** With options.sockets: one socket per account per server, server by server. */
  inboxes: Inbox[] = [];

  private constructor(
    readonly db: DatabaseFixture,
    /** The server's configuration (its JWT secret signs this stack's tokens). */
    readonly config: Config,
  ) {}

  static async start(options: StackOptions = {}): Promise<TestStack> {
    const db = await openTestDatabase();
    try {
      if (options.seed) await withClient(db.url, seedDemoData);
      const stack = new TestStack(db, serverConfig(db, options));
      db.resources.add(stack, (s) => s.stopServer());
      if (options.server !== false) await stack.restartServer();
      for (let i = 1; i < (options.servers ?? 1); i += 1) stack.more.push(await stack.addServer(options));
      stack.accounts = await stack.users(options.users ?? 0);
      if (options.sockets) stack.inboxes = await stack.sockets(stack.accounts.map((user) => user.token), stack.servers.map((s) => s.url));
      return stack;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** The stack's own server (API + relay unless told otherwise). */
  get server(): RunningServer {
    if (!this.running) throw new Error('The server is stopped.');
    return this.running;
  }

  /** Its server and those options.servers added, in order. */
  get servers(): RunningServer[] {
    return [this.server, ...this.more];
  }

  /** Superuser connection to the test database, for "psql" writes; autocommit. */
  get sql(): Client {
    return this.db.sql;
  }

  /** Stops the server; restartServer() brings it back on the same port. */
  async stopServer(): Promise<void> {
    const server = this.running;
    this.running = null;
    await server?.close();
  }

  /** Starts the server (again), on the port it had, or a free one the first time. */
  async restartServer(): Promise<RunningServer> {
    this.running = await startServer({ ...this.config, port: this.port });
    this.port = this.running.port;
    return this.running;
  }

  /** POSTs a query to /graphql; the token, if any, goes in "Authorization: Bearer". */
  gql<T = Rows>(query: string, variables: Variables = {}, token?: string | null): Promise<GqlResponse<T>> {
    return gql<T>(this.apiUrl, query, variables, token);
  }

  /** Like gql, but fails the test on any GraphQL error and returns data. */
  data<T = Rows>(query: string, variables: Variables = {}, token?: string | null): Promise<T> {
    return gqlData<T>(this.apiUrl, query, variables, token);
  }

  /** POSTs a raw request body, byte for byte (e.g. a curl -d argument). */
  post<T = Rows>(body: string, token?: string | null): Promise<GqlResponse<T>> {
    return postGraphql<T>(this.apiUrl, body, bearer(token));
  }

  /** Logs in over GraphQL and returns the jwtToken (demo password by default). */
  async login(email: string, password = DEMO_PASSWORD): Promise<string> {
    const { login } = await this.data<{ login: { jwtToken: string | null } }>(
      'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { jwtToken } }',
      { email, password },
    );
    if (!login.jwtToken) throw new Error(`Could not sign in as ${email}.`);
    return login.jwtToken;
  }

  /** Registers over GraphQL and returns the jwtToken. */
  async register(email: string, name = 'Test User', password = 'password123'): Promise<string> {
    const { register } = await this.data<{ register: { jwtToken: string } }>(
      'mutation ($email: String!, $password: String!, $name: String!) { register(input: { email: $email, password: $password, name: $name }) { jwtToken } }',
      { email, password, name },
    );
    return register.jwtToken;
  }

  /** A token for userId, signed as the server signs them. */
  token(userId: string, expiresInSeconds?: number): string {
    return tokenFor(userId, this.config.jwtSecret, expiresInSeconds);
  }

  /** The user id inside a token the server issued (verified with the server's secret). */
  userId(token: string): string {
    const claims = verifyToken(token, this.config.jwtSecret);
    if (!claims) throw new Error('The token does not verify with the server secret.');
    return claims.user_id;
  }

  /** Creates count users in SQL, each with a token. */
  async users(count: number): Promise<TestUser[]> {
    return (await createUsers(this.sql, count)).map((id) => ({ id, token: this.token(id) }));
  }

  /** A connected socket (on this stack's server unless url says otherwise) and what it receives. */
  socket(token: string | null, options: SocketOptions = {}, url = this.server.url): Promise<Inbox> {
    return this.db.resources.socket(url, token, options);
  }

  /** One socket for each token on each server (by default this one), server by server. */
  async sockets(tokens: string[], urls: string[] = [this.server.url]): Promise<Inbox[]> {
    const inboxes: Inbox[] = [];
    for (const url of urls) for (const token of tokens) inboxes.push(await this.socket(token, {}, url));
    return inboxes;
  }

  /** Another owner connection of its own. */
  pg(): Promise<Client> {
    return this.db.pg();
  }

  /** Registers value to be closed with the stack, before anything opened earlier. */
  add<T>(value: T, close: (value: T) => Promise<unknown> | unknown): T {
    return this.db.resources.add(value, close);
  }

  /** Another server in this process, on the same database (as behind a load balancer). */
  async addServer(options: ServerOptions = {}): Promise<RunningServer> {
    return this.add(await startServer(serverConfig(options.database ?? this.db, options)), (server) => server.close());
  }

  /**
   * A Bellhop process of its own on this database and secret, as `npm start`
   * (server) or `npm run relay` (relay) runs it; env comes on top.
   */
  async process(kind: ProcessKind, env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = await serverProcess(kind, {
      DATABASE_URL: this.db.url,
      AUTH_DATABASE_URL: this.db.authUrl,
      JWT_SECRET: this.config.jwtSecret,
      ...env,
    });
    return this.add(child, (c) => c.stop());
  }

  /** Seeds the demo users and leads, as npm start does on an empty database. */
  seed(): Promise<boolean> {
    return withClient(this.db.url, seedDemoData);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** As curl reaches the API: by address, not by name. */
  private get apiUrl(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }
}

function serverConfig(db: { url: string; authUrl: string }, { api, env }: ServerOptions): Config {
  return configForDatabase(db, { ...(api === false ? { API: 'false' } : {}), ...env });
}

export const startTestStack = (options: StackOptions = {}): Promise<TestStack> => TestStack.start(options);

/** One stack for the calling test file (or describe block), closed after its last test. */
export function useStack(options: StackOptions = {}): TestStack {
  return useFixture('The test stack', () => TestStack.start(options), (stack) => stack.close());
}
