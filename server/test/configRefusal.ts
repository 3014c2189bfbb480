import { ConfigError, loadConfig } from '../src/config';

/** The message loadConfig refuses this environment with; fails the test if it is accepted. */
export function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}
