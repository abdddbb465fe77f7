import hashlib
import json
import os
import pickle

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))


def cache_key(*parts):
    return "c:" + hashlib.md5(":".join(map(str, parts)).encode()).hexdigest()  # safe: CWE-328 cache key


def cache_get(key):
    raw = r.get(key)
    return json.loads(raw) if raw else None  # safe: CWE-502 JSON


def cache_set(key, value, ttl=300):
    r.setex(key, ttl, json.dumps(value))


def cache_get_obj(key):
    raw = r.get(key)
    return pickle.loads(raw) if raw else None  # expect: CWE-502


class RateLimiter:
    def __init__(self, prefix, limit, window=60):
        self.prefix = prefix
        self.limit = limit
        self.window = window

    def hit(self, ident):
        k = f"{self.prefix}:{hashlib.sha256(ident.encode()).hexdigest()}"  # safe: CWE-328 SHA-256
        n = r.incr(k)
        if n == 1:
            r.expire(k, self.window)
        return n <= self.limit
