export const PROJECTS: readonly string[];
/** Runs tsc on one project; returns its exit status and output. */
export function typecheck(project: string): { status: number; output: string };
