import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";

import { type BaseImage, baseImagesQuery } from "../api/namespaces";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";
import { ScriptEditor } from "../components/script-editor";
import { placeErrors } from "../lib/field-errors";
import {
  emptyRepositoryForm, repositoryFieldOf, repositoryFormSchema, type RepositoryFormValues,
} from "../lib/repository-form";

type Props = {
  /** Set when editing: the name is fixed then. */
  initial?: RepositoryFormValues;
  readOnly?: boolean;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (values: RepositoryFormValues) => void;
  onCancel?: () => void;
};

/** Base images grouped by kind; the current one stays listed even if it is no longer offered. */
function BaseImageOptions({ images, current }: { images: BaseImage[]; current: string }) {
  const platform = images.filter((b) => b.kind === "platform");
  const business = images.filter((b) => b.kind !== "platform");
  const known = images.some((b) => b.image === current);
  return (
    <>
      <option value="">— pick a base image —</option>
      {current && !known && <option value={current}>{current} (current)</option>}
      <optgroup label="Platform">
        {platform.map((b) => <option key={b.image} value={b.image}>{b.name} — {b.image}</option>)}
      </optgroup>
      {business.length > 0 && (
        <optgroup label="Business">
          {business.map((b) => <option key={b.image} value={b.image}>{b.name} ({b.namespace}) — {b.image}</option>)}
        </optgroup>
      )}
    </>
  );
}

/** The build configuration of an image repository: create (with a name) or edit. */
export function RepositoryForm({ initial, readOnly = false, pending, error, submitLabel, onSubmit, onCancel }: Props) {
  const creating = !initial;
  const baseImages = useQuery(baseImagesQuery());
  const form = useForm<RepositoryFormValues>({
    resolver: zodResolver(repositoryFormSchema(creating)),
    defaultValues: initial ?? emptyRepositoryForm,
  });
  const { errors, isDirty } = form.formState;
  const placed = placeErrors(error, repositoryFieldOf);
  const fieldError = (name: keyof RepositoryFormValues) => errors[name]?.message ?? placed.fields[name];
  const submit = form.handleSubmit(onSubmit);
  const script = (name: "build_script" | "start_script", label: string, hint: string, placeholder: string) => (
    <Field label={label} htmlFor={`repo-${name}`} error={fieldError(name)} className="span-2" hint={hint}>
      <Controller control={form.control} name={name} render={({ field }) => (
        <ScriptEditor id={`repo-${name}`} label={label} value={field.value} onChange={field.onChange}
          readOnly={readOnly} placeholder={placeholder} />
      )} />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? "New repository" : "Build configuration"}>
      <div className="form-grid">
        {creating && (
          <Field label="Name" htmlFor="repo-name" error={fieldError("name")}
            hint="The image's name in this namespace: lower-case letters and digits">
            <input id="repo-name" autoFocus {...form.register("name")} />
          </Field>
        )}
        <Field label="Git URL" htmlFor="repo-git-url" error={fieldError("git_url")} className={creating ? "" : "span-2"}
          hint="https://, http://, git:// or ssh:// (ssh gets a deploy key)">
          <input id="repo-git-url" className="mono" readOnly={readOnly} {...form.register("git_url")} />
        </Field>
        <Field label="Branch" htmlFor="repo-branch" error={fieldError("branch")} hint="Pushes to it build">
          <input id="repo-branch" className="mono" readOnly={readOnly} {...form.register("branch")} />
        </Field>
        <Field label="Base image" htmlFor="repo-base-image" error={fieldError("base_image")}
          hint="The image the build starts FROM">
          {/* Controlled: the options arrive after the form, and the value must hold. */}
          <Controller control={form.control} name="base_image" render={({ field }) => (
            <select id="repo-base-image" disabled={readOnly} {...field}>
              <BaseImageOptions images={baseImages.data ?? []} current={initial?.base_image ?? ""} />
            </select>
          )} />
        </Field>
        {script("build_script", "Build script", "Runs once in the cloned source (a RUN step), e.g. pip install -r requirements.txt",
          "# shell, run in /src at build time")}
        {script("start_script", "Start script", "The container's entrypoint, e.g. exec python app.py",
          "# shell, run when the container starts")}
        <Field label="Ports" htmlFor="repo-ports" error={fieldError("ports")} hint="Container ports, e.g. 8080, 9000">
          <input id="repo-ports" className="mono" readOnly={readOnly} {...form.register("ports")} />
        </Field>
        <Field label="Volumes" htmlFor="repo-volumes" error={fieldError("volumes")} hint="One container path a line">
          <textarea id="repo-volumes" className="mono" rows={3} spellCheck={false} readOnly={readOnly}
            {...form.register("volumes")} />
        </Field>
        <Field label="Build environment" htmlFor="repo-build-env" error={fieldError("build_env")} className="span-2"
          hint="KEY=VALUE a line, set while the build script runs">
          <textarea id="repo-build-env" className="mono" rows={3} spellCheck={false} readOnly={readOnly}
            {...form.register("build_env")} />
        </Field>
      </div>
      <ProblemAlert error={baseImages.error} />
      <div className="form-row">
        <label className="toggle">
          <input type="checkbox" disabled={readOnly} {...form.register("build_on_push")} /> Build on push to the branch
        </label>
        <label className="toggle">
          <input type="checkbox" disabled={readOnly} {...form.register("build_on_tag")} /> Build pushed tags
        </label>
      </div>
      {(Object.keys(placed.fields).length === 0 || placed.rest.length > 0) && <ProblemAlert error={error} />}
      {!readOnly && (
        <div className="form-actions" style={{ marginTop: 12 }}>
          <button type="submit" className="btn btn-primary" disabled={pending || (!creating && !isDirty)}>
            {pending ? "Saving…" : submitLabel}
          </button>
          {onCancel && <button type="button" className="btn btn-ghost" onClick={onCancel}>Cancel</button>}
        </div>
      )}
    </form>
  );
}
