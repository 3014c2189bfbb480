import { useId, useState, type FormEvent } from 'react';
import type { TaskFieldsFragment } from '../gql/graphql';
import { LIMITS, limitHint } from '../lib/limits';
import { ASSIGN_TASK, COMPLETE_TASK, CREATE_TASK } from '../operations/leads';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { ListCard } from '../ui/ListCard';
import { TaskItem } from './TaskItem';
import { useLeadMutation } from './useLeadMutation';
import type { Person } from './useUsers';

interface Props {
  leadId: number;
  tasks: readonly TaskFieldsFragment[];
  users: readonly Person[];
}

export function TaskList({ leadId, tasks, users }: Props) {
  const complete = useLeadMutation(COMPLETE_TASK, leadId);
  const assign = useLeadMutation(ASSIGN_TASK, leadId);

  const list = (
    <ul className="plain-list" data-testid="task-list">
      {tasks.map((task) => (
        <TaskItem
          key={task.id}
          task={task}
          users={users}
          busy={complete.loading || assign.loading}
          onComplete={() => void complete.run({ id: task.id })}
          onAssign={(assigneeId) => void assign.run({ id: task.id, assigneeId })}
        />
      ))}
    </ul>
  );

  return (
    <ListCard name="tasks" title="Tasks" emptyText="No tasks yet." isEmpty={tasks.length === 0} list={list}>
      <FormError message={complete.error ?? assign.error} />
      <NewTaskForm leadId={leadId} users={users} />
    </ListCard>
  );
}

/** A title and, optionally, who does it. */
function NewTaskForm({ leadId, users }: { leadId: number; users: readonly Person[] }) {
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const assigneeField = useId();
  const create = useLeadMutation(CREATE_TASK, leadId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await create.run({ leadId, title: title.trim(), assigneeId: assigneeId === '' ? null : assigneeId })) {
      setTitle('');
      setAssigneeId('');
    }
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <Field
        label="New task"
        name="title"
        autoComplete="off"
        maxLength={LIMITS.taskTitle}
        hint={limitHint(LIMITS.taskTitle)}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="field assignee-field">
        <label htmlFor={assigneeField}>Assign to</label>
        <select id={assigneeField} name="assigneeId" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">Nobody yet</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button primary" disabled={create.loading}>
        Add task
      </button>
      <FormError message={create.error} />
    </form>
  );
}
