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
    "Adds a lead to the pipeline; everyone gets a lead_created notification."
    createLead(input: CreateLeadInput!): Lead!
    "Marks one notification as read for you."
    markAsRead(id: UUID!): Notification!
    "Marks one notification as unread for you."
    markAsUnread(id: UUID!): Notification!
    "Marks all your notifications as read, in one step whatever the history size."
    markAllAsRead: Boolean!
    "Hides a notification for you only; returns true."
    deleteNotification(id: UUID!): Boolean!
    "Adds an open task to a lead."
    createTask(leadId: Int!, title: String!): Task!
    "Completes a task; everyone gets a task_completed notification."
    completeTask(id: Int!): Task!
    "Adds a comment to a lead; everyone gets a comment_added notification."
    addComment(leadId: Int!, body: String!): Comment!
    "Sets a lead's activity score (0 to 100); everyone gets a score_updated notification."
    updateLeadScore(id: Int!, score: Int!): Lead!
  }
`;
