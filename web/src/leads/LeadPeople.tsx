import { useQuery } from '@apollo/client';
import type { LeadDetailQuery } from '../gql/graphql';
import { CURRENT_USER_QUERY } from '../operations/auth';
import { ASSIGN_LEAD, FOLLOW_LEAD, UNFOLLOW_LEAD } from '../operations/leads';
import { FormError } from '../ui/FormError';
import { PersonPicker } from './PersonPicker';
import { useLeadMutation } from './useLeadMutation';
import type { Person } from './useUsers';

type Lead = NonNullable<LeadDetailQuery['leadById']>;

/** Who owns the lead (and changing it), and whether you follow it. */
export function LeadPeople({ lead, users }: { lead: Lead; users: readonly Person[] }) {
  const me = useQuery(CURRENT_USER_QUERY).data?.currentUser?.id ?? null;
  const assign = useLeadMutation(ASSIGN_LEAD, lead.id);
  const follow = useLeadMutation(FOLLOW_LEAD, lead.id);
  const unfollow = useLeadMutation(UNFOLLOW_LEAD, lead.id);
  const following = lead.isFollowedByMe ?? false;
  const owner = lead.userByOwnerId ?? null;
  const youOwnIt = me !== null && lead.ownerId === me;
  const busy = follow.loading || unfollow.loading;

  return (
    <div className="lead-people">
      <PersonPicker
        label="Owner"
        users={users}
        current={owner}
        allowNone={false}
        buttonLabel="Change owner"
        busy={assign.loading}
        onSave={(ownerId) => {
          if (ownerId) void assign.run({ id: lead.id, ownerId });
        }}
      />
      <FormError message={assign.error} />
      <div className="follow">
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          onClick={() => void (following ? unfollow.run({ leadId: lead.id }) : follow.run({ leadId: lead.id }))}
        >
          {following ? 'Unfollow' : 'Follow'}
        </button>
        <p className="muted follow-hint" data-testid="follow-hint">
          {following ? 'You follow this lead: its tasks, score and comments notify you.' : 'Follow to hear about its tasks, score and comments.'}
          {youOwnIt && ' As its owner you hear about them either way.'}
        </p>
      </div>
      <FormError message={follow.error ?? unfollow.error} />
    </div>
  );
}
