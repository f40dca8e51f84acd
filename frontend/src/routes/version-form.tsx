import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";

import { useCreateVersion, type Version } from "../api/versions";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";
import {
  carriedFrom, emptyVersionForm, fromVersion, toVersionCreate, versionFormSchema,
} from "../lib/version-form";

/** The "new version" form; it starts from the newest version when there is one. */
export function VersionForm({ appId, base, onDone }: { appId: string; base?: Version; onDone: () => void }) {
  const create = useCreateVersion(appId);
  const form = useForm({
    resolver: zodResolver(versionFormSchema),
    defaultValues: base ? fromVersion(base) : emptyVersionForm,
  });
  const { errors } = form.formState;
  const healthType = useWatch({ control: form.control, name: "health_type" });
  const submit = form.handleSubmit((values) =>
    create.mutate(toVersionCreate(values, carriedFrom(base)), { onSuccess: onDone }));

  return (
    <form className="card form-card version-form" onSubmit={submit} noValidate aria-label="New version">
      <div className="card-head">
        <h2>New version</h2>
        {base && <span className="muted small">Starts from v{base.number}; versions never change once created.</span>}
      </div>
      <div className="form-grid">
        <Field label="Image" htmlFor="version-image" error={errors.image?.message} className="span-2"
          hint="registry/name:tag, e.g. 127.0.0.1:5000/library/busybox:1.35">
          <input id="version-image" className="mono" {...form.register("image")} />
        </Field>
        <Field label="Environment" htmlFor="version-env" error={errors.env?.message} className="span-2 row-span-2"
          hint="One KEY=VALUE per line; # starts a comment.">
          <textarea id="version-env" className="mono" rows={6} spellCheck={false} {...form.register("env")} />
        </Field>
        <Field label="Ports" htmlFor="version-ports" error={errors.ports?.message} hint="e.g. 8080, 53/udp">
          <input id="version-ports" className="mono" {...form.register("ports")} />
        </Field>
        <Field label="Note" htmlFor="version-note" error={errors.note?.message}>
          <input id="version-note" placeholder="What changed" {...form.register("note")} />
        </Field>
        <Field label="Memory (MiB)" htmlFor="version-memory" error={errors.memory_mb?.message}>
          <input id="version-memory" inputMode="numeric" {...form.register("memory_mb")} />
        </Field>
        <Field label="CPU shares" htmlFor="version-cpu" error={errors.cpu_shares?.message} hint="1024 = one share">
          <input id="version-cpu" inputMode="numeric" {...form.register("cpu_shares")} />
        </Field>
      </div>
      <fieldset className="health">
        <legend>Health check</legend>
        <div className="form-row">
          <Field label="Type" htmlFor="version-health-type">
            <select id="version-health-type" {...form.register("health_type")}>
              <option value="none">none</option>
              <option value="http">HTTP</option>
              <option value="tcp">TCP</option>
              <option value="command">command</option>
            </select>
          </Field>
          {healthType === "http" && (
            <Field label="Path" htmlFor="version-health-path" error={errors.health_path?.message}>
              <input id="version-health-path" className="mono" {...form.register("health_path")} />
            </Field>
          )}
          {(healthType === "http" || healthType === "tcp") && (
            <Field label="Port" htmlFor="version-health-port" error={errors.health_port?.message}
              hint="Empty: the first port">
              <input id="version-health-port" inputMode="numeric" {...form.register("health_port")} />
            </Field>
          )}
          {healthType === "command" && (
            <Field label="Command" htmlFor="version-health-command" error={errors.health_command?.message}
              className="grow" hint="Run in the container; words split on spaces.">
              <input id="version-health-command" className="mono" {...form.register("health_command")} />
            </Field>
          )}
        </div>
      </fieldset>
      <ProblemAlert error={create.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create version"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
