"""MongoDB queries for the product catalogue."""
import os

from bson import ObjectId
from pymongo import MongoClient

_client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
products = _client.shop.products


class ProductQueries:
    def __init__(self, coll=products):
        self.coll = coll

    def search(self, criteria):
        return list(self.coll.find(criteria, {"_id": 0}).limit(50))  # expect: CWE-943 whole filter from the JSON body

    def by_name(self, name):
        return self.coll.find_one({"name": str(name)}, {"_id": 0})  # safe: CWE-943 str() scalar

    def by_ids(self, ids):
        return list(self.coll.find({"_id": {"$in": [ObjectId(i) for i in ids]}}, {"_id": 0}))  # safe: CWE-943 ObjectId conversion

    def cheaper_than(self, expr):
        return list(self.coll.find({"$where": "this.price < " + expr}, {"_id": 0}))  # expect: CWE-943 $where with request text

    def cheaper_than_v2(self, price):
        return list(self.coll.find({"price": {"$lt": float(price)}}, {"_id": 0}))  # safe: CWE-943 float

    def restock(self, sku, qty):
        return self.coll.update_many({"sku": sku}, {"$inc": {"stock": int(qty)}}).modified_count  # expect: CWE-943 JSON value may be an operator object

    def restock_v2(self, sku, qty):
        return self.coll.update_many({"sku": str(sku)}, {"$inc": {"stock": int(qty)}}).modified_count  # safe: CWE-943 str()

    def by_tag(self, tag):
        return list(self.coll.find({"tags": tag}, {"_id": 0}))  # safe: CWE-943 query-string scalar cannot carry operators

    def report(self, stages):
        return list(self.coll.aggregate(stages))  # expect: CWE-943 pipeline from the request body
