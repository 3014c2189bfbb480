import { graphql } from '../gql';

export const LEAD_ROW_FIELDS = graphql(`
  fragment LeadRowFields on Lead {
    id
    firstName
    lastName
    email
    company
    status
    score
    createdAt
  }
`);

export const LEADS_QUERY = graphql(`
  query Leads($first: Int!, $offset: Int!) {
    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $first, offset: $offset) {
      ...LeadRowFields
    }
  }
`);

export const CREATE_LEAD = graphql(`
  mutation CreateLead($firstName: String!, $lastName: String!, $email: String!, $company: String) {
    createLead(input: { firstName: $firstName, lastName: $lastName, email: $email, company: $company }) {
      ...LeadRowFields
    }
  }
`);

export const TASK_FIELDS = graphql(`
  fragment TaskFields on Task {
    id
    title
    completedAt
    createdAt
    assigneeId
    userByAssigneeId {
      id
      name
    }
  }
`);

// Tasks and comments ask for the API's most per list (100); the default would be 20.
export const LEAD_DETAIL_QUERY = graphql(`
  query LeadDetail($id: Int!) {
    leadById(id: $id) {
      ...LeadRowFields
      updatedAt
      ownerId
      isFollowedByMe
      userByOwnerId {
        id
        name
      }
      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {
        ...TaskFields
      }
      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC], first: 100) {
        id
        body
        createdAt
        userByAuthorId {
          id
          name
        }
      }
    }
  }
`);

export const CREATE_TASK = graphql(`
  mutation CreateTask($leadId: Int!, $title: String!, $assigneeId: UUID) {
    createTask(leadId: $leadId, title: $title, assigneeId: $assigneeId) {
      ...TaskFields
    }
  }
`);

export const ASSIGN_TASK = graphql(`
  mutation AssignTask($id: Int!, $assigneeId: UUID) {
    assignTask(id: $id, assigneeId: $assigneeId) {
      ...TaskFields
    }
  }
`);

export const LEAD_OWNER_FIELDS = graphql(`
  fragment LeadOwnerFields on Lead {
    id
    ownerId
    isFollowedByMe
    updatedAt
    userByOwnerId {
      id
      name
    }
  }
`);

export const ASSIGN_LEAD = graphql(`
  mutation AssignLead($id: Int!, $ownerId: UUID!) {
    assignLead(id: $id, ownerId: $ownerId) {
      ...LeadOwnerFields
    }
  }
`);

export const FOLLOW_LEAD = graphql(`
  mutation FollowLead($leadId: Int!) {
    followLead(leadId: $leadId) {
      ...LeadOwnerFields
    }
  }
`);

export const UNFOLLOW_LEAD = graphql(`
  mutation UnfollowLead($leadId: Int!) {
    unfollowLead(leadId: $leadId) {
      ...LeadOwnerFields
    }
  }
`);

/** The people a lead or task can be given to; 100 is the API's most per list. */
export const USERS_QUERY = graphql(`
  query Users {
    allUsersList(first: 100, orderBy: NAME_ASC) {
      id
      name
    }
  }
`);

export const COMPLETE_TASK = graphql(`
  mutation CompleteTask($id: Int!) {
    completeTask(id: $id) {
      id
      completedAt
    }
  }
`);

export const ADD_COMMENT = graphql(`
  mutation AddComment($leadId: Int!, $body: String!) {
    addComment(leadId: $leadId, body: $body) {
      id
      body
      createdAt
    }
  }
`);

export const UPDATE_LEAD_SCORE = graphql(`
  mutation UpdateLeadScore($id: Int!, $score: Int!) {
    updateLeadScore(id: $id, score: $score) {
      id
      score
      updatedAt
    }
  }
`);

export const DASHBOARD_QUERY = graphql(`
  query Dashboard($recent: Int!) {
    allLeads {
      totalCount
    }
    allLeadsList(orderBy: [CREATED_AT_DESC, ID_DESC], first: $recent, offset: 0) {
      ...LeadRowFields
    }
  }
`);
