import { useQuery } from '@apollo/client';
import { USERS_QUERY } from '../operations/leads';

export interface Person {
  id: string;
  name: string;
}

/** The people a lead or a task can be given to (the API's most per list, 100, by name). */
export function useUsers(): Person[] {
  const { data } = useQuery(USERS_QUERY);
  return data?.allUsersList ?? [];
}

/** The list, plus `current` if it is not in it (the list is bounded), so a select can show it. */
export function withCurrent(users: readonly Person[], current: Person | null | undefined): Person[] {
  return current && !users.some((u) => u.id === current.id) ? [current, ...users] : [...users];
}
