import type { ReactNode } from 'react';
import { ApolloProvider, type ApolloClient, type NormalizedCacheObject } from '@apollo/client';
import { render } from '@testing-library/react';
import { MemoryRouter, Routes } from 'react-router-dom';
import { AuthProvider } from '../auth/AuthContext';

/** The app's routes `routes` at `path`, signed in or out as the token store says, over `client`. */
export function renderRoutes(client: ApolloClient<NormalizedCacheObject>, path: string, routes: ReactNode): void {
  render(
    <ApolloProvider client={client}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>{routes}</Routes>
        </MemoryRouter>
      </AuthProvider>
    </ApolloProvider>,
  );
}
