/** Where global setup leaves its fixtures for the specs (passed through the environment). */
export interface E2EFixtures {
  url: string;
  clip: string;
  frames: number;
  missing: string;
  fakeMp4: string;
  home: string;
}

export function fixtures(): E2EFixtures {
  const raw = process.env.VSS_E2E_FIXTURES;
  if (!raw) throw new Error('e2e fixtures missing: run through playwright (global setup)');
  return JSON.parse(raw) as E2EFixtures;
}
