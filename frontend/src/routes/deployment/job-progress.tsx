import { useQuery } from "@tanstack/react-query";

import { jobDone, jobQuery } from "../../api/jobs";
import { Badge } from "../../components/badge";
import { ProblemAlert } from "../../components/problem-alert";
import { jobSummary, jobTone } from "../../lib/topology";

export type TrackedJob = { id: string; label: string };

/** A queued job's state, progress and final message, polled until it ends. */
export function JobProgress({ job, onDismiss }: { job: TrackedJob; onDismiss: () => void }) {
  const query = useQuery(jobQuery(job.id));
  const data = query.data;
  const done = jobDone(data?.state);
  const progress = data ? (data.state === "succeeded" ? 100 : data.progress) : 0;
  const summary = data ? jobSummary(data) : "";
  return (
    <div className={`job job-${data?.state ?? "queued"}`} data-testid="job" aria-live="polite">
      <div className="job-line">
        <span className="strong">{job.label}</span>
        {data && <Badge tone={jobTone(data.state)}>{data.state}</Badge>}
        <div className="progress" role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
          <div className="progress-bar" style={{ width: `${progress}%` }} />
        </div>
        <span className="muted small nowrap">{progress}%</span>
        {(done || query.isError) && (
          <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>Dismiss</button>
        )}
      </div>
      {summary && <p className="job-message small" data-testid="job-message">{summary}</p>}
      <ProblemAlert error={query.error} />
    </div>
  );
}

/** A row under a container while its start/stop/restart/remove job runs, or after it failed. */
export function JobNoteRow({ job, columns, onDismiss }: { job: TrackedJob; columns: number; onDismiss: () => void }) {
  const query = useQuery(jobQuery(job.id));
  const data = query.data;
  if (data?.state === "succeeded") return null;
  return (
    <tr className="note-row">
      <td colSpan={columns}>
        {query.isError ? (
          <ProblemAlert error={query.error} />
        ) : data?.state === "failed" ? (
          <div className="alert alert-error job-note" role="alert">
            <strong>{job.label} failed</strong>
            <span>{data.message || "The job failed without a message."}</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>Dismiss</button>
          </div>
        ) : (
          <span className="muted small" data-testid="container-job">{job.label}… <span className="nowrap">({data?.state ?? "queued"})</span></span>
        )}
      </td>
    </tr>
  );
}
