/**
 * Parsers for environment values. Each refuses a bad value with a message
 * that names the variable and the fix; config.ts decides the defaults.
 */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: use a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: use true or false.`);
}

export function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase() as T;
  if (!allowed.includes(value)) throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: use ${allowed.join(' or ')}.`);
  return value;
}

export function connectionString(name: string, value: string | undefined): string {
  if (!value) throw new ConfigError(`${name} is not set. Set it to a postgres:// URL, or run "npm start" to use the embedded PostgreSQL.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL. Expected postgres://user:password@host:5432/database.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// (got ${url.protocol}//).`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(`${name} must name a database, e.g. postgres://localhost:5432/bellhop.`);
  return value;
}

export function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a valid URL: use e.g. http://localhost:3001.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must start with http:// or https:// (got ${url.protocol}//).`);
  return raw.replace(/\/+$/, '');
}

export function port(env: Env, name: string, fallback: number): number {
  return integer(env, name, fallback, 0, 65535);
}
