import { useState } from "react";

import { type Host, useDrainHost } from "../api/clusters";
import { ProblemAlert } from "../components/problem-alert";
import { JobProgress, type TrackedJob } from "./deployment/job-progress";

/** Drain: asks first, then follows the job moving each container to another host. */
export function HostDrainButton({ host, clusterId }: { host: Host; clusterId: string }) {
  const drain = useDrainHost(clusterId);
  const [job, setJob] = useState<TrackedJob | null>(null);
  const start = () => {
    const ok = window.confirm(
      `Drain ${host.name}? It is cordoned, and each of its containers is started on another ` +
      "host, checked healthy and routed before the old one stops.");
    if (!ok) return;
    drain.mutate(host.id, { onSuccess: ({ job_id }) => setJob({ id: job_id, label: `Draining ${host.name}` }) });
  };
  return (
    <>
      <button type="button" className="btn btn-small" disabled={drain.isPending} onClick={start}
        data-testid="drain">Drain</button>
      {job && <div className="drain-job"><JobProgress job={job} onDismiss={() => setJob(null)} /></div>}
      <ProblemAlert error={drain.error} />
    </>
  );
}
