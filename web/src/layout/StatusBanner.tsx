import type { ServerStatus } from '../apollo/serverStatus';
import type { ConnectionState } from '../realtime/connectionState';

export const OUTAGE_MESSAGE = "Can't reach the server — retrying…";
export const LIMITED_MESSAGE =
  'Live updates are off in this tab: too many Bellhop tabs are open. Close some, and this one will try again.';

/** One plain sentence for a problem that affects the whole page, in place of raw errors. */
export function StatusBanner({ server, connection }: { server: ServerStatus; connection: ConnectionState }) {
  const message = server === 'unavailable' ? OUTAGE_MESSAGE : connection === 'limited' ? LIMITED_MESSAGE : null;
  return (
    <div role="status" className={message ? 'status-banner' : 'visually-hidden'} data-testid="status-banner">
      {message}
    </div>
  );
}
