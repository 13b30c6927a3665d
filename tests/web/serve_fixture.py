"""Starts `clinic-plan serve` on a free loopback port in a fresh copy of the sample (shared by
the browser check, the schemathesis run and the load test)."""
import os
import re
import shutil
import subprocess
import tempfile
import threading


class Served:
    def __init__(self, binary, sample, extra=()):
        self.folder = tempfile.mkdtemp(prefix="clinic-serve-")
        for name in os.listdir(sample):
            shutil.copy(os.path.join(sample, name), self.folder)
        self.process = subprocess.Popen([binary, "serve", "--data", self.folder, "--port", "0",
                                         # The sample's weeks are fixed, whatever today is.
                                         "--not-before", "2026-12-01", *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.port = None
        for line in self.process.stdout:
            match = re.match(r"listening on http://127\.0\.0\.1:(\d+)$", line.strip())
            if match:
                self.port = int(match.group(1))
                break
        if self.port is None:
            raise SystemExit("the server did not start")
        # Keep draining its output so that it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)
