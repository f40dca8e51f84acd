import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { flatItems } from "../api/pages";
import { sshKeysQuery, terminalInfoQuery, useSshKeyMutations } from "../api/terminal";
import { Field } from "../components/field";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate, timeAgo } from "../lib/format";

const KEY_TYPES = /^(ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|ssh-rsa) [A-Za-z0-9+/=]+( .*)?$/;

const schema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  public_key: z.string().trim().regex(KEY_TYPES, "Paste one line of your .pub file (ed25519, ECDSA or RSA)"),
});

/** The user's public keys for the SSH gateway, and how to use them. */
export function SshKeysPage() {
  const query = useInfiniteQuery(sshKeysQuery());
  const keys = flatItems(query.data);
  const info = useQuery(terminalInfoQuery());
  const { add, remove } = useSshKeyMutations();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", public_key: "" } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) => add.mutate(body, { onSuccess: () => form.reset() }));

  return (
    <>
      <PageHeader title="SSH keys">
        <p className="muted">
          Open a shell in any running container of your groups where you are a developer or above:
          {" "}<code>{info.data?.ssh_command ?? "ssh -p 2222 {container}@host"}</code>
          {" "}with the container's id (or its first 8 characters).
        </p>
      </PageHeader>
      <section className="card">
        <form className="inline-form" onSubmit={submit} noValidate aria-label="New SSH key">
          <Field label="Name" htmlFor="key-name" error={errors.name?.message}>
            <input id="key-name" placeholder="laptop" {...form.register("name")} />
          </Field>
          <Field label="Public key" htmlFor="key-public" error={errors.public_key?.message} hint="ed25519, ECDSA, or RSA of 2048 bits or more">
            <input id="key-public" className="mono" placeholder="ssh-ed25519 AAAA… me@laptop" {...form.register("public_key")} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>Add key</button>
        </form>
        <ProblemAlert error={add.error} />
      </section>
      <section className="card">
        <ProblemAlert error={remove.error} />
        {keys.length > 0 && (
          <table className="table" data-testid="ssh-keys">
            <thead>
              <tr><th>Name</th><th>Type</th><th>Fingerprint</th><th>Added</th><th>Last used</th><th /></tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className="strong">{k.name}</td>
                  <td className="muted">{k.key_type}</td>
                  <td className="mono small">{k.fingerprint}</td>
                  <td className="muted nowrap">{formatDate(k.created_at)}</td>
                  <td className="muted nowrap">{k.last_used_at ? timeAgo(k.last_used_at) : "never"}</td>
                  <td className="row-actions">
                    <button className="btn btn-small btn-danger" disabled={remove.isPending}
                      onClick={() => window.confirm(`Delete the key ${k.name}?`) && remove.mutate(k.id)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={keys.length} empty="No SSH keys yet." />
      </section>
    </>
  );
}
