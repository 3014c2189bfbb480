export interface ApiPlan { notifications: number; seconds: number; connections: number }
export async function measureApi(..._: unknown[]): Promise<never> { throw new Error("todo"); }
