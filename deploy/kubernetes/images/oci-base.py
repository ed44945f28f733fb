#!/usr/bin/env python3
"""Wraps a root filesystem tarball into an image tarball in `docker save` form, which Jib takes as a
base image (quarkus.jib.base-jvm-image=tar://...): one layer, user 185, java on the PATH.

usage: oci-base.py ROOTFS.tar OUT.tar NAME:TAG
"""
import hashlib
import io
import json
import sys
import tarfile


def main(rootfs, out, name):
    digest = hashlib.sha256()
    with open(rootfs, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    diff_id = "sha256:" + digest.hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "User": "185",
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64",
                "LANG=C.UTF-8",
            ],
            "WorkingDir": "/home/jboss",
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "mmdebstrap bookworm openjdk-17-jre-headless ca-certificates, user jboss (185)"}],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = digest.hexdigest() + "/layer.tar"
    manifest = [{"Config": config_name, "RepoTags": [name], "Layers": [layer_name]}]
    with tarfile.open(out, "w") as tar:
        for entry, data in ((config_name, config_bytes), ("manifest.json", json.dumps(manifest).encode())):
            info = tarfile.TarInfo(entry)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        tar.add(rootfs, arcname=layer_name)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
