import { graphql } from '../gql';

export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) {
      jwtToken
    }
  }
`);

export const REGISTER = graphql(`
  mutation Register($email: String!, $password: String!, $name: String!) {
    register(input: { email: $email, password: $password, name: $name }) {
      jwtToken
    }
  }
`);

export const CURRENT_USER_QUERY = graphql(`
  query CurrentUser {
    currentUser {
      id
      name
      email
    }
  }
`);
