/** Socket.io rooms: every socket joins its user's room, so per-user events reach every tab and device of that user. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}
