import { isProxied, PROXIED_PATHS } from './proxiedPaths';

describe('isProxied', () => {
  it('matches each proxied path, anything below it, and a query string', () => {
    for (const path of PROXIED_PATHS) expect(isProxied(path)).toBe(true);
    expect(isProxied('/graphql?query=1')).toBe(true);
    expect(isProxied('/_postgraphile/graphiql/index.js')).toBe(true);
    expect(isProxied('/socket.io/?EIO=4&transport=websocket')).toBe(true);
  });

  it("leaves the app's own routes and look-alike prefixes alone", () => {
    expect(isProxied('/leads/7')).toBe(false);
    expect(isProxied('/graphqlx')).toBe(false);
    expect(isProxied(undefined)).toBe(false);
  });
});
