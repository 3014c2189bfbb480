/**
 * The API's text limits (it refuses longer values with a message naming the field).
 * Inputs stop at the same length, so people see the limit before the server has to say it.
 */
export const LIMITS = {
  leadName: 200,
  company: 200,
  email: 320,
  taskTitle: 500,
  comment: 10_000,
} as const;

const numbers = new Intl.NumberFormat('en-US');

export function limitHint(max: number): string {
  return `Up to ${numbers.format(max)} characters.`;
}
