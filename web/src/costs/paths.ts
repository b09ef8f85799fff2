// The receiving office's billable lines: what moving administrations in has cost it.
export const COSTS_PATH = "/migrations/costs";
