import os from 'node:os';

export interface Machine {
  command: string;
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  postgres: string;
  date: string;
}

export function describeMachine(postgresVersion: string, postgresSource: string): Machine {
  const cpus = os.cpus();
  return {
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: `${postgresVersion} (${postgresSource})`,
    date: new Date().toISOString(),
  };
}
