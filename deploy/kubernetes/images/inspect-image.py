#!/usr/bin/env python3
"""Reads an image back from a registry and checks what the Deployments rely on: the tags VERSION and
COMMIT name the same image, it runs as user 185, it has an entrypoint. With --unpack DIR, extracts its
layers in order into DIR and prints the working directory, then the entrypoint, one word a line.

usage: inspect-image.py REGISTRY_URL REPOSITORY VERSION COMMIT [--unpack DIR]
"""
import io
import json
import os
import sys
import tarfile
import urllib.request

ACCEPT = "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json"


def get(url, accept=None):
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read(), response.headers


def main(registry, repository, version, commit, unpack=None):
    base = f"{registry}/v2/{repository}"
    tags = json.loads(get(f"{base}/tags/list")[0])["tags"]
    problems = [f"tag {t} missing (tags: {tags})" for t in (version, commit) if t not in tags]
    manifest, headers = get(f"{base}/manifests/{version}", ACCEPT)
    digest = headers.get("Docker-Content-Digest")
    if commit in tags:
        other = get(f"{base}/manifests/{commit}", ACCEPT)[1].get("Docker-Content-Digest")
        if other != digest:
            problems.append(f"{version} is {digest} but {commit} is {other}")
    manifest = json.loads(manifest)
    config = json.loads(get(f"{base}/blobs/{manifest['config']['digest']}")[0])["config"]
    if config.get("User") != "185":
        problems.append(f"runs as user {config.get('User')!r}, not 185")
    if not config.get("Entrypoint"):
        problems.append("has no entrypoint")
    size = sum(layer["size"] for layer in manifest["layers"]) / 1e6
    print(f"[images] {repository}: tags {version} and {commit} = {digest}; user {config.get('User')}; "
          f"{len(manifest['layers'])} layers, {size:.0f} MB compressed; entrypoint {' '.join(config.get('Entrypoint') or [])} "
          f"in {config.get('WorkingDir')}" + ("" if not problems else "; PROBLEMS: " + "; ".join(problems)),
          file=sys.stderr)
    if problems:
        sys.exit(1)
    if unpack:
        os.makedirs(unpack, exist_ok=True)
        for layer in manifest["layers"]:
            blob = get(f"{base}/blobs/{layer['digest']}")[0]
            with tarfile.open(fileobj=io.BytesIO(blob), mode="r:*") as tar:
                tar.extractall(unpack, numeric_owner=True)
        for d in ("proc", "dev", "tmp"):
            os.makedirs(os.path.join(unpack, d), exist_ok=True)
        print(config.get("WorkingDir") or "/")
        for word in config["Entrypoint"] + (config.get("Cmd") or []):
            print(word)


if __name__ == "__main__":
    args = sys.argv[1:]
    target = None
    if "--unpack" in args:
        i = args.index("--unpack")
        target = args[i + 1]
        del args[i:i + 2]
    if len(args) != 4:
        sys.exit(__doc__)
    main(*args, unpack=target)
