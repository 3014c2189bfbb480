import { useState, type FormEvent } from 'react';
import type { LeadDetailQuery } from '../gql/graphql';
import { ADD_COMMENT } from '../operations/leads';
import { LIMITS, limitHint } from '../lib/limits';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { ListCard } from '../ui/ListCard';
import { useLeadMutation } from './useLeadMutation';

type Comment = NonNullable<LeadDetailQuery['leadById']>['commentsByLeadIdList'][number];

export function CommentList({ leadId, comments }: { leadId: number; comments: readonly Comment[] }) {
  const [body, setBody] = useState('');
  const add = useLeadMutation(ADD_COMMENT, leadId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await add.run({ leadId, body: body.trim() })) setBody('');
  };

  const list = (
    <ul className="plain-list comments" data-testid="comment-list">
      {comments.map((comment) => (
        <li key={comment.id} className="comment" data-testid="comment-item">
          <p className="comment-meta">
            <strong className="truncate-inline">{comment.userByAuthorId?.name ?? 'Someone'}</strong>{' '}
            <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
              {formatRelativeTime(comment.createdAt)}
            </time>
          </p>
          <p className="comment-body">{comment.body}</p>
        </li>
      ))}
    </ul>
  );

  return (
    <ListCard name="comments" title="Comments" emptyText="No comments yet." isEmpty={comments.length === 0} list={list}>
      <form onSubmit={onSubmit} noValidate>
        <Field
          label="New comment"
          multiline
          name="body"
          rows={3}
          maxLength={LIMITS.comment}
          hint={`${limitHint(LIMITS.comment)} Mention someone with @ and their email.`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <FormError message={add.error} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={add.loading}>
            Add comment
          </button>
        </div>
      </form>
    </ListCard>
  );
}
