"""`python -m builder`: the builder worker, as `arq builder.worker.WorkerSettings`."""

from arq.worker import run_worker

from builder.worker import WorkerSettings

if __name__ == "__main__":
    run_worker(WorkerSettings)  # type: ignore[arg-type]
