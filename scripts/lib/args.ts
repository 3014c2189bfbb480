/** `--name value` and `--name=value` options; anything else is an error that lists the known ones. */
export function parseOptions(argv: string[], known: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    const name = match?.[1];
    if (!name || !known.includes(name)) {
      throw new Error(`Unknown argument ${JSON.stringify(argv[i])}. Use ${known.map((k) => `--${k}`).join(', ')}.`);
    }
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`--${name} needs a value.`);
    options[name] = value;
  }
  return options;
}
