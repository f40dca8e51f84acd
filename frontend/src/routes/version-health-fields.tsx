import { useWatch, type UseFormReturn } from "react-hook-form";

import { limits } from "../api/limits.gen";
import { Field } from "../components/field";
import { range, type VersionFormValues } from "../lib/version-form";

const H = limits.HealthCheck;

/** The health-check part of the version form: the type decides which fields apply. */
export function HealthFields({ form, placed }: { form: UseFormReturn<VersionFormValues>; placed: Record<string, string> }) {
  const { errors } = form.formState;
  const error = (name: keyof VersionFormValues) => errors[name]?.message ?? placed[name];
  const type = useWatch({ control: form.control, name: "health_type" });
  const timing = (name: "health_interval_s" | "health_timeout_s" | "health_retries" | "health_start_period_s",
    label: string, bounds: { minimum: number; maximum: number }, unit: string) => (
    <Field label={label} htmlFor={`version-${name.replaceAll("_", "-")}`} error={error(name)}
      hint={`${range(bounds)}${unit}`}>
      <input id={`version-${name.replaceAll("_", "-")}`} inputMode="numeric" {...form.register(name)} />
    </Field>
  );

  return (
    <fieldset className="health">
      <legend>Health check</legend>
      <div className="form-row">
        <Field label="Type" htmlFor="version-health-type" error={error("health_type")}>
          <select id="version-health-type" {...form.register("health_type")}>
            <option value="none">none</option>
            <option value="http">HTTP</option>
            <option value="tcp">TCP</option>
            <option value="command">command</option>
          </select>
        </Field>
        {type === "http" && (
          <Field label="Path" htmlFor="version-health-path" error={error("health_path")}>
            <input id="version-health-path" className="mono" {...form.register("health_path")} />
          </Field>
        )}
        {(type === "http" || type === "tcp") && (
          <Field label="Port" htmlFor="version-health-port" error={error("health_port")}
            hint="Empty: the first port">
            <input id="version-health-port" inputMode="numeric" {...form.register("health_port")} />
          </Field>
        )}
        {type === "command" && (
          <Field label="Command" htmlFor="version-health-command" error={error("health_command")}
            className="grow" hint="Run in the container; exit code 0 is healthy.">
            <input id="version-health-command" className="mono" {...form.register("health_command")} />
          </Field>
        )}
      </div>
      {type !== "none" && (
        <div className="form-row">
          {timing("health_interval_s", "Interval", H.interval_s, " s")}
          {timing("health_timeout_s", "Timeout", H.timeout_s, " s")}
          {timing("health_retries", "Retries", H.retries, "")}
          {timing("health_start_period_s", "Start period", H.start_period_s, " s")}
        </div>
      )}
    </fieldset>
  );
}
