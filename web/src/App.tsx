import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Toaster } from 'sonner';
import { createApolloClient } from './apollo/client';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { tokenStore } from './auth/tokenStore';
import { AppLayout } from './layout/AppLayout';
import { MAX_VISIBLE_TOASTS, TOAST_DURATION_MS } from './notifications/toastBurst';
import { DashboardPage } from './pages/DashboardPage';
import { LeadDetailPage } from './pages/LeadDetailPage';
import { LeadsPage } from './pages/LeadsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SettingsPage } from './pages/SettingsPage';

export function App() {
  const client = useMemo(
    () => createApolloClient({ getToken: tokenStore.get, onUnauthorized: tokenStore.expire }),
    [],
  );
  return (
    <ApolloProvider client={client}>
      <AuthProvider>
        <BrowserRouter>
          {/* Bottom right, away from the header's bell and menu and from the center that drops
              down under the bell; at most three at a time (a burst gets one summary toast). */}
          <Toaster
            position="bottom-right"
            offset={16}
            visibleToasts={MAX_VISIBLE_TOASTS}
            duration={TOAST_DURATION_MS}
            closeButton
            toastOptions={{ classNames: { title: 'toast-title', description: 'toast-description' } }}
          />
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
              <Route path="/settings" element={<SettingsPage />} />
            </Route>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </ApolloProvider>
  );
}
