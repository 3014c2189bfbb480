import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Toaster } from 'sonner';
import { createApolloClient } from './apollo/client';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { tokenStore } from './auth/tokenStore';
import { AppLayout } from './layout/AppLayout';
import { TOAST_DURATION_MS } from './notifications/NotificationToasts';
import { DashboardPage } from './pages/DashboardPage';
import { LeadDetailPage } from './pages/LeadDetailPage';
import { LeadsPage } from './pages/LeadsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';

export function App() {
  const client = useMemo(
    () => createApolloClient({ getToken: tokenStore.get, onUnauthorized: () => tokenStore.set(null) }),
    [],
  );
  return (
    <ApolloProvider client={client}>
      <AuthProvider>
        <BrowserRouter>
          {/* Offset below the sticky header, so toasts never cover the bell they announce. */}
          <Toaster position="top-right" offset={{ top: 72, right: 16 }} duration={TOAST_DURATION_MS} closeButton />
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route path="/dashboard" element={<DashboardPage />} />
              <Route path="/leads" element={<LeadsPage />} />
              <Route path="/leads/:id" element={<LeadDetailPage />} />
            </Route>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </ApolloProvider>
  );
}
