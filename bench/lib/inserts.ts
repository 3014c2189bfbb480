/** Single-row lead INSERTs (autocommit), the write every measurement starts from. */
import { Pool } from 'pg';

export const INSERT_LEAD = {
  name: 'bench_insert_lead',
  text: `insert into app_public.leads (first_name, last_name, email, company) values ($1, $2, $3, 'Bench Inc') returning id`,
};

export function leadValues(i: number): string[] {
  return ['Bench', `Lead ${i}`, `lead${i}@bench.example.com`];
}

export class Inserter {
  private readonly pool: Pool;
  private i = 0;

  constructor(databaseUrl: string, connections = 4) {
    this.pool = new Pool({ connectionString: databaseUrl, max: connections });
  }

  /** Inserts one lead; returns its id. */
  async insert(): Promise<number> {
    const { rows } = await this.pool.query<{ id: number }>({ ...INSERT_LEAD, values: leadValues((this.i += 1)) });
    return rows[0]!.id;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
