import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { flatItems } from "../api/pages";
import { type Token, tokensQuery, useTokenMutations } from "../api/tokens";
import { Badge } from "../components/badge";
import { CopyButton } from "../components/copy-button";
import { Field } from "../components/field";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate, timeAgo } from "../lib/format";

const schema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100),
  expires: z.string().trim().refine((v) => !v || (/^\d+$/.test(v) && +v >= 1 && +v <= 3650), "1 to 3650 days, or empty"),
});

function tokenState(t: Token) {
  if (t.revoked_at) return <Badge tone="red">revoked</Badge>;
  if (t.expires_at && new Date(t.expires_at) < new Date()) return <Badge tone="amber">expired</Badge>;
  return <Badge tone="green">active</Badge>;
}

export function TokensPage() {
  const query = useInfiniteQuery(tokensQuery());
  const tokens = flatItems(query.data);
  const { create, revoke } = useTokenMutations();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", expires: "90" } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ name, expires }) =>
    create.mutate({ name, expires_in_days: expires ? Number(expires) : null },
      { onSuccess: () => form.reset({ name: "", expires }) }));
  const secret = create.data?.token;

  return (
    <>
      <PageHeader title="API tokens">
        <p className="muted">Personal access tokens for the CLI and scripts. They act as you.</p>
      </PageHeader>
      <section className="card">
        <form className="inline-form" onSubmit={submit} noValidate aria-label="New token">
          <Field label="Name" htmlFor="token-name" error={errors.name?.message}>
            <input id="token-name" placeholder="ci-deploy" {...form.register("name")} />
          </Field>
          <Field label="Expires in (days)" htmlFor="token-expires" error={errors.expires?.message} hint="Empty: never">
            <input id="token-expires" inputMode="numeric" {...form.register("expires")} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>Create token</button>
        </form>
        <ProblemAlert error={create.error} />
        {secret && (
          <div className="alert alert-success secret" data-testid="token-secret">
            <strong>Copy your new token now: it is shown only once.</strong>
            <div className="secret-row">
              <code>{secret}</code>
              <CopyButton text={secret} />
            </div>
          </div>
        )}
      </section>
      <section className="card">
        <ProblemAlert error={revoke.error} />
        {tokens.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Prefix</th><th>State</th><th>Created</th><th>Expires</th><th>Last used</th><th /></tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="strong">{t.name}</td>
                  <td className="mono small">{t.prefix}…</td>
                  <td>{tokenState(t)}</td>
                  <td className="muted nowrap">{formatDate(t.created_at)}</td>
                  <td className="muted nowrap">{t.expires_at ? formatDate(t.expires_at) : "never"}</td>
                  <td className="muted nowrap">{t.last_used_at ? timeAgo(t.last_used_at) : "never"}</td>
                  <td className="row-actions">
                    {!t.revoked_at && (
                      <button className="btn btn-small btn-danger" disabled={revoke.isPending}
                        onClick={() => window.confirm(`Revoke ${t.name}?`) && revoke.mutate(t.id)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={tokens.length} empty="No tokens yet." />
      </section>
    </>
  );
}
