/**
 * A child process that loads the API: GraphQL over HTTP with autocannon, or
 * the same SQL straight through pg, each as the signed-in visitor. Both run
 * here, so the server process under test only serves.
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { nowMs } from './clock';
import type { LoadReply, LoadRequest, LoadResult } from './loadProtocol';

async function http(request: Extract<LoadRequest, { type: 'http' }>): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = nowMs();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${request.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
        body: request.body,
        connections: request.connections,
        duration: request.seconds,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's histogram keeps whole milliseconds; the event has the exact time.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  return { latencies, requests: latencies.length, errors: result.errors + result.non2xx, seconds: (nowMs() - started) / 1000 };
}

// The settings PostGraphile makes for a verified token: the role, every claim, and pgSettings.
const CLAIMS_SQL = `select set_config('role', 'bellhop_visitor', true), set_config('bellhop.jwt_ttl', '7 days', true),
  set_config('jwt.claims.role', 'bellhop_visitor', true), set_config('jwt.claims.user_id', $1, true),
  set_config('jwt.claims.iat', $2::bigint::text, true), set_config('jwt.claims.exp', ($2::bigint + 21600)::text, true),
  set_config('jwt.claims.aud', 'bellhop', true), set_config('jwt.claims.iss', 'bellhop', true)`;

/** What PostGraphile does per request: a transaction, the role and claims as local settings, the query. */
async function sql(request: Extract<LoadRequest, { type: 'sql' }>): Promise<LoadResult> {
  const clients = await Promise.all(
    Array.from({ length: request.connections }, async () => {
      const client = new Client({ connectionString: request.url });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = nowMs();
  const deadline = started + request.seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (nowMs() < deadline) {
        const t0 = nowMs();
        try {
          await client.query('begin');
          await client.query({ name: 'bench_claims', text: CLAIMS_SQL, values: [request.userId, Math.floor(Date.now() / 1000)] });
          await client.query({ name: 'bench_query', text: request.text });
          await client.query('commit');
          latencies.push(nowMs() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= (error as Error).message;
          await client.query('rollback').catch(() => undefined);
        }
      }
    }),
  );
  const seconds = (nowMs() - started) / 1000;
  await Promise.all(clients.map((client) => client.end()));
  return { latencies, requests: latencies.length, errors, firstError, seconds };
}

process.on('message', (request: LoadRequest) => {
  (request.type === 'http' ? http(request) : sql(request)).then(
    (result) => process.send!({ type: 'done', ...result } satisfies LoadReply),
    (error: Error) => process.send!({ type: 'error', message: error.message } satisfies LoadReply),
  );
});
process.on('disconnect', () => process.exit(0));
