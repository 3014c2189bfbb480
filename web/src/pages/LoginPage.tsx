import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { Link, Navigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { SESSION_EXPIRED_MESSAGE, sessionNotice } from '../auth/sessionNotice';
import { useRedirectTarget } from '../auth/useRedirectTarget';
import { DEMO_ACCOUNT } from '../config/demoLoginMeta';
import { isDemoLoginEnabled } from '../config/demoLogin';
import { LOGIN } from '../operations/auth';
import { errorMessage } from '../lib/errorMessage';
import { AuthCard } from '../ui/AuthCard';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

export function LoginPage() {
  const { token, signIn } = useAuth();
  const target = useRedirectTarget();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LOGIN);
  const [demo] = useState(isDemoLoginEnabled);
  const ended = useSyncExternalStore(sessionNotice.subscribe, sessionNotice.get, sessionNotice.get);

  if (token) return <Navigate to={target} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      const jwt = data?.login?.jwtToken;
      if (jwt) signIn(jwt);
      else setError('Incorrect email or password.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <AuthCard title="Sign in">
      {ended === 'expired' && (
        <p className="notice" role="status" data-testid="session-expired">
          {SESSION_EXPIRED_MESSAGE}
        </p>
      )}
      {demo && (
        <aside className="demo-login" aria-label="Demo account" data-testid="demo-login">
          <p>
            Demo login: <code>{DEMO_ACCOUNT.email}</code> / <code>{DEMO_ACCOUNT.password}</code>
          </p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              setEmail(DEMO_ACCOUNT.email);
              setPassword(DEMO_ACCOUNT.password);
            }}
          >
            Use demo account
          </button>
        </aside>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="button primary wide" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-switch">
        New here? <Link to="/register">Create an account</Link>
      </p>
    </AuthCard>
  );
}
