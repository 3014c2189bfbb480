import type { TaskFieldsFragment } from '../gql/graphql';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { PersonPicker } from './PersonPicker';
import type { Person } from './useUsers';

interface Props {
  task: TaskFieldsFragment;
  users: readonly Person[];
  busy: boolean;
  onComplete(): void;
  onAssign(assigneeId: string | null): void;
}

export function TaskItem({ task, users, busy, onComplete, onAssign }: Props) {
  const assignee = task.userByAssigneeId ?? null;
  return (
    <li className={`task${task.completedAt ? ' is-done' : ''}`} data-testid="task-item">
      <div className="task-main">
        <span className="task-title">{task.title}</span>
        <span className="task-assignee muted" data-testid="task-assignee">
          {assignee ? `Assigned to ${assignee.name}` : 'Unassigned'}
        </span>
      </div>
      <div className="task-actions">
        {!task.completedAt && (
          <PersonPicker
            label={`Assignee for: ${task.title}`}
            hideLabel
            users={users}
            current={assignee}
            allowNone
            buttonLabel="Assign"
            busy={busy}
            onSave={onAssign}
          />
        )}
        {task.completedAt ? (
          <span className="muted">
            Completed{' '}
            <time dateTime={task.completedAt} title={formatDateTime(task.completedAt)}>
              {formatRelativeTime(task.completedAt)}
            </time>
          </span>
        ) : (
          <button type="button" className="button secondary small" aria-label={`Complete: ${task.title}`} disabled={busy} onClick={onComplete}>
            Complete
          </button>
        )}
      </div>
    </li>
  );
}
