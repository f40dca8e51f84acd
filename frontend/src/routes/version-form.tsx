import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";

import { limits } from "../api/limits.gen";
import { useCreateVersion, type Version } from "../api/versions";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";
import { placeErrors, versionFieldOf } from "../lib/field-errors";
import {
  emptyVersionForm, fromVersion, range, toVersionCreate, versionFormSchema, type VersionFormValues,
} from "../lib/version-form";
import { HealthFields } from "./version-health-fields";

const V = limits.VersionCreate;

type Props = { appId: string; base?: Version; image?: string; onDone: () => void };

/** The "new version" form; it starts from the newest version when there is one (`image` replaces its image). */
export function VersionForm({ appId, base, image, onDone }: Props) {
  const create = useCreateVersion(appId);
  const form = useForm<VersionFormValues>({
    resolver: zodResolver(versionFormSchema),
    defaultValues: { ...(base ? fromVersion(base) : emptyVersionForm), ...(image ? { image } : {}) },
  });
  const { errors } = form.formState;
  const placed = placeErrors(create.error, versionFieldOf);
  const fieldError = (name: keyof VersionFormValues) => errors[name]?.message ?? placed.fields[name];

  useEffect(() => form.setFocus("image"), [form]);
  const submit = form.handleSubmit((values) => create.mutate(toVersionCreate(values), { onSuccess: onDone }));
  const copied = base?.command?.length ? `Copied from v${base.number}. ` : "";

  return (
    <form className="card form-card version-form" onSubmit={submit} noValidate aria-label="New version"
      onKeyDown={(e) => { if (e.key === "Escape") onDone(); }}>
      <div className="card-head">
        <h2>New version</h2>
        {base && <span className="muted small">Starts from v{base.number}; versions never change once created.</span>}
      </div>
      <div className="form-grid">
        <Field label="Image" htmlFor="version-image" error={fieldError("image")} className="span-2"
          hint="registry/name:tag, e.g. 127.0.0.1:5000/library/busybox:1.36">
          <input id="version-image" className="mono" {...form.register("image")} />
        </Field>
        <Field label="Command" htmlFor="version-command" error={fieldError("command")} className="span-2"
          hint={`${copied}Empty: the image's own command. Quotes group words; no shell unless you name one.`}>
          <input id="version-command" className="mono" placeholder="e.g. httpd -f -p 8080"
            {...form.register("command")} />
        </Field>
        <Field label="Environment" htmlFor="version-env" error={fieldError("env")} className="span-2 row-span-2"
          hint={`One KEY=VALUE per line; # starts a comment (at most ${V.env.maxProperties}).`}>
          <textarea id="version-env" className="mono" rows={6} spellCheck={false} {...form.register("env")} />
        </Field>
        <Field label="Ports" htmlFor="version-ports" error={fieldError("ports")} hint="e.g. 8080, 53/udp">
          <input id="version-ports" className="mono" {...form.register("ports")} />
        </Field>
        <Field label="Terminal shell" htmlFor="version-shell" error={fieldError("shell")}
          hint="What a terminal opens in the container">
          <input id="version-shell" className="mono" {...form.register("shell")} />
        </Field>
        <Field label="Note" htmlFor="version-note" error={fieldError("note")}>
          <input id="version-note" placeholder="What changed" {...form.register("note")} />
        </Field>
        <Field label="Memory (MiB)" htmlFor="version-memory" error={fieldError("memory_mb")}
          hint={`${range(V.memory_mb)} MiB`}>
          <input id="version-memory" inputMode="numeric" {...form.register("memory_mb")} />
        </Field>
        <Field label="CPU shares" htmlFor="version-cpu" error={fieldError("cpu_shares")}
          hint={`${range(V.cpu_shares)}; 1024 is one share`}>
          <input id="version-cpu" inputMode="numeric" {...form.register("cpu_shares")} />
        </Field>
        <Field label="Volumes" htmlFor="version-volumes" error={fieldError("volumes")} className="span-2"
          hint="One per line: name:/path for a named volume, ./dir:/path for the app's data directory; :ro for read-only.">
          <textarea id="version-volumes" className="mono" rows={3} spellCheck={false} {...form.register("volumes")} />
        </Field>
        <Field label="Placement constraints" htmlFor="version-constraints" error={fieldError("constraints")}
          className="span-2" hint="One label=value per line; only hosts with every label qualify.">
          <textarea id="version-constraints" className="mono" rows={3} spellCheck={false}
            {...form.register("constraints")} />
        </Field>
      </div>
      <HealthFields form={form} placed={placed.fields} />
      {create.error !== null && (Object.keys(placed.fields).length === 0 || placed.rest.length > 0) && (
        <ProblemAlert error={create.error} />
      )}
      {Object.keys(placed.fields).length > 0 && placed.rest.length === 0 && (
        <p className="alert alert-error" role="alert" data-testid="problem">
          <strong>Invalid input (422)</strong> <span>The server refused the fields marked below their boxes.</span>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create version"}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
