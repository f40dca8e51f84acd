import { queryOptions } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import type { components } from "./schema.gen";

export type Job = components["schemas"]["JobRead"];
export type JobState = components["schemas"]["JobState"];

export const JOB_POLL_MS = 1000;

export function jobDone(state: JobState | undefined): boolean {
  return state === "succeeded" || state === "failed";
}

export const jobKeys = {
  all: ["jobs"] as const,
  detail: (jobId: string) => [...jobKeys.all, "detail", jobId] as const,
};

/** A queued job, re-read every second until it has succeeded or failed. */
export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: jobKeys.detail(jobId),
    queryFn: () => unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId } } })),
    refetchInterval: (query) => (jobDone(query.state.data?.state) ? false : JOB_POLL_MS),
  });
