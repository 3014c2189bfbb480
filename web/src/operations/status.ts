import { graphql } from '../gql';

/** The smallest request there is: asked while the server is unavailable, to see when it is back. */
export const PING_QUERY = graphql(`
  query Ping {
    __typename
  }
`);
