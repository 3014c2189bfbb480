/**
 * The whole product for one test file: the one test stack of @bellhop/testing (a fresh
 * database with the demo users, the API + relay), the web server in front of it and a
 * real Chromium. Every page opened through the stack is watched: console errors,
 * uncaught exceptions and dialogs (alert() from injected markup) are collected and fail
 * the test that caused them.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Client } from 'pg';
import { DEMO_PASSWORD } from '@bellhop/db';
import { loadTestRunnerConfig } from '@bellhop/server';
import { startTestStack, useFixture, type TestStack } from '@bellhop/testing';
import { startWebHost, type WebHost } from '@bellhop/web/host';
import { installProbe } from './probes';
import { Traffic } from './traffic';
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

export class Stack {
  private readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly contexts = new Set<BrowserContext>();
  private readonly sessions = new Map<string, StorageState>();
  /** Per page, its GraphQL requests: what a failed wait reports, to tell a stuck request from a UI bug. */
  private readonly traffic = new Traffic();

  private constructor(
    /** The database, the API + relay, and GraphQL over HTTP as curl would send it. */
    readonly api: TestStack,
    readonly web: WebHost,
    readonly browser: Browser,
  ) {}

  static async start(): Promise<Stack> {
    const api = await startTestStack({ seed: true });
    try {
      const web = api.add(
        await startWebHost({ port: 0, host: '127.0.0.1', apiUrl: api.server.url, demoLogin: true }),
        (host) => host.close(),
      );
      const browser = api.add(
        await chromium.launch({ executablePath: loadTestRunnerConfig().chromiumPath, args: CHROMIUM_ARGS }),
        (b) => b.close(),
      );
      return new Stack(api, web, browser);
    } catch (error) {
      await api.close();
      throw error;
    }
  }

  /** Superuser connection to the test database, for "psql" writes; autocommit. */
  get sql(): Client {
    return this.api.sql;
  }

  url(path = '/'): string {
    return `${this.web.url}${path}`;
  }

  /** Stops the API + relay; the web server stays up, as when the backend restarts. */
  async stopApi(): Promise<void> {
    await this.api.stopServer();
  }

  /** Starts it again on the same port, where the web server forwards to. */
  async startApi(): Promise<void> {
    await this.api.restartServer();
  }

  async newContext(storageState?: StorageState): Promise<BrowserContext> {
    const context = await this.browser.newContext({ viewport: VIEWPORT, storageState });
    // Before the app's code, in every page: toasts, long tasks, connection states (probes.ts).
    await context.addInitScript(installProbe);
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
    const { getUnreadCount } = await this.api.data<{ getUnreadCount: number }>('{ getUnreadCount }', {}, token);
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
    await this.api.close();
  }

  /**
   * Waits for `step`; if it fails, the error also lists the page's GraphQL
   * requests (operation, status, time taken, or still pending).
   */
  async explainFailure<T>(page: Page, step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (error) {
      (error as Error).message += `\nGraphQL requests of this page (latest last):\n  ${this.traffic.describe(page) || '(none)'}`;
      throw error;
    }
  }

  private watch(page: Page): void {
    this.traffic.record(page);
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
export function useStack(): Stack {
  const stack = useFixture('The browser stack', () => Stack.start(), (s) => s.close(), 60_000);
  afterEach(async () => {
    let problems: string[];
    try {
      problems = await stack.endTest();
    } catch {
      return; // It never started: beforeAll has failed the tests already.
    }
    if (problems.length > 0) throw new Error(`The browser reported problems:\n  ${problems.join('\n  ')}`);
  });
  return stack;
}
