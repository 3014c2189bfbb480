import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { Link, Navigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { REGISTER } from '../operations/auth';
import { errorMessage } from '../lib/errorMessage';
import { AuthCard } from '../ui/AuthCard';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

export function RegisterPage() {
  const { token, signIn } = useAuth();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [register, { loading }] = useMutation(REGISTER);

  if (token) return <Navigate to="/dashboard" replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await register({ variables: { name: name.trim(), email: email.trim(), password } });
      const jwt = data?.register?.jwtToken;
      if (jwt) signIn(jwt);
      else setError('The account could not be created. Please try again.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <AuthCard title="Create an account">
      <form onSubmit={onSubmit} noValidate>
        <Field label="Name" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        <Field label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="button primary wide" disabled={loading}>
          {loading ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}
