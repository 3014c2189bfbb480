/**
 * A small SQL prompt for machines without psql: statements end with ";",
 * results print as a table, \q quits. Enough to follow the docs' examples.
 */
import readline from 'node:readline';
import { Client, type QueryResult } from 'pg';

const MAX_CELL = 60;

function cell(value: unknown): string {
  const text = value === null ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

export function formatRows(fields: string[], rows: Array<Record<string, unknown>>): string {
  const cells = rows.map((row) => fields.map((field) => cell(row[field])));
  const widths = fields.map((field, i) => Math.max(field.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => ` ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')}`;
  const rule = widths.map((width) => '-'.repeat(width + 2)).join('+');
  return [line(fields), rule, ...cells.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n');
}

/** Runs one statement (or several in one string) and prints what psql would; false if it failed. */
async function run(client: Client, sql: string): Promise<boolean> {
  try {
    // Several statements in one go come back as one result each.
    const answer = (await client.query(sql)) as QueryResult | QueryResult[];
    const results = Array.isArray(answer) ? answer : [answer];
    for (const result of results) {
      if (result.fields?.length) console.log(formatRows(result.fields.map((f) => f.name), result.rows as Array<Record<string, unknown>>));
      else console.log(`${result.command ?? 'OK'}${result.rowCount !== null && result.command !== 'SELECT' ? ` ${result.rowCount}` : ''}`);
    }
    return true;
  } catch (error) {
    console.log(`ERROR:  ${(error as Error).message}`);
    return false;
  }
}

/** Statements from a pipe or a terminal, each ended by ";" at the end of a line; \q stops. */
async function* statements(interactive: boolean): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, prompt: 'bellhop=> ', terminal: interactive });
  let buffer = '';
  if (interactive) rl.prompt();
  for await (const line of rl) {
    if (line.trim() === '\\q') break;
    buffer += `${line}\n`;
    if (buffer.trim().endsWith(';')) {
      yield buffer;
      buffer = '';
    }
    if (interactive) {
      rl.setPrompt(buffer ? 'bellhop-> ' : 'bellhop=> ');
      rl.prompt();
    }
  }
  rl.close();
  if (buffer.trim()) yield buffer;
}

/** The exit status, as psql's: 1 when a -c command fails, 0 otherwise. */
export async function sqlShell(url: string, command: string | null): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  client.on('notice', (notice) => console.log(`NOTICE:  ${notice.message}`));
  client.on('notification', (message) => console.log(`Asynchronous notification "${message.channel}" with payload "${message.payload}" received.`));
  try {
    if (command !== null) return (await run(client, command)) ? 0 : 1;
    const interactive = Boolean(process.stdin.isTTY);
    // On stderr, so piped output stays exactly the query results.
    console.error('No psql on this machine: a built-in SQL prompt. End statements with ";", \\q quits.');
    for await (const statement of statements(interactive)) await run(client, statement);
    return 0;
  } finally {
    await client.end();
  }
}
