import { useNavigate, useParams } from "react-router";

import { useCreateRepository } from "../api/repositories";
import { PageHeader } from "../components/page-header";
import { toRepositoryBody } from "../lib/repository-form";
import { RepositoryForm } from "./repository-form";

/** /namespaces/:name/repositories/new: the build form, then the repository's page. */
export function RepositoryNewPage() {
  const { name = "" } = useParams();
  const create = useCreateRepository(name);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New repository"
        crumbs={[{ label: "Images", to: "/namespaces" }, { label: name, to: `/namespaces/${name}` }, { label: "New repository" }]}>
        <p className="muted">
          Built from git without a Dockerfile: the platform writes one from the base image, the build script
          (run in the cloned source) and the start script (the entrypoint).
        </p>
      </PageHeader>
      <section className="card form-card">
        <RepositoryForm pending={create.isPending} error={create.error} submitLabel="Create repository"
          onCancel={() => navigate(`/namespaces/${name}`)}
          onSubmit={(values) => create.mutate({ name: values.name.trim(), ...toRepositoryBody(values) },
            { onSuccess: (repo) => navigate(`/repositories/${repo.id}`) })} />
      </section>
    </>
  );
}
