#!/usr/bin/env python3
"""Writes an OSV dump of realistic shape (GitHub-reviewed npm advisories as OSV exports them: id, aliases, summary,
markdown details, CVSS vector, database_specific, SEMVER ranges, references with commit URLs, credits) until the zip
reaches the asked size, and a list of package names with versions for the matching benchmark.

usage: osv_generate.py OUT.zip SIZE_MB NAMES.tsv [PACKAGES]
"""
import json
import multiprocessing
import os
import random
import sys
import zipfile

out, size_mb, names_out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
packages = int(sys.argv[4]) if len(sys.argv) > 4 else 60000
rng = random.Random(14)
words = ("the a of to in is that for it as with was on be by this are or an from at which vulnerability attacker "
         "remote code execution prototype pollution denial service regular expression input validation request "
         "header cookie path traversal injection sanitize user crafted payload object property function version "
         "versions affected fixed upgrade patch release library package module server client parse parser buffer "
         "overflow memory allocation untrusted data deserialization arbitrary file write read access control token "
         "authentication bypass cross site scripting redirect open proxy credentials leak exposure sensitive").split()
vectors = ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H",
           "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
           "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"]
severities = ["LOW", "MODERATE", "HIGH", "CRITICAL"]
names = [f"{rng.choice(['', '@scope-' + str(rng.randrange(500)) + '/'])}pkg-{i}-{rng.choice(words)}" for i in range(packages)]


def make_sentence(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


# A pool of sentences keeps generation fast; each zip entry is compressed on its own (deflate's window never spans two
# entries), so drawing from a pool does not make the dump compress better than real advisories.
pool = [make_sentence(rng.randrange(5, 24)) for _ in range(20000)]


def version(r=rng):
    return f"{r.randrange(0, 12)}.{r.randrange(0, 30)}.{r.randrange(0, 40)}"


def advisory(i):
    rng = random.Random(i)
    ghsa = "GHSA-" + "-".join("".join(rng.choice("23456789cfghjmpqrvwx") for _ in range(4)) for _ in range(3))
    affected = []
    for name in rng.sample(names, rng.choice([1, 1, 1, 2, 3])):
        events = [{"introduced": rng.choice(["0", version(rng)])}]
        if rng.random() < 0.9:
            events.append({"fixed": version(rng)})
        else:
            events.append({"last_affected": version(rng)})
        affected.append({"package": {"ecosystem": "npm", "name": name, "purl": f"pkg:npm/{name}"},
                         "ranges": [{"type": "SEMVER", "events": events}],
                         "database_specific": {"source": f"https://github.com/github/advisory-database/blob/main/advisories/github-reviewed/2024/01/{ghsa}/{ghsa}.json"}})
    details = "\n\n".join(" ".join(sentence_for(rng) for _ in range(rng.randrange(2, 6))) for _ in range(rng.randrange(2, 6)))
    refs = [{"type": "ADVISORY", "url": f"https://nvd.nist.gov/vuln/detail/CVE-2024-{i}"}]
    refs += [{"type": "WEB", "url": f"https://github.com/owner-{rng.randrange(9999)}/repo/commit/{rng.getrandbits(160):040x}"}
             for _ in range(rng.randrange(1, 6))]
    refs.append({"type": "PACKAGE", "url": f"https://github.com/owner-{rng.randrange(9999)}/repo"})
    a = {
        "schema_version": "1.4.0", "id": ghsa, "modified": "2024-05-20T18:22:11Z", "published": "2024-01-11T12:30:00Z",
        "withdrawn": "2024-06-01T00:00:00Z" if rng.random() < 0.01 else None,
        "aliases": [f"CVE-2024-{i}"], "summary": sentence_for(rng), "details": details,
        "severity": [{"type": "CVSS_V3", "score": rng.choice(vectors)}], "affected": affected, "references": refs,
        "credits": [{"name": f"researcher-{rng.randrange(5000)}", "type": "FINDER"}],
        "database_specific": {"cwe_ids": [f"CWE-{rng.randrange(20, 1400)}"], "severity": rng.choice(severities),
                              "github_reviewed": True, "github_reviewed_at": "2024-01-11T12:30:00Z", "nvd_published_at": None},
    }
    a = {k: v for k, v in a.items() if v is not None}
    return a["id"] + f"-{i}.json", json.dumps(a, indent=2)


def sentence_for(rng):
    return rng.choice(pool)


if __name__ == "__main__":
    count = 0
    with open(out, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z, multiprocessing.Pool(4) as workers:
        # JSON is made by four workers (the costly part); the zip is written here, in order.
        for name, text in workers.imap(advisory, range(2_000_000), chunksize=256):
            z.writestr(name, text)
            count += 1
            if count % 256 == 0 and f.tell() >= size_mb * 1024 * 1024:
                break
    with open(names_out, "w") as f:
        for name in rng.sample(names, 10000):
            f.write(f"npm\t{name}\t{version()}\n")
    print(f"advisories={count} size_mb={os.path.getsize(out) / 1048576:.1f}")
