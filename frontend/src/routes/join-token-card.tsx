import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "../api/client";
import { CopyButton } from "../components/copy-button";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate } from "../lib/format";

/** A join token for new hosts, with the one-line install command to copy (shown once). */
export function JoinTokenCard({ clusterId }: { clusterId: string }) {
  const [uses, setUses] = useState("1");
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/clusters/{cluster_id}/join-tokens", {
      params: { path: { cluster_id: clusterId } }, body: { max_uses: uses ? Number(uses) : null },
    })),
  });
  const made = create.data;
  return (
    <section className="card" data-testid="join-token">
      <div className="card-head"><h2>Add hosts</h2>
        <span className="muted small">Run the command on a machine with Docker; it registers and starts an agent.</span></div>
      <form className="form-row" aria-label="New join token" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <label className="filter" htmlFor="join-uses">Hosts it may add{" "}
          <input id="join-uses" inputMode="numeric" size={4} value={uses} onChange={(e) => setUses(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>Create a join token</button>
      </form>
      <ProblemAlert error={create.error} />
      {made && (
        <div className="install" data-testid="install-command">
          <pre className="mono small">{made.install_command}</pre>
          <CopyButton text={made.install_command} label="Copy command" />
          <p className="muted small">Shown once. Valid until {formatDate(made.expires_at)} for {made.max_uses ?? "any number of"} host{made.max_uses === 1 ? "" : "s"}.</p>
        </div>
      )}
    </section>
  );
}
