/** `limited`: the relay refused this tab because the user has too many open (TOO_MANY_CONNECTIONS). */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'limited';

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  limited: 'Too many tabs',
};

export const CONNECTION_HINTS: Record<ConnectionState, string> = {
  connecting: 'Connecting to live updates',
  live: 'Live updates are on',
  reconnecting: 'Live updates are paused; missed notifications will be loaded on reconnect',
  offline: 'Live updates are off; reload the page to try again',
  limited: 'Live updates are off in this tab because too many Bellhop tabs are open; close some and this tab tries again',
};
