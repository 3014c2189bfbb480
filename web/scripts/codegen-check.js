#!/usr/bin/env node
// Fails when src/gql/ is not what GraphQL Code Generator produces from the current
// schema and operations, so a schema change cannot slip in without regenerating.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const webRoot = path.resolve(__dirname, '..');
const committed = path.join(webRoot, 'src', 'gql');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bellhop-codegen-'));

function listFiles(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : [];
}

try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    cwd: webRoot,
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: tmp + path.sep },
  });
  const expected = listFiles(tmp);
  const actual = listFiles(committed);
  const stale = [...new Set([...expected, ...actual])].filter((name) => {
    const a = path.join(tmp, name);
    const b = path.join(committed, name);
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
  });
  if (stale.length > 0) {
    console.error(`web/src/gql is stale (${stale.join(', ')}). Run: npm run codegen -w web`);
    process.exitCode = 1;
  } else {
    console.log('web/src/gql is up to date.');
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
