export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export const CONNECTION_HINTS: Record<ConnectionState, string> = {
  connecting: 'Connecting to live updates',
  live: 'Live updates are on',
  reconnecting: 'Live updates are paused; missed notifications will be loaded on reconnect',
  offline: 'Live updates are off; reload the page to try again',
};
