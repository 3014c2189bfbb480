/**
 * The whole product for one test file: a fresh database with the demo users, the API +
 * relay, the web server in front of it and a real Chromium. Every page opened through
 * the stack is watched: console errors, uncaught exceptions and dialogs (alert() from
 * injected markup) are collected and fail the test that caused them.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { Client } from 'pg';
import { DEMO_PASSWORD, seedDemoData, withClient } from '@bellhop/db';
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import { configForDatabase, loadTestRunnerConfig, startServer, type Config, type RunningServer } from '@bellhop/server';
import { startWebHost, type WebHost } from '@bellhop/web/host';
import { graphql } from './data';
import { bell, waitForConnection, waitForUnread } from './ui';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const VIEWPORT = { width: 1280, height: 800 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface GraphqlExchange {
  operation: string;
  startedAt: number;
  /** null while the request is in flight. */
  outcome: string | null;
}

export class Stack {
  private readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly contexts = new Set<BrowserContext>();
  private readonly sessions = new Map<string, StorageState>();
  /** Per page, its GraphQL requests: what a failed wait reports, to tell a stuck request from a UI bug. */
  private readonly traffic = new WeakMap<Page, GraphqlExchange[]>();

  private constructor(
    readonly db: TestDatabase,
    private readonly config: Config,
    private apiServer: RunningServer | null,
    readonly web: WebHost,
    readonly browser: Browser,
    /** Superuser connection to the test database, for "psql" writes; autocommit. */
    readonly sql: Client,
  ) {}

  static async start(): Promise<Stack> {
    const db = await createTestDatabase();
    const cleanup: (() => Promise<unknown>)[] = [() => db.drop()];
    try {
      await withClient(db.url, (client) => seedDemoData(client));
      const config = configForDatabase(db);
      const api = await startServer(config);
      cleanup.unshift(() => api.close());
      const web = await startWebHost({ port: 0, host: '127.0.0.1', apiUrl: api.url, demoLogin: true });
      cleanup.unshift(() => web.close());
      const browser = await chromium.launch({ executablePath: loadTestRunnerConfig().chromiumPath, args: CHROMIUM_ARGS });
      cleanup.unshift(() => browser.close());
      const sql = new Client({ connectionString: db.url });
      await sql.connect();
      return new Stack(db, config, api, web, browser, sql);
    } catch (error) {
      for (const step of cleanup) await step().catch(() => undefined);
      throw error;
    }
  }

  /** The API + relay, as curl would reach it (not through the web server). */
  get api(): RunningServer {
    if (!this.apiServer) throw new Error('The API is stopped.');
    return this.apiServer;
  }

  url(path = '/'): string {
    return `${this.web.url}${path}`;
  }

  /** Stops the API + relay; the web server stays up, as when the backend restarts. */
  async stopApi(): Promise<void> {
    await this.apiServer?.close();
    this.apiServer = null;
  }

  /** Starts it again on the same port, where the web server forwards to. */
  async startApi(port: number): Promise<void> {
    this.apiServer = await startServer({ ...this.config, port });
  }

  async newContext(storageState?: StorageState): Promise<BrowserContext> {
    const context = await this.browser.newContext({ viewport: VIEWPORT, storageState });
    this.contexts.add(context);
    context.on('close', () => this.contexts.delete(context));
    context.on('page', (page) => this.watch(page));
    return context;
  }

  /**
   * Signs in through the login page, with its labelled fields, and waits for live updates.
   * Without a page, opens /dashboard in a new window, which asks for sign-in first.
   */
  async signIn(email: string, page?: Page): Promise<Page> {
    if (!page) {
      page = await (await this.newContext()).newPage();
      await page.goto(this.url('/dashboard'));
    }
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await this.ready(page);
    this.sessions.set(email, await page.context().storageState());
    return page;
  }

  /**
   * A signed-in window for email at path, ready for live updates. Reuses the session of an
   * earlier sign-in (its stored token) so tests stay clear of the login rate limit.
   */
  async openAs(email: string, path = '/dashboard'): Promise<Page> {
    const session = this.sessions.get(email);
    if (!session) {
      const page = await this.signIn(email);
      if (path !== '/dashboard') await this.goto(page, path);
      return page;
    }
    const page = await (await this.newContext(session)).newPage();
    await this.goto(page, path);
    return page;
  }

  /** Another tab of the same signed-in window. */
  async newTab(page: Page, path = '/dashboard'): Promise<Page> {
    const tab = await page.context().newPage();
    await this.goto(tab, path);
    return tab;
  }

