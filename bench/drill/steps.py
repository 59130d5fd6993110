"""The newest run of runbook restore-db in a Jaga SQLite state: seconds of its restore step, of its wait_for
step, and from the run's start to its end, as recorded by Jaga (read-only).   steps.py STATE_DB"""
import sqlite3
import sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
run_id, started, ended = db.execute(
    "SELECT id, started_at_ms, ended_at_ms FROM runbook_runs WHERE runbook = 'restore-db' ORDER BY started_at_ms DESC LIMIT 1").fetchone()
steps = {kind: (e - s) / 1000 for kind, s, e in db.execute(
    "SELECT kind, started_at_ms, ended_at_ms FROM runbook_steps WHERE run_id = ? ORDER BY step_index, attempt", (run_id,))}
print(f"{steps.get('restore', 0):.2f} {steps.get('wait_for', 0):.2f} {(ended - started) / 1000:.2f}")
