#!/usr/bin/env python3
"""Verify a Jaga audit export (jaga audit export) without Jaga, as described in docs/audit.md.

usage: verify-audit-export.py audit.jsonl [anchor.json audit.pub]
Checks every entry's SHA-256 over its canonical form and every previous-hash link; with an anchor
checkpoint and the public key (PEM), also checks the signature (with openssl) and that the export
contains the anchored entry with the anchored hash. Exit 0 when intact, 1 with the first problem.
"""
import base64, hashlib, json, os, subprocess, sys, tempfile

FIELDS = ["seq", "time", "actor", "kind", "level", "message", "line", "data", "prev"]


def canonical(entry):
    obj = {"v": 1}
    for key in FIELDS:
        # data keys in UTF-16 code unit order, as Jaga sorts them (differs from code point order only above U+FFFF)
        obj[key] = dict(sorted(entry["data"].items(), key=lambda kv: kv[0].encode("utf-16-be"))) if key == "data" else entry[key]
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def main(argv):
    if len(argv) not in (2, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    prev, hashes = "0" * 64, {}
    with open(argv[1], encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            entry = json.loads(raw)
            if entry["seq"] != n:
                return fail(f"entry #{n} is missing: found #{entry['seq']} instead")
            digest = hashlib.sha256(canonical(entry)).hexdigest()
            if digest != entry["hash"]:
                return fail(f"entry #{n} was edited: its content no longer matches its hash")
            if entry["prev"] != prev:
                return fail(f"entry #{n} does not follow #{n - 1}: previous-hash mismatch")
            prev = hashes[n] = digest
    print(f"chain: {len(hashes)} entries intact, head {prev}")
    if len(argv) == 4:
        anchor = json.load(open(argv[2], encoding="utf-8"))
        statement = f"jaga-checkpoint-v1\n{anchor['seq']}\n{anchor['head']}\n{anchor['time']}\n".encode()
        with tempfile.TemporaryDirectory() as d:
            msg, sig = os.path.join(d, "statement"), os.path.join(d, "signature")
            open(msg, "wb").write(statement)
            open(sig, "wb").write(base64.b64decode(anchor["signature"]))
            ok = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", argv[3], "-rawin",
                                 "-in", msg, "-sigfile", sig], capture_output=True).returncode == 0
        if not ok:
            return fail(f"anchor checkpoint #{anchor['seq']}: the signature does not verify")
        if anchor["seq"] > len(hashes):
            return fail(f"the export ends at #{len(hashes)} but the anchor vouches for #{anchor['seq']} (truncated)")
        if hashes[anchor["seq"]] != anchor["head"]:
            return fail(f"entry #{anchor['seq']} differs from the anchor checkpoint")
        print(f"anchor: checkpoint #{anchor['seq']} is signed and matches")
    return 0


def fail(message):
    print(f"FAIL {message}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
