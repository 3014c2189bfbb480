import { CONNECTION_HINTS, CONNECTION_LABELS, type ConnectionState } from './connectionState';

/** Tells the person whether what they see is live, so silence is never mistaken for "nothing new". */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <span
      role="status"
      className={`connection connection-${state}`}
      data-testid="connection-status"
      data-state={state}
      title={CONNECTION_HINTS[state]}
    >
      <span className="connection-dot" aria-hidden="true" />
      {CONNECTION_LABELS[state]}
    </span>
  );
}
