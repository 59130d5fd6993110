#!/usr/bin/env python3
"""Writes an export folder (CSV files + manifest.json in the conventions of docs/migration.md) from the benchmark's SQLite
database, for measuring `jaga migrate import` alone on a build that has no `jaga migrate export` yet. The same files serve
the `psql \\copy` comparison.   usage: hand-export.py DB OUT"""
import hashlib, json, os, sqlite3, sys

db_path, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
db = sqlite3.connect(db_path)

def pg_type(declared, pk):
    d = declared.upper()
    if d.startswith("INTEGER"): return "bigint"
    if d.startswith("BOOLEAN"): return "boolean"
    if d.startswith("DATETIME"): return "timestamptz"
    if d.startswith("NUMERIC"): return d.lower()
    if d.startswith("REAL"): return "double precision"
    if d.startswith("BLOB"): return "bytea"
    return "text"

def field(value, pgt):
    if value is None: return ""
    if pgt == "boolean": return "true" if value else "false"
    if pgt == "bytea": return "\\x" + value.hex()
    if pgt == "timestamptz": return value.replace(" ", "T") + "+00:00"
    if pgt == "double precision": return repr(float(value))
    if pgt.startswith("numeric"): return format(value, "f") if isinstance(value, float) else str(value)
    s = str(value)
    if s == "" or any(c in s for c in ',"\r\n') or s == "\\.":
        return '"' + s.replace('"', '""') + '"'
    return s

order = ["customers", "products", "orders", "order_items", "payments"]
tables = []
for name in order:
    info = db.execute(f"PRAGMA table_info({name})").fetchall()
    cols = [(c[1], c[2], pg_type(c[2], c[5]), not c[3] and not c[5], c[5] == 1 and c[2].upper() == "INTEGER") for c in info]
    fks = [{"columns": [f[3]], "references": f[2], "referenced_columns": [f[4]]} for f in db.execute(f"PRAGMA foreign_key_list({name})")]
    indexes = []
    for ix in db.execute(f"PRAGMA index_list({name})"):
        if ix[3] == "pk": continue
        indexes.append({"name": ix[1] if not ix[1].startswith("sqlite_") else f"{name}_{ix[0]}_key",
                        "columns": [c[2] for c in db.execute(f"PRAGMA index_info('{ix[1]}')")], "unique": bool(ix[2])})
    path = os.path.join(out, name + ".csv")
    h, rows = hashlib.sha256(), 0
    with open(path, "wb") as f:
        def emit(line):
            b = (line + "\n").encode("utf-8"); h.update(b); f.write(b)
        emit(",".join(c[0] for c in cols))
        for row in db.execute(f"SELECT * FROM {name} ORDER BY rowid"):
            emit(",".join(field(v, c[2]) for v, c in zip(row, cols))); rows += 1
    tables.append({"name": name, "file": name + ".csv",
                   "columns": [{"name": c[0], "source_type": c[1], "pg_type": c[2], "nullable": c[3], "identity": c[4]} for c in cols],
                   "primary_key": [c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5])],
                   "foreign_keys": fks, "indexes": indexes, "rows": rows, "sha256": h.hexdigest(), "content_sha256": "0" * 64})
manifest = {"format": "jaga-migrate-export/1", "source": "sqlite:" + db_path, "source_kind": "sqlite",
            "exported_at": "2026-12-07T00:00:00+00:00", "jaga": "bench/migrate/hand-export.py", "tables": tables}
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=2)
