import { ApolloError } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { errorMessage, UNREACHABLE } from './errorMessage';

function serverError(statusCode: number, result: unknown): Error {
  return Object.assign(new Error(`Response not successful: Received status code ${statusCode}`), { statusCode, result });
}

describe('errorMessage', () => {
  it("keeps the API's words", () => {
    const err = new ApolloError({ graphQLErrors: [new GraphQLError('company must be at most 200 characters.')] });
    expect(errorMessage(err)).toBe('company must be at most 200 characters.');
  });

  it.each([
    ['a failed fetch', new ApolloError({ networkError: new TypeError('Failed to fetch') }), UNREACHABLE],
    ['a driver error', new ApolloError({ graphQLErrors: [new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432')] }), 'Something went wrong. Please try again.'],
    ['a proxy page', new ApolloError({ networkError: serverError(502, 'Error occurred while trying to proxy') }), 'The server is unavailable right now; try again in a moment.'],
    ['a plain TypeError', new TypeError('NetworkError when attempting to fetch resource.'), UNREACHABLE],
  ])('never shows the raw text of %s', (_what, err, shown) => {
    expect(errorMessage(err)).toBe(shown);
  });

  it('shows the message of a 503 body', () => {
    const body = { errors: [{ message: 'The database is unavailable right now; try again in a moment.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] };
    expect(errorMessage(new ApolloError({ networkError: serverError(503, body) }))).toBe(body.errors[0]!.message);
  });
});
