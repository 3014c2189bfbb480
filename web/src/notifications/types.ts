import { NOTIFICATION_TYPES, type NotificationType } from '@bellhop/contract';

/** The short tag on each item. */
const BADGES: Record<NotificationType, string> = {
  lead_created: 'Lead',
  lead_assigned: 'Assigned',
  task_completed: 'Task',
  score_updated: 'Score',
  comment_added: 'Comment',
};

/** Names for the type filter until the server's labels (notificationPreferences) arrive. */
const NAMES: Record<NotificationType, string> = {
  lead_created: 'New leads',
  lead_assigned: 'Leads assigned to you',
  task_completed: 'Completed tasks',
  score_updated: 'Score changes',
  comment_added: 'Comments and mentions',
};

export function isBuiltInType(type: string): type is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(type);
}

/** "custom_thing" → "Custom thing": a type a DBA added still reads as words. */
function humanize(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Other';
}

export function typeBadge(type: string): string {
  return isBuiltInType(type) ? BADGES[type] : humanize(type);
}

export function typeName(type: string): string {
  return isBuiltInType(type) ? NAMES[type] : humanize(type);
}

export interface TypeOption {
  type: string;
  label: string;
}

export const BUILT_IN_TYPE_OPTIONS: TypeOption[] = NOTIFICATION_TYPES.map((type) => ({ type, label: typeName(type) }));
