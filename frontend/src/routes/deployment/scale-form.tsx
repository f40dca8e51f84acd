import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { type TopologyCluster, useDeploymentMutations } from "../../api/deployments";
import { ProblemAlert } from "../../components/problem-alert";
import { confirmed, scaleQuestion } from "../../lib/confirmations";
import { scaleFormSchema } from "../../lib/deploy-form";

/** "Replicas [3] Scale": scaling down removes the newest containers first. */
export function ScaleForm({ appId, cluster }: { appId: string; cluster: TopologyCluster }) {
  const { scale } = useDeploymentMutations(appId);
  const form = useForm({
    resolver: zodResolver(scaleFormSchema),
    defaultValues: { replicas: String(cluster.replicas) },
  });
  const error = form.formState.errors.replicas?.message;
  const id = `scale-${cluster.id}`;
  const submit = form.handleSubmit(({ replicas }) => {
    if (!confirmed(scaleQuestion(cluster.name, cluster.replicas, Number(replicas)))) return;
    scale.mutate({ cluster_id: cluster.id, replicas: Number(replicas) });
  });
  return (
    <form className="scale-form" onSubmit={submit} noValidate aria-label={`Scale in ${cluster.name}`}>
      <label htmlFor={id} className="small strong">Replicas</label>
      <input id={id} className={`replicas-input ${error ? "invalid" : ""}`} inputMode="numeric"
        aria-invalid={!!error} title={error} {...form.register("replicas")} />
      <button type="submit" className="btn btn-small" disabled={scale.isPending}>
        {scale.isPending ? "Scaling…" : "Scale"}
      </button>
      {error && <p className="field-error inline-alert" role="alert">{error}</p>}
      <ProblemAlert error={scale.error} className="inline-alert" />
    </form>
  );
}
