/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) {\n      jwtToken\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($email: String!, $password: String!, $name: String!) {\n    register(input: { email: $email, password: $password, name: $name }) {\n      jwtToken\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  query CurrentUser {\n    currentUser {\n      id\n      name\n      email\n    }\n  }\n": typeof types.CurrentUserDocument,
    "\n  fragment LeadRowFields on Lead {\n    id\n    firstName\n    lastName\n    email\n    company\n    status\n    score\n    createdAt\n  }\n": typeof types.LeadRowFieldsFragmentDoc,
    "\n  query Leads($first: Int!, $offset: Int!) {\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {\n      ...LeadRowFields\n    }\n  }\n": typeof types.LeadsDocument,
    "\n  mutation CreateLead($firstName: String!, $lastName: String!, $email: String!, $company: String) {\n    createLead(input: { firstName: $firstName, lastName: $lastName, email: $email, company: $company }) {\n      ...LeadRowFields\n    }\n  }\n": typeof types.CreateLeadDocument,
    "\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        title\n        completedAt\n        createdAt\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.LeadDetailDocument,
    "\n  mutation CreateTask($leadId: Int!, $title: String!) {\n    createTask(leadId: $leadId, title: $title) {\n      id\n      title\n      completedAt\n      createdAt\n    }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation CompleteTask($id: Int!) {\n    completeTask(id: $id) {\n      id\n      completedAt\n    }\n  }\n": typeof types.CompleteTaskDocument,
    "\n  mutation AddComment($leadId: Int!, $body: String!) {\n    addComment(leadId: $leadId, body: $body) {\n      id\n      body\n      createdAt\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation UpdateLeadScore($id: Int!, $score: Int!) {\n    updateLeadScore(id: $id, score: $score) {\n      id\n      score\n      updatedAt\n    }\n  }\n": typeof types.UpdateLeadScoreDocument,
    "\n  query Dashboard($recent: Int!) {\n    allLeads {\n      totalCount\n    }\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {\n      ...LeadRowFields\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    createdAt\n    updatedAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!, $offset: Int!) {\n    getNotifications(first: $first, offset: $offset) {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadCount {\n    getUnreadCount\n  }\n": typeof types.UnreadCountDocument,
    "\n  mutation MarkAsRead($id: UUID!) {\n    markAsRead(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": typeof types.MarkAsReadDocument,
    "\n  mutation MarkAsUnread($id: UUID!) {\n    markAsUnread(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": typeof types.MarkAsUnreadDocument,
    "\n  mutation MarkAllAsRead {\n    markAllAsRead\n  }\n": typeof types.MarkAllAsReadDocument,
    "\n  mutation DeleteNotification($id: UUID!) {\n    deleteNotification(id: $id)\n  }\n": typeof types.DeleteNotificationDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) {\n      jwtToken\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($email: String!, $password: String!, $name: String!) {\n    register(input: { email: $email, password: $password, name: $name }) {\n      jwtToken\n    }\n  }\n": types.RegisterDocument,
    "\n  query CurrentUser {\n    currentUser {\n      id\n      name\n      email\n    }\n  }\n": types.CurrentUserDocument,
    "\n  fragment LeadRowFields on Lead {\n    id\n    firstName\n    lastName\n    email\n    company\n    status\n    score\n    createdAt\n  }\n": types.LeadRowFieldsFragmentDoc,
    "\n  query Leads($first: Int!, $offset: Int!) {\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {\n      ...LeadRowFields\n    }\n  }\n": types.LeadsDocument,
    "\n  mutation CreateLead($firstName: String!, $lastName: String!, $email: String!, $company: String) {\n    createLead(input: { firstName: $firstName, lastName: $lastName, email: $email, company: $company }) {\n      ...LeadRowFields\n    }\n  }\n": types.CreateLeadDocument,
    "\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        title\n        completedAt\n        createdAt\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.LeadDetailDocument,
    "\n  mutation CreateTask($leadId: Int!, $title: String!) {\n    createTask(leadId: $leadId, title: $title) {\n      id\n      title\n      completedAt\n      createdAt\n    }\n  }\n": types.CreateTaskDocument,
    "\n  mutation CompleteTask($id: Int!) {\n    completeTask(id: $id) {\n      id\n      completedAt\n    }\n  }\n": types.CompleteTaskDocument,
    "\n  mutation AddComment($leadId: Int!, $body: String!) {\n    addComment(leadId: $leadId, body: $body) {\n      id\n      body\n      createdAt\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation UpdateLeadScore($id: Int!, $score: Int!) {\n    updateLeadScore(id: $id, score: $score) {\n      id\n      score\n      updatedAt\n    }\n  }\n": types.UpdateLeadScoreDocument,
    "\n  query Dashboard($recent: Int!) {\n    allLeads {\n      totalCount\n    }\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {\n      ...LeadRowFields\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    createdAt\n    updatedAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!, $offset: Int!) {\n    getNotifications(first: $first, offset: $offset) {\n      ...NotificationFields\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadCount {\n    getUnreadCount\n  }\n": types.UnreadCountDocument,
    "\n  mutation MarkAsRead($id: UUID!) {\n    markAsRead(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": types.MarkAsReadDocument,
    "\n  mutation MarkAsUnread($id: UUID!) {\n    markAsUnread(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": types.MarkAsUnreadDocument,
    "\n  mutation MarkAllAsRead {\n    markAllAsRead\n  }\n": types.MarkAllAsReadDocument,
    "\n  mutation DeleteNotification($id: UUID!) {\n    deleteNotification(id: $id)\n  }\n": types.DeleteNotificationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) {\n      jwtToken\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) {\n      jwtToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($email: String!, $password: String!, $name: String!) {\n    register(input: { email: $email, password: $password, name: $name }) {\n      jwtToken\n    }\n  }\n"): (typeof documents)["\n  mutation Register($email: String!, $password: String!, $name: String!) {\n    register(input: { email: $email, password: $password, name: $name }) {\n      jwtToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentUser {\n    currentUser {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query CurrentUser {\n    currentUser {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadRowFields on Lead {\n    id\n    firstName\n    lastName\n    email\n    company\n    status\n    score\n    createdAt\n  }\n"): (typeof documents)["\n  fragment LeadRowFields on Lead {\n    id\n    firstName\n    lastName\n    email\n    company\n    status\n    score\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leads($first: Int!, $offset: Int!) {\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {\n      ...LeadRowFields\n    }\n  }\n"): (typeof documents)["\n  query Leads($first: Int!, $offset: Int!) {\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {\n      ...LeadRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($firstName: String!, $lastName: String!, $email: String!, $company: String) {\n    createLead(input: { firstName: $firstName, lastName: $lastName, email: $email, company: $company }) {\n      ...LeadRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLead($firstName: String!, $lastName: String!, $email: String!, $company: String) {\n    createLead(input: { firstName: $firstName, lastName: $lastName, email: $email, company: $company }) {\n      ...LeadRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        title\n        completedAt\n        createdAt\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        title\n        completedAt\n        createdAt\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($leadId: Int!, $title: String!) {\n    createTask(leadId: $leadId, title: $title) {\n      id\n      title\n      completedAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTask($leadId: Int!, $title: String!) {\n    createTask(leadId: $leadId, title: $title) {\n      id\n      title\n      completedAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteTask($id: Int!) {\n    completeTask(id: $id) {\n      id\n      completedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteTask($id: Int!) {\n    completeTask(id: $id) {\n      id\n      completedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($leadId: Int!, $body: String!) {\n    addComment(leadId: $leadId, body: $body) {\n      id\n      body\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($leadId: Int!, $body: String!) {\n    addComment(leadId: $leadId, body: $body) {\n      id\n      body\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadScore($id: Int!, $score: Int!) {\n    updateLeadScore(id: $id, score: $score) {\n      id\n      score\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLeadScore($id: Int!, $score: Int!) {\n    updateLeadScore(id: $id, score: $score) {\n      id\n      score\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($recent: Int!) {\n    allLeads {\n      totalCount\n    }\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {\n      ...LeadRowFields\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($recent: Int!) {\n    allLeads {\n      totalCount\n    }\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {\n      ...LeadRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $offset: Int!) {\n    getNotifications(first: $first, offset: $offset) {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $offset: Int!) {\n    getNotifications(first: $first, offset: $offset) {\n      ...NotificationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    getUnreadCount\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    getUnreadCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAsRead($id: UUID!) {\n    markAsRead(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAsRead($id: UUID!) {\n    markAsRead(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAsUnread($id: UUID!) {\n    markAsUnread(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAsUnread($id: UUID!) {\n    markAsUnread(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllAsRead {\n    markAllAsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllAsRead {\n    markAllAsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNotification($id: UUID!) {\n    deleteNotification(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteNotification($id: UUID!) {\n    deleteNotification(id: $id)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;