  async goto(page: Page, path: string): Promise<void> {
    await page.goto(this.url(path));
    await this.ready(page);
  }

  /**
   * Live, and the bell shows the API's unread count: before the first query answers it
   * says "no unread", which a test must not take for the real count.
   */
  async ready(page: Page): Promise<void> {
    await bell(page).waitFor();
    await waitForConnection(page, 'live');
    // The app's own session token (web/src/auth/tokenStore.ts), so the count is this user's.
    const { origins } = await page.context().storageState();
    const token = origins.flatMap((origin) => origin.localStorage).find((item) => item.name === 'bellhop.token')?.value;
    if (!token) throw new Error('The page has no session token: not signed in?');
    const { getUnreadCount } = await graphql<{ getUnreadCount: number }>(this.api.url, '{ getUnreadCount }', {}, token);
    await waitForUnread(page, getUnreadCount);
  }

  /** Console errors matching pattern are expected for the rest of the current test. */
  allowConsoleErrors(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** Closes the test's windows and returns what went wrong in them (empty when all is well). */
  async endTest(): Promise<string[]> {
    await Promise.all([...this.contexts].map((context) => context.close().catch(() => undefined)));
    const problems = this.problems.splice(0);
    this.allowed.length = 0;
    return problems;
  }

  async close(): Promise<void> {
    await this.endTest();
    await this.sql.end().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.web.close().catch(() => undefined);
    await this.apiServer?.close().catch(() => undefined);
    await this.db.drop();
  }

  /**
   * Waits for `step`; if it fails, the error also lists the page's GraphQL
   * requests (operation, status, time taken, or still pending).
   */
  async explainFailure<T>(page: Page, step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (error) {
      const now = Date.now();
      const lines = (this.traffic.get(page) ?? []).slice(-12).map((exchange) => {
        const outcome = exchange.outcome ?? `pending for ${now - exchange.startedAt} ms`;
        return `${exchange.operation}: ${outcome}`;
      });
      (error as Error).message += `\nGraphQL requests of this page (latest last):\n  ${lines.join('\n  ') || '(none)'}`;
      throw error;
    }
  }

  private recordTraffic(page: Page): void {
    const exchanges: GraphqlExchange[] = [];
    this.traffic.set(page, exchanges);
    const open = new Map<Request, GraphqlExchange>();
    page.on('request', (request) => {
      if (!request.url().includes('/graphql')) return;
      const body = request.postData() ?? '';
      const operation = /"operationName":"(\w+)"/.exec(body)?.[1] ?? request.method();
      const exchange: GraphqlExchange = { operation, startedAt: Date.now(), outcome: null };
      exchanges.push(exchange);
      open.set(request, exchange);
    });
    const settle = (request: Request, outcome: (ms: number) => Promise<string> | string) => {
      const exchange = open.get(request);
      if (!exchange) return;
      open.delete(request);
      void Promise.resolve(outcome(Date.now() - exchange.startedAt)).then((text) => {
        exchange.outcome = text;
      });
    };
    page.on('requestfinished', (request) =>
      settle(request, async (ms) => `HTTP ${(await request.response())?.status() ?? '?'} in ${ms} ms`),
    );
    page.on('requestfailed', (request) => settle(request, (ms) => `failed after ${ms} ms: ${request.failure()?.errorText ?? '?'}`));
  }

  private watch(page: Page): void {
    this.recordTraffic(page);
    const where = () => page.url().replace(this.web.url, '');
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!this.allowed.some((pattern) => pattern.test(text))) this.problems.push(`console error at ${where()}: ${text}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception at ${where()}: ${error.message}`));
    page.on('dialog', (dialog) => {
      this.problems.push(`${dialog.type()} dialog at ${where()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }
}

/**
 * One stack for the calling test file, started in beforeAll and closed in afterAll; after
 * each test its windows are closed and any console error, exception or dialog fails it.
 */
export function useStack(): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await Stack.start();
  }, 60_000);
  afterEach(async () => {
    const problems = (await stack?.endTest()) ?? [];
    if (problems.length > 0) throw new Error(`The browser reported problems:\n  ${problems.join('\n  ')}`);
  });
  afterAll(async () => {
    await stack?.close();
  }, 30_000);
  return () => {
    if (!stack) throw new Error('The stack did not start (see beforeAll).');
    return stack;
  };
}
