import { useState, type FormEvent } from 'react';
import type { LeadDetailQuery } from '../gql/graphql';
import { COMPLETE_TASK, CREATE_TASK } from '../operations/leads';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useLeadMutation } from './useLeadMutation';

type Task = NonNullable<LeadDetailQuery['leadById']>['tasksByLeadIdList'][number];

export function TaskList({ leadId, tasks }: { leadId: number; tasks: readonly Task[] }) {
  const [title, setTitle] = useState('');
  const create = useLeadMutation(CREATE_TASK, leadId);
  const complete = useLeadMutation(COMPLETE_TASK, leadId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await create.run({ leadId, title: title.trim() })) setTitle('');
  };

  return (
    <section className="card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      {tasks.length === 0 ? (
        <p className="muted">No tasks yet.</p>
      ) : (
        <ul className="plain-list" data-testid="task-list">
          {tasks.map((task) => (
            <li key={task.id} className={`task${task.completedAt ? ' is-done' : ''}`} data-testid="task-item">
              <span className="task-title">{task.title}</span>
              {task.completedAt ? (
                <span className="muted">
                  Completed{' '}
                  <time dateTime={task.completedAt} title={formatDateTime(task.completedAt)}>
                    {formatRelativeTime(task.completedAt)}
                  </time>
                </span>
              ) : (
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Complete: ${task.title}`}
                  disabled={complete.loading}
                  onClick={() => void complete.run({ id: task.id })}
                >
                  Complete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={complete.error} />
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <Field label="New task" name="title" autoComplete="off" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" className="button primary" disabled={create.loading}>
          Add task
        </button>
        <FormError message={create.error} />
      </form>
    </section>
  );
}
