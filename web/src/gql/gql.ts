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
    "\n  fragment TaskFields on Task {\n    id\n    title\n    completedAt\n    createdAt\n    assigneeId\n    userByAssigneeId {\n      id\n      name\n    }\n  }\n": typeof types.TaskFieldsFragmentDoc,
    "\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      ownerId\n      isFollowedByMe\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        ...TaskFields\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.LeadDetailDocument,
    "\n  mutation CreateTask($leadId: Int!, $title: String!, $assigneeId: UUID) {\n    createTask(leadId: $leadId, title: $title, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation AssignTask($id: Int!, $assigneeId: UUID) {\n    assignTask(id: $id, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n": typeof types.AssignTaskDocument,
    "\n  fragment LeadOwnerFields on Lead {\n    id\n    ownerId\n    isFollowedByMe\n    updatedAt\n    userByOwnerId {\n      id\n      name\n    }\n  }\n": typeof types.LeadOwnerFieldsFragmentDoc,
    "\n  mutation AssignLead($id: Int!, $ownerId: UUID!) {\n    assignLead(id: $id, ownerId: $ownerId) {\n      ...LeadOwnerFields\n    }\n  }\n": typeof types.AssignLeadDocument,
    "\n  mutation FollowLead($leadId: Int!) {\n    followLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n": typeof types.FollowLeadDocument,
    "\n  mutation UnfollowLead($leadId: Int!) {\n    unfollowLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n": typeof types.UnfollowLeadDocument,
    "\n  query Users {\n    allUsersList(first: 100, orderBy: NAME_ASC) {\n      id\n      name\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CompleteTask($id: Int!) {\n    completeTask(id: $id) {\n      id\n      completedAt\n    }\n  }\n": typeof types.CompleteTaskDocument,
    "\n  mutation AddComment($leadId: Int!, $body: String!) {\n    addComment(leadId: $leadId, body: $body) {\n      id\n      body\n      createdAt\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation UpdateLeadScore($id: Int!, $score: Int!) {\n    updateLeadScore(id: $id, score: $score) {\n      id\n      score\n      updatedAt\n    }\n  }\n": typeof types.UpdateLeadScoreDocument,
    "\n  query Dashboard($recent: Int!) {\n    allLeads {\n      totalCount\n    }\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {\n      ...LeadRowFields\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment ActorFields on User {\n    id\n    name\n  }\n": typeof types.ActorFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    recipientId\n    actorId\n    userByActorId {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!, $offset: Int!, $forMe: Boolean, $types: [String!]) {\n    getNotifications(first: $first, offset: $offset, forMe: $forMe, types: $types) {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadCount {\n    getUnreadCount\n  }\n": typeof types.UnreadCountDocument,
    "\n  mutation MarkAsRead($id: UUID!) {\n    markAsRead(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": typeof types.MarkAsReadDocument,
    "\n  mutation MarkAsUnread($id: UUID!) {\n    markAsUnread(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": typeof types.MarkAsUnreadDocument,
    "\n  mutation MarkAllAsRead {\n    markAllAsRead\n  }\n": typeof types.MarkAllAsReadDocument,
    "\n  mutation DeleteNotification($id: UUID!) {\n    deleteNotification(id: $id)\n  }\n": typeof types.DeleteNotificationDocument,
    "\n  fragment NotificationPreferenceFields on NotificationPreference {\n    type\n    inApp\n    toast\n    notificationTypeByType {\n      type\n      label\n      description\n      position\n    }\n  }\n": typeof types.NotificationPreferenceFieldsFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences(first: 100) {\n      ...NotificationPreferenceFields\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreference($type: String!, $inApp: Boolean!, $toast: Boolean!) {\n    updateNotificationPreference(type: $type, inApp: $inApp, toast: $toast) {\n      ...NotificationPreferenceFields\n    }\n  }\n": typeof types.UpdateNotificationPreferenceDocument,
    "\n  query Ping {\n    __typename\n  }\n": typeof types.PingDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) {\n      jwtToken\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($email: String!, $password: String!, $name: String!) {\n    register(input: { email: $email, password: $password, name: $name }) {\n      jwtToken\n    }\n  }\n": types.RegisterDocument,
    "\n  query CurrentUser {\n    currentUser {\n      id\n      name\n      email\n    }\n  }\n": types.CurrentUserDocument,
    "\n  fragment LeadRowFields on Lead {\n    id\n    firstName\n    lastName\n    email\n    company\n    status\n    score\n    createdAt\n  }\n": types.LeadRowFieldsFragmentDoc,
    "\n  query Leads($first: Int!, $offset: Int!) {\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {\n      ...LeadRowFields\n    }\n  }\n": types.LeadsDocument,
    "\n  mutation CreateLead($firstName: String!, $lastName: String!, $email: String!, $company: String) {\n    createLead(input: { firstName: $firstName, lastName: $lastName, email: $email, company: $company }) {\n      ...LeadRowFields\n    }\n  }\n": types.CreateLeadDocument,
    "\n  fragment TaskFields on Task {\n    id\n    title\n    completedAt\n    createdAt\n    assigneeId\n    userByAssigneeId {\n      id\n      name\n    }\n  }\n": types.TaskFieldsFragmentDoc,
    "\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      ownerId\n      isFollowedByMe\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        ...TaskFields\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.LeadDetailDocument,
    "\n  mutation CreateTask($leadId: Int!, $title: String!, $assigneeId: UUID) {\n    createTask(leadId: $leadId, title: $title, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n": types.CreateTaskDocument,
    "\n  mutation AssignTask($id: Int!, $assigneeId: UUID) {\n    assignTask(id: $id, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n": types.AssignTaskDocument,
    "\n  fragment LeadOwnerFields on Lead {\n    id\n    ownerId\n    isFollowedByMe\n    updatedAt\n    userByOwnerId {\n      id\n      name\n    }\n  }\n": types.LeadOwnerFieldsFragmentDoc,
    "\n  mutation AssignLead($id: Int!, $ownerId: UUID!) {\n    assignLead(id: $id, ownerId: $ownerId) {\n      ...LeadOwnerFields\n    }\n  }\n": types.AssignLeadDocument,
    "\n  mutation FollowLead($leadId: Int!) {\n    followLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n": types.FollowLeadDocument,
    "\n  mutation UnfollowLead($leadId: Int!) {\n    unfollowLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n": types.UnfollowLeadDocument,
    "\n  query Users {\n    allUsersList(first: 100, orderBy: NAME_ASC) {\n      id\n      name\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CompleteTask($id: Int!) {\n    completeTask(id: $id) {\n      id\n      completedAt\n    }\n  }\n": types.CompleteTaskDocument,
    "\n  mutation AddComment($leadId: Int!, $body: String!) {\n    addComment(leadId: $leadId, body: $body) {\n      id\n      body\n      createdAt\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation UpdateLeadScore($id: Int!, $score: Int!) {\n    updateLeadScore(id: $id, score: $score) {\n      id\n      score\n      updatedAt\n    }\n  }\n": types.UpdateLeadScoreDocument,
    "\n  query Dashboard($recent: Int!) {\n    allLeads {\n      totalCount\n    }\n    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {\n      ...LeadRowFields\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment ActorFields on User {\n    id\n    name\n  }\n": types.ActorFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    recipientId\n    actorId\n    userByActorId {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int!, $offset: Int!, $forMe: Boolean, $types: [String!]) {\n    getNotifications(first: $first, offset: $offset, forMe: $forMe, types: $types) {\n      ...NotificationFields\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadCount {\n    getUnreadCount\n  }\n": types.UnreadCountDocument,
    "\n  mutation MarkAsRead($id: UUID!) {\n    markAsRead(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": types.MarkAsReadDocument,
    "\n  mutation MarkAsUnread($id: UUID!) {\n    markAsUnread(id: $id) {\n      id\n      isRead\n      updatedAt\n    }\n  }\n": types.MarkAsUnreadDocument,
    "\n  mutation MarkAllAsRead {\n    markAllAsRead\n  }\n": types.MarkAllAsReadDocument,
    "\n  mutation DeleteNotification($id: UUID!) {\n    deleteNotification(id: $id)\n  }\n": types.DeleteNotificationDocument,
    "\n  fragment NotificationPreferenceFields on NotificationPreference {\n    type\n    inApp\n    toast\n    notificationTypeByType {\n      type\n      label\n      description\n      position\n    }\n  }\n": types.NotificationPreferenceFieldsFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences(first: 100) {\n      ...NotificationPreferenceFields\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreference($type: String!, $inApp: Boolean!, $toast: Boolean!) {\n    updateNotificationPreference(type: $type, inApp: $inApp, toast: $toast) {\n      ...NotificationPreferenceFields\n    }\n  }\n": types.UpdateNotificationPreferenceDocument,
    "\n  query Ping {\n    __typename\n  }\n": types.PingDocument,
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
export function graphql(source: "\n  fragment TaskFields on Task {\n    id\n    title\n    completedAt\n    createdAt\n    assigneeId\n    userByAssigneeId {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TaskFields on Task {\n    id\n    title\n    completedAt\n    createdAt\n    assigneeId\n    userByAssigneeId {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      ownerId\n      isFollowedByMe\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        ...TaskFields\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadDetail($id: Int!) {\n    leadById(id: $id) {\n      ...LeadRowFields\n      updatedAt\n      ownerId\n      isFollowedByMe\n      userByOwnerId {\n        id\n        name\n      }\n      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        ...TaskFields\n      }\n      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {\n        id\n        body\n        createdAt\n        userByAuthorId {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($leadId: Int!, $title: String!, $assigneeId: UUID) {\n    createTask(leadId: $leadId, title: $title, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTask($leadId: Int!, $title: String!, $assigneeId: UUID) {\n    createTask(leadId: $leadId, title: $title, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTask($id: Int!, $assigneeId: UUID) {\n    assignTask(id: $id, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignTask($id: Int!, $assigneeId: UUID) {\n    assignTask(id: $id, assigneeId: $assigneeId) {\n      ...TaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadOwnerFields on Lead {\n    id\n    ownerId\n    isFollowedByMe\n    updatedAt\n    userByOwnerId {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LeadOwnerFields on Lead {\n    id\n    ownerId\n    isFollowedByMe\n    updatedAt\n    userByOwnerId {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignLead($id: Int!, $ownerId: UUID!) {\n    assignLead(id: $id, ownerId: $ownerId) {\n      ...LeadOwnerFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignLead($id: Int!, $ownerId: UUID!) {\n    assignLead(id: $id, ownerId: $ownerId) {\n      ...LeadOwnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FollowLead($leadId: Int!) {\n    followLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n"): (typeof documents)["\n  mutation FollowLead($leadId: Int!) {\n    followLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnfollowLead($leadId: Int!) {\n    unfollowLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnfollowLead($leadId: Int!) {\n    unfollowLead(leadId: $leadId) {\n      ...LeadOwnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    allUsersList(first: 100, orderBy: NAME_ASC) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    allUsersList(first: 100, orderBy: NAME_ASC) {\n      id\n      name\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment ActorFields on User {\n    id\n    name\n  }\n"): (typeof documents)["\n  fragment ActorFields on User {\n    id\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    recipientId\n    actorId\n    userByActorId {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    type\n    title\n    message\n    isRead\n    relatedLeadId\n    recipientId\n    actorId\n    userByActorId {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $offset: Int!, $forMe: Boolean, $types: [String!]) {\n    getNotifications(first: $first, offset: $offset, forMe: $forMe, types: $types) {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $offset: Int!, $forMe: Boolean, $types: [String!]) {\n    getNotifications(first: $first, offset: $offset, forMe: $forMe, types: $types) {\n      ...NotificationFields\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationPreferenceFields on NotificationPreference {\n    type\n    inApp\n    toast\n    notificationTypeByType {\n      type\n      label\n      description\n      position\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationPreferenceFields on NotificationPreference {\n    type\n    inApp\n    toast\n    notificationTypeByType {\n      type\n      label\n      description\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences(first: 100) {\n      ...NotificationPreferenceFields\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences(first: 100) {\n      ...NotificationPreferenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreference($type: String!, $inApp: Boolean!, $toast: Boolean!) {\n    updateNotificationPreference(type: $type, inApp: $inApp, toast: $toast) {\n      ...NotificationPreferenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreference($type: String!, $inApp: Boolean!, $toast: Boolean!) {\n    updateNotificationPreference(type: $type, inApp: $inApp, toast: $toast) {\n      ...NotificationPreferenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ping {\n    __typename\n  }\n"): (typeof documents)["\n  query Ping {\n    __typename\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;