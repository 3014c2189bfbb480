import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router-dom';
import { tokenStore } from '../auth/tokenStore';
import { DEMO_LOGIN_META } from '../config/demoLoginMeta';
import { fakeApiClient } from '../test/fakeApi';
import { LoginPage } from './LoginPage';
import { renderRoutes } from '../test/renderRoutes';

// header.payload.signature with a far-future exp; only the payload is read client-side.
const JWT = `x.${btoa(JSON.stringify({ exp: 4102444800 }))}.y`;

function renderLogin() {
  const api = fakeApiClient({
    Login: ({ email, password }) => {
      if (email === 'demo@example.com' && password === 'demo-password') return { login: { jwtToken: JWT } };
      throw new Error('Incorrect email or password');
    },
  });
  renderRoutes(
    api.client,
    '/login',
    <>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/dashboard" element={<h1>Dashboard</h1>} />
    </>,
  );
  return api;
}

afterEach(() => {
  tokenStore.set(null);
  document.head.innerHTML = '';
});

describe('LoginPage', () => {
  it('shows the API error message on a bad login', async () => {
    renderLogin();
    await userEvent.type(screen.getByLabelText('Email'), 'demo@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect email or password');
    expect(tokenStore.get()).toBeNull();
  });

  it('signs in, keeps the token and goes to the dashboard', async () => {
    renderLogin();
    await userEvent.type(screen.getByLabelText('Email'), 'demo@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(tokenStore.get()).toBe(JWT);
    expect(window.localStorage.getItem('bellhop.token')).toBe(JWT);
  });

  it('offers the demo login when the page says demo accounts exist', async () => {
    const meta = document.createElement('meta');
    meta.name = DEMO_LOGIN_META;
    meta.content = 'true';
    document.head.append(meta);
    renderLogin();
    const demo = screen.getByRole('complementary', { name: 'Demo account' });
    expect(demo).toHaveTextContent('demo@example.com');
    expect(demo).toHaveTextContent('demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Use demo account' }));
    expect(screen.getByLabelText('Email')).toHaveValue('demo@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
  });

  it('hides the demo login otherwise', () => {
    renderLogin();
    expect(screen.queryByRole('complementary', { name: 'Demo account' })).not.toBeInTheDocument();
  });
});
