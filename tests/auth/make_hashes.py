#!/usr/bin/python3
"""Makes password hashes with programs other than clinic-plan, for its verification tests.

Prints one JSON object per line: {"scheme", "maker", "password", "hash"}.
- bcrypt ($2b$ and $2a$): pyca/bcrypt (Debian: python3-bcrypt), its own bcrypt implementation.
- sha512crypt ($6$): passlib's pure-Python implementation (Debian: python3-passlib), forced to its
  builtin backend so the system's crypt is not involved.
- yescrypt ($y$): mkpasswd (Debian: whois), as system administrators make them.
Passwords come from the command line (default: a fixed list with spaces, quotes and Arabic).
"""
import json
import subprocess
import sys

import bcrypt
from passlib.hash import sha512_crypt

PASSWORDS = ["correct horse battery staple", "s3cr3t!", "كلمة-سر-١٢٣", 'quote"and\\backslash']


def main(passwords):
    sha512_crypt.set_backend("builtin")
    for password in passwords:
        data = password.encode("utf-8")
        for prefix, cost in ((b"2b", 4), (b"2a", 5)):
            hashed = bcrypt.hashpw(data, bcrypt.gensalt(rounds=cost, prefix=prefix)).decode()
            emit("bcrypt", "pyca/bcrypt " + bcrypt.__version__, password, hashed)
        for rounds in (1000, 5000):
            emit("sha512crypt", "passlib builtin", password, sha512_crypt.using(rounds=rounds).hash(password))
        made = subprocess.run(["mkpasswd", "--method=yescrypt", "--rounds=4", "--stdin"], input=data,
                              capture_output=True, check=True)
        emit("yescrypt", "mkpasswd", password, made.stdout.decode().strip())


def emit(scheme, maker, password, hashed):
    print(json.dumps({"scheme": scheme, "maker": maker, "password": password, "hash": hashed}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:] or PASSWORDS)
