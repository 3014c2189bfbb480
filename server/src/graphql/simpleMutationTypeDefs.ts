/** The schema of the plain mutations (see simpleMutations.ts); each one's description is what GraphiQL shows. */
import { gql } from 'graphile-utils';

export const SIMPLE_MUTATION_TYPE_DEFS = gql`
  "The fields of a new lead."
  input CreateLeadInput {
    "First name; required."
    firstName: String!
    "Last name; required."
    lastName: String!
    "Contact email; must look like an email address."
    email: String!
    "Company, if known."
    company: String
  }

  extend type Mutation {
    "Adds a lead to the pipeline (you own and follow it); everyone gets a lead_created notification."
    createLead(input: CreateLeadInput!): Lead!
    "Marks one notification as read for you."
    markAsRead(id: UUID!): Notification!
    "Marks one notification as unread for you."
    markAsUnread(id: UUID!): Notification!
    "Marks all your notifications as read, in one step whatever the history size."
    markAllAsRead: Boolean!
    "Hides a notification for you only; returns true."
    deleteNotification(id: UUID!): Boolean!
    "Adds an open task to a lead, optionally assigned to someone (they then follow the lead)."
    createTask(leadId: Int!, title: String!, assigneeId: UUID): Task!
    "Assigns a task to a user, or to nobody (null)."
    assignTask(id: Int!, assigneeId: UUID): Task!
    "Completes a task; the lead's owner and followers and the task's assignee get a task_completed notification."
    completeTask(id: Int!): Task!
    "Adds a comment (you then follow the lead); the lead's owner and followers and everyone @mentioned (as @their-email) get a comment_added notification."
    addComment(leadId: Int!, body: String!): Comment!
    "Sets a lead's activity score (0 to 100); its owner and followers get a score_updated notification."
    updateLeadScore(id: Int!, score: Int!): Lead!
    "Makes a user the owner of a lead; they follow it and get a lead_assigned notification."
    assignLead(id: Int!, ownerId: UUID!): Lead!
    "Follow a lead: hear about its tasks, score and comments."
    followLead(leadId: Int!): Lead!
    "Stop following a lead (its owner still hears about it as the owner)."
    unfollowLead(leadId: Int!): Lead!
    "Your choice for one notification type: inApp off means not delivered to you while off; toast off means delivered without a pop-up."
    updateNotificationPreference(type: String!, inApp: Boolean!, toast: Boolean!): NotificationPreference!
  }
`;
