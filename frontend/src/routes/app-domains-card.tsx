import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { type Domain, domainStatus, domainsQuery, useDeleteCertificate, useSetCertificate } from "../api/domains";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate } from "../lib/format";

const schema = z.object({
  certificate: z.string().includes("BEGIN CERTIFICATE", { message: "Paste the PEM certificate (and its chain)." }),
  private_key: z.string().includes("PRIVATE KEY", { message: "Paste the unencrypted PEM private key." }),
});

function CertificateForm({ appId, domain, onDone }: { appId: string; domain: string; onDone: () => void }) {
  const upload = useSetCertificate(appId, domain);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { certificate: "", private_key: "" } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) => upload.mutate(body, { onSuccess: onDone }));
  const id = `cert-${domain.replace(/[^a-z0-9]/g, "-")}`;
  return (
    <form onSubmit={submit} noValidate aria-label={`TLS certificate for ${domain}`}>
      <Field label="Certificate (PEM)" htmlFor={`${id}-cert`} error={errors.certificate?.message}>
        <textarea id={`${id}-cert`} className="mono" rows={4} {...form.register("certificate")} />
      </Field>
      <Field label="Private key (PEM)" htmlFor={`${id}-key`} error={errors.private_key?.message}
        hint="Kept on the edge only; never shown again.">
        <textarea id={`${id}-key`} className="mono" rows={4} autoComplete="off" {...form.register("private_key")} />
      </Field>
      <ProblemAlert error={upload.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={upload.isPending}>Upload</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

function DomainRow({ appId, domain, canEdit }: { appId: string; domain: Domain; canEdit: boolean }) {
  const [uploading, setUploading] = useState(false);
  const remove = useDeleteCertificate(appId, domain.domain);
  const cert = domain.certificate;
  return (
    <li data-testid="domain-row" style={{ marginBottom: 8 }}>
      <div style={{ display: "flex", gap: 10, alignItems: "center", flexWrap: "wrap" }}>
        <a href={domain.url} target="_blank" rel="noreferrer" className="mono">{domain.url}</a>
        <span className={`badge badge-${domain.state === "routed" ? "green" : "amber"}`}>{domainStatus(domain)}</span>
        <span className="muted small">
          {cert ? `TLS until ${formatDate(cert.expires_at)}` : "no TLS certificate"}
        </span>
        {canEdit && !uploading && (
          <button type="button" className="btn btn-small" onClick={() => setUploading(true)}>
            {cert ? "Replace certificate" : "Upload certificate"}
          </button>
        )}
        {canEdit && cert && (
          <button type="button" className="btn btn-small btn-ghost" disabled={remove.isPending}
            onClick={() => remove.mutate()}>Remove certificate</button>
        )}
      </div>
      <ProblemAlert error={remove.error} />
      {uploading && <CertificateForm appId={appId} domain={domain.domain} onDone={() => setUploading(false)} />}
    </li>
  );
}

/** Each domain as a link with where nginx sends it, and its TLS certificate. */
export function AppDomainsCard({ appId, canEdit }: { appId: string; canEdit: boolean }) {
  const domains = useQuery(domainsQuery(appId));
  return (
    <section className="card">
      <div className="card-head"><h2>Domains</h2><span className="muted small">Served by the edge (nginx)</span></div>
      <ProblemAlert error={domains.error} />
      {domains.data && domains.data.length === 0 && (
        <p className="muted">No domains yet: add one with "Edit domains" above.</p>
      )}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {domains.data?.map((d) => <DomainRow key={d.domain} appId={appId} domain={d} canEdit={canEdit} />)}
      </ul>
    </section>
  );
}
