import { act, renderHook } from '@testing-library/react';
import { TOO_MANY_CONNECTIONS, UNAUTHORIZED } from '@bellhop/contract';
import { FakeSocket } from '../test/fakeSocket';
import { useWebSocket } from './useWebSocket';

function setup(initialToken: string | null = 'token-1') {
  const sockets: FakeSocket[] = [];
  const tokens: string[] = [];
  const onUnauthorized = jest.fn();
  const connect = (token: string) => {
    tokens.push(token);
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket.asSocket();
  };
  const hook = renderHook(({ token }) => useWebSocket(token, { onUnauthorized, connect }), {
    initialProps: { token: initialToken },
  });
  return { hook, sockets, tokens, onUnauthorized, result: hook.result };
}

describe('useWebSocket', () => {
  it('does not connect while signed out', () => {
    const { result, sockets } = setup(null);
    expect(sockets).toHaveLength(0);
    expect(result.current).toEqual({ socket: null, state: 'offline' });
  });

  it('connects once with the token and reports when it is live', () => {
    const { result, sockets, tokens } = setup();
    expect(tokens).toEqual(['token-1']);
    expect(result.current.state).toBe('connecting');
    act(() => sockets[0]!.serverConnect());
    expect(result.current.state).toBe('live');
    expect(result.current.socket).toBe(sockets[0]);
  });

  it('shows reconnecting while the connection is down', () => {
    const { result, sockets } = setup();
    act(() => sockets[0]!.serverConnect());
    act(() => sockets[0]!.emit('disconnect', 'transport close'));
    expect(result.current.state).toBe('reconnecting');
    act(() => sockets[0]!.io.emit('reconnect_attempt', 1));
    expect(result.current.state).toBe('reconnecting');
    act(() => sockets[0]!.serverConnect());
    expect(result.current.state).toBe('live');
    act(() => sockets[0]!.io.emit('reconnect_failed'));
    expect(result.current.state).toBe('offline');
  });

  it('signs out when the relay refuses the token', () => {
    const { result, sockets, onUnauthorized } = setup();
    sockets[0]!.active = false;
    act(() => sockets[0]!.emit('connect_error', new Error(UNAUTHORIZED)));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(result.current.state).toBe('offline');
  });

  it('retries after other refusals instead of giving up', () => {
    jest.useFakeTimers();
    try {
      const { result, sockets, onUnauthorized } = setup();
      sockets[0]!.active = false;
      act(() => sockets[0]!.emit('connect_error', new Error('server error')));
      expect(onUnauthorized).not.toHaveBeenCalled();
      expect(result.current.state).toBe('reconnecting');
      act(() => jest.advanceTimersByTime(5_000));
      expect(sockets[0]!.connect).toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('reconnects after the server drops the socket, to learn whether the token expired', () => {
    jest.useFakeTimers();
    try {
      const { sockets } = setup();
      act(() => sockets[0]!.serverConnect());
      act(() => sockets[0]!.emit('disconnect', 'io server disconnect'));
      act(() => jest.advanceTimersByTime(1_000));
      expect(sockets[0]!.connect).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('disconnects on sign-out and opens a new socket for a new token', () => {
    const { hook, sockets, tokens, result } = setup();
    hook.rerender({ token: null });
    expect(sockets[0]!.disconnect).toHaveBeenCalled();
    expect(result.current).toEqual({ socket: null, state: 'offline' });
    hook.rerender({ token: 'token-2' });
    expect(tokens).toEqual(['token-1', 'token-2']);
    expect(result.current.socket).toBe(sockets[1]);
  });
});

describe('useWebSocket when the relay refuses a tab', () => {
  it('says so when too many tabs are open, without signing out, and tries again later', () => {
    jest.useFakeTimers();
    try {
      const { result, sockets, onUnauthorized } = setup();
      act(() => {
        sockets[0]!.active = false;
        sockets[0]!.emit('connect_error', new Error(TOO_MANY_CONNECTIONS));
      });
      expect(result.current.state).toBe('limited');
      expect(onUnauthorized).not.toHaveBeenCalled();
      act(() => jest.advanceTimersByTime(30_000));
      expect(sockets[0]!.connect).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
