"""Writes the secrets benchmark's tree: FILES text files totalling SIZE_MB MB under ROOT, cut from a pool of source-like
lines (the words the generic rule looks for among them), with a GitHub token planted in every 1,000th file.
Usage: python3 make-tree.py ROOT SIZE_MB FILES"""
import os, random, string, sys
root, size_mb, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = random.Random(42)
words = ["config", "value", "return", "public", "string", "token", "password", "secret", "api_key", "user", "const", "import",
         "function", "class", "if", "else", "for", "while", "self", "this", "null", "true", "false", "data", "result", "url"]
def line():
    n = r.randint(3, 12)
    s = " ".join(r.choice(words) for _ in range(n))
    if r.random() < 0.05: s += " = \"" + "".join(r.choice(string.ascii_letters) for _ in range(r.randint(4, 12))) + "\""
    if r.random() < 0.01: s += " https://example.com/" + r.choice(words)
    return s + "\n"
pool = "".join(line() for _ in range(200_000))  # ~10 MB of lines to cut files from
per = size_mb * 1024 * 1024 // files
alnum = string.ascii_letters + string.digits
for i in range(files):
    d = os.path.join(root, f"pkg{i % 100:02d}", f"mod{i % 7}")
    os.makedirs(d, exist_ok=True)
    start = r.randrange(0, len(pool) - per - 1)
    text = pool[start:start + per]
    if i % 1000 == 0: text += "GH = '" + "ghp_" + "".join(r.choice(alnum) for _ in range(36)) + "'\n"
    with open(os.path.join(d, f"file{i}.py"), "w") as f: f.write(text)
