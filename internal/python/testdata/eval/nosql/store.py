"""MongoDB access for the reviews service."""
import os

from pymongo import MongoClient

client = MongoClient(os.environ["MONGO_URL"])
reviews = client["shop"]["reviews"]
accounts = client["shop"]["accounts"]


def reviews_by_author(author):
    return list(reviews.find({"author": author}, {"_id": 0}))  # safe: CWE-943 callers pass strings


def reviews_matching(expression):
    return list(reviews.find({"$where": expression}, {"_id": 0}))  # expect: CWE-943


def reviews_above(rating):
    return list(reviews.find({"rating": {"$gte": rating}}, {"_id": 0}))  # safe: CWE-943 callers pass ints


def account_for(login):
    return accounts.find_one({"login": login})  # safe: CWE-943 callers check for str
