import hashlib
from hashlib import md5


def file_checksum(path):
    with open(path, "rb") as fh:
        return hashlib.md5(fh.read()).hexdigest()  # safe: a checksum, named as such


def etag_for(body):
    etag = md5(body, usedforsecurity=False).hexdigest()  # safe look-alike: usedforsecurity=False
    return etag


def cache_key(url):
    return "page:" + hashlib.sha1(url.encode()).hexdigest()  # safe: a cache key


def shard_for(user_id, shards):
    bucket = int(hashlib.md5(str(user_id).encode()).hexdigest(), 16) % shards  # safe: sharding
    return bucket


def object_id(content):
    return hashlib.sha1(content).hexdigest()  # want: PP301


def dedupe_id(content):
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()  # safe look-alike
