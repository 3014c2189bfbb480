import { useState } from 'react';
import { useMutation, type TypedDocumentNode } from '@apollo/client';
import { LEAD_DETAIL_QUERY } from '../operations/leads';
import { errorMessage } from '../lib/errorMessage';

/**
 * A mutation on one lead that reloads the lead afterwards (new tasks and comments are
 * not in the cache yet) and keeps the API's error message for the form to show.
 */
export function useLeadMutation<TData, TVariables extends Record<string, unknown>>(
  mutation: TypedDocumentNode<TData, TVariables>,
  leadId: number,
) {
  const [error, setError] = useState<string | null>(null);
  const [mutate, { loading }] = useMutation(mutation, {
    refetchQueries: [{ query: LEAD_DETAIL_QUERY, variables: { id: leadId } }],
    awaitRefetchQueries: true,
  });
  const run = async (variables: TVariables): Promise<boolean> => {
    setError(null);
    try {
      await mutate({ variables });
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };
  return { run, loading, error };
}
