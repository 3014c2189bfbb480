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

export const LEAD_DETAIL_QUERY = graphql(`
  query LeadDetail($id: Int!) {
    leadById(id: $id) {
      ...LeadRowFields
      updatedAt
      userByOwnerId {
        id
        name
      }
      tasksByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {
        id
        title
        completedAt
        createdAt
      }
      commentsByLeadIdList(orderBy: [CREATED_AT_ASC, ID_ASC]) {
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
  mutation CreateTask($leadId: Int!, $title: String!) {
    createTask(leadId: $leadId, title: $title) {
      id
      title
      completedAt
      createdAt
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
