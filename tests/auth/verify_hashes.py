#!/usr/bin/python3
"""Verifies hashes made by clinic-plan with other programs, for its tests.

Reads JSON lines {"password", "hash"} on standard input and prints one JSON line per input:
{"hash", "verified": true|false, "by"}.
- bcrypt: pyca/bcrypt's checkpw;
- sha512crypt: passlib's pure-Python implementation;
- yescrypt: mkpasswd, hashing the password again with the hash's own parameters and salt.
"""
import json
import subprocess
import sys

import bcrypt
from passlib.hash import sha512_crypt


def verify(password, hashed):
    if hashed.startswith(("$2b$", "$2a$", "$2y$")):
        return bcrypt.checkpw(password.encode("utf-8"), hashed.encode()), "pyca/bcrypt"
    if hashed.startswith("$6$"):
        sha512_crypt.set_backend("builtin")
        return sha512_crypt.verify(password, hashed), "passlib builtin"
    if hashed.startswith("$y$"):
        # mkpasswd takes the full setting ("$y$<params>$<salt>") with --salt when it starts with "$".
        setting = hashed[: hashed.rindex("$")]
        made = subprocess.run(["mkpasswd", "--method=yescrypt", "--salt=" + setting, "--stdin"],
                              input=password.encode("utf-8"), capture_output=True)
        return made.returncode == 0 and made.stdout.decode().strip() == hashed, "mkpasswd"
    return False, "unknown scheme"


for line in sys.stdin:
    item = json.loads(line)
    ok, by = verify(item["password"], item["hash"])
    print(json.dumps({"hash": item["hash"], "verified": ok, "by": by}))
