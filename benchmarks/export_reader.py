"""Reads a collection file in any layout an export may have: a JSON array, JSON Lines, or
pretty-printed documents one after another (shared by the Python baselines)."""
import json


def documents(path):
    """Every top-level document of the file at `path`, as dicts."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    if text.lstrip()[:1] == "[":
        return json.loads(text)
    decoder, out, i = json.JSONDecoder(), [], 0
    while True:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if i >= len(text):
            return out
        value, i = decoder.raw_decode(text, i)
        out.append(value)
