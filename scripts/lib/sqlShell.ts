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

async function run(client: Client, sql: string): Promise<void> {
  try {
    // Several statements in one go come back as one result each.
    const answer = (await client.query(sql)) as QueryResult | QueryResult[];
    const results = Array.isArray(answer) ? answer : [answer];
    for (const result of results) {
      if (result.fields?.length) console.log(formatRows(result.fields.map((f) => f.name), result.rows as Array<Record<string, unknown>>));
      else console.log(`${result.command ?? 'OK'}${result.rowCount !== null && result.command !== 'SELECT' ? ` ${result.rowCount}` : ''}`);
    }
  } catch (error) {
    console.log(`ERROR:  ${(error as Error).message}`);
  }
}

export async function sqlShell(url: string, command: string | null): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  client.on('notice', (notice) => console.log(`NOTICE:  ${notice.message}`));
  client.on('notification', (message) => console.log(`Asynchronous notification "${message.channel}" with payload "${message.payload}" received.`));
  try {
    if (command !== null) return await run(client, command);
    console.log('No psql on this machine: a built-in SQL prompt. End statements with ";", \\q quits.');
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'bellhop=> ' });
    let buffer = '';
    rl.prompt();
    for await (const line of rl) {
      if (line.trim() === '\\q') break;
      buffer += `${line}\n`;
      if (buffer.trim().endsWith(';')) {
        await run(client, buffer);
        buffer = '';
      }
      rl.setPrompt(buffer ? 'bellhop-> ' : 'bellhop=> ');
      rl.prompt();
    }
    rl.close();
  } finally {
    await client.end();
  }
}
