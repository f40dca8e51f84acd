import { useState } from "react";

import { type Repository, useRepositoryMutations } from "../api/repositories";
import { CopyButton } from "../components/copy-button";
import { ProblemAlert } from "../components/problem-alert";

/** What to paste into the git host: the webhook URL, its secret (developers), the deploy key. */
export function RepositoryWebhookCard({ repo }: { repo: Repository }) {
  const [shown, setShown] = useState(false);
  const { regenerateKey } = useRepositoryMutations(repo.id);
  const secret = repo.webhook_secret;
  return (
    <section className="card">
      <div className="card-head"><h2>Webhook</h2></div>
      <p className="muted small">
        Add it to the git host (GitHub, Gitea or GitLab) as a push webhook with content type JSON;
        {repo.build_on_push ? ` pushes to ${repo.branch} build` : " pushes do not build"}
        {repo.build_on_tag ? ", pushed tags build." : "; tags do not build."}
      </p>
      <dl className="facts">
        <dt>URL</dt>
        <dd><code data-testid="webhook-url">{repo.webhook_url}</code> <CopyButton text={repo.webhook_url} /></dd>
        {secret && (
          <>
            <dt>Secret</dt>
            <dd>
              <code data-testid="webhook-secret">{shown ? secret : "•".repeat(24)}</code>{" "}
              <button type="button" className="btn btn-small" onClick={() => setShown(!shown)}>
                {shown ? "Hide" : "Reveal"}
              </button>{" "}
              <CopyButton text={secret} />
            </dd>
          </>
        )}
        {repo.deploy_key_public && (
          <>
            <dt>Deploy key</dt>
            <dd>
              <code className="break" data-testid="deploy-key">{repo.deploy_key_public}</code>{" "}
              <CopyButton text={repo.deploy_key_public} />{" "}
              {repo.can_write && (
                <button type="button" className="btn btn-small" disabled={regenerateKey.isPending}
                  onClick={() => window.confirm("Replace the deploy key? The git host must get the new one.")
                    && regenerateKey.mutate()}>Replace</button>
              )}
              <div className="muted small">Add it to the git host as a read-only deploy key.</div>
            </dd>
          </>
        )}
      </dl>
      <ProblemAlert error={regenerateKey.error} />
    </section>
  );
}
