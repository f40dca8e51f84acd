"""`python -m builder`: the builder worker, as `arq builder.worker.WorkerSettings`."""

import logging.config

from arq.logs import default_log_config
from arq.worker import run_worker

from builder.worker import WorkerSettings

if __name__ == "__main__":
    logging.config.dictConfig(default_log_config(verbose=False))  # as arq's own CLI
    run_worker(WorkerSettings)  # type: ignore[arg-type]
