"""Optuna's RDB storage as the reference for naslab's trial queue (scripts/bench distributed).

Drives `--trials` trials of random search on the NAS-Bench-201 space (6 edges, 5 operations)
through an Optuna study whose storage is the PostgreSQL URL given, with `--workers` processes
each calling `study.optimize` on the shared study, and prints the trials per second. The
objective is a hash of the architecture (microseconds), so what is timed is the storage: the
same thing naslab's queue benchmark times with its tabular evaluator.
"""
import argparse
import hashlib
import multiprocessing
import time

import optuna

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def objective(trial):
    ops = [trial.suggest_categorical(f"edge{i}", OPS) for i in range(6)]
    digest = hashlib.sha256("|".join(ops).encode()).digest()
    return int.from_bytes(digest[:4], "little") / 2**32


def work(url, name, count, seed):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name=name, storage=url, sampler=optuna.samplers.RandomSampler(seed=seed))
    study.optimize(objective, n_trials=count)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="postgresql://user@host:port/db")
    parser.add_argument("--trials", type=int, default=400)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    # SQLAlchemy's default PostgreSQL driver is psycopg 3; the bench installs psycopg2-binary.
    for scheme in ("postgresql://", "postgres://"):
        if args.url.startswith(scheme):
            args.url = "postgresql+psycopg2://" + args.url[len(scheme):]
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    name = f"naslab-bench-{time.time_ns()}"
    optuna.create_study(study_name=name, storage=args.url, direction="maximize")
    share = [args.trials // args.workers + (1 if i < args.trials % args.workers else 0) for i in range(args.workers)]
    start = time.perf_counter()
    processes = [multiprocessing.Process(target=work, args=(args.url, name, n, i)) for i, n in enumerate(share)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    wall = time.perf_counter() - start
    trials = optuna.load_study(study_name=name, storage=args.url).trials
    # Throughput from the first trial's start to the last one's end (process start-up left out,
    # as naslab's side measures it from its trials' timestamps).
    span = (max(t.datetime_complete for t in trials) - min(t.datetime_start for t in trials)).total_seconds()
    print(f"optuna workers={args.workers} trials={len(trials)} seconds={span:.3f} wall={wall:.3f} "
          f"trials_per_second={len(trials) / span:.1f}")


if __name__ == "__main__":
    main()
