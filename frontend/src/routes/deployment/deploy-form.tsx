import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";

import { type Cluster, clustersQuery } from "../../api/clusters";
import { useDeploymentMutations } from "../../api/deployments";
import { flatItems } from "../../api/pages";
import { Field } from "../../components/field";
import { ProblemAlert } from "../../components/problem-alert";
import { confirmed, deployQuestion } from "../../lib/confirmations";
import { deployFormSchema, toDeployRequest } from "../../lib/deploy-form";

type Props = { appId: string; versions: number[]; onDone: () => void };

function clusterLabel(c: Cluster): string {
  return `${c.name} — ${c.hosts_ready} of ${c.hosts_total} hosts ready${c.public ? " (public)" : ""}`;
}

function Form({ appId, versions, clusters, onDone }: Props & { clusters: Cluster[] }) {
  const { deploy } = useDeploymentMutations(appId);
  const form = useForm({
    resolver: zodResolver(deployFormSchema),
    defaultValues: {
      version: versions[0] ? String(versions[0]) : "",
      cluster_id: clusters[0]?.id ?? "",
      replicas: "1",
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    const body = toDeployRequest(values);
    if (confirmed(deployQuestion(body.replicas))) deploy.mutate(body, { onSuccess: onDone });
  });
  return (
    <form className="deploy-form" onSubmit={submit} noValidate aria-label="Deploy">
      <div className="form-row">
        <Field label="Version" htmlFor="deploy-version" error={errors.version?.message}>
          <select id="deploy-version" {...form.register("version")}>
            {versions.length === 0 && <option value="">No versions yet</option>}
            {versions.map((n) => <option key={n} value={n}>v{n}</option>)}
          </select>
        </Field>
        <Field label="Cluster" htmlFor="deploy-cluster" error={errors.cluster_id?.message} className="grow">
          <select id="deploy-cluster" {...form.register("cluster_id")}>
            {clusters.length === 0 && <option value="">No clusters you may use</option>}
            {clusters.map((c) => <option key={c.id} value={c.id}>{clusterLabel(c)}</option>)}
          </select>
        </Field>
        <Field label="Replicas" htmlFor="deploy-replicas" error={errors.replicas?.message}
          hint="Spread over the cluster's hosts">
          <input id="deploy-replicas" inputMode="numeric" {...form.register("replicas")} />
        </Field>
      </div>
      <ProblemAlert error={deploy.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={deploy.isPending}>
          {deploy.isPending ? "Deploying…" : "Deploy"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

/**
 * Run a version in a cluster. The server refuses (409) when the hosts lack memory or
 * when another version already runs there (that is an upgrade); the form shows why.
 */
export function DeployForm(props: Props) {
  const query = useInfiniteQuery(clustersQuery());
  if (query.isPending) return <p className="muted">Loading clusters…</p>;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return <Form {...props} clusters={flatItems(query.data)} />;
}
