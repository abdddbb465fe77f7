"""Product and account look-ups in MongoDB."""
import hashlib
import os

from bson import ObjectId
from flask import Blueprint, abort, request
from pymongo import MongoClient

bp = Blueprint("mongo", __name__, url_prefix="/api")
db = MongoClient(os.environ.get("MONGO_URL", "mongodb://127.0.0.1:27017"))["shop"]


def hash_pw(pw: str, salt: bytes) -> str:
    return hashlib.scrypt(pw.encode(), salt=salt, n=2**14, r=8, p=1).hex()


@bp.post("/login")
def api_login():
    creds = request.get_json()
    user = db.users.find_one({"email": creds["email"]})  # expect: CWE-943 email may be an operator object
    if user is None or user["pw"] != hash_pw(str(creds["password"]), user["salt"]):
        abort(401)
    return {"id": str(user["_id"])}


@bp.post("/login/v2")
def api_login_v2():
    creds = request.get_json()
    user = db.users.find_one({"email": str(creds["email"])})  # safe: CWE-943 converted to str
    if user is None or user["pw"] != hash_pw(str(creds["password"]), user["salt"]):
        abort(401)
    return {"id": str(user["_id"])}


@bp.get("/products")
def products():
    name = request.args.get("name", "")
    return {"items": list(db.products.find({"name": name}, {"_id": 0}))}  # safe: CWE-943 query-string values are plain strings


@bp.get("/products/where")
def products_where():
    min_price = request.args.get("min", "0")
    return {"items": list(db.products.find({"$where": f"this.price > {min_price}"}, {"_id": 0}))}  # expect: CWE-943


@bp.get("/products/where/v2")
def products_where_v2():
    min_price = float(request.args.get("min", "0"))
    return {"items": list(db.products.find({"$where": f"this.price > {min_price}"}, {"_id": 0}))}  # safe: CWE-943 float


@bp.post("/products/search")
def products_search():
    return {"items": list(db.products.find(request.get_json(), {"_id": 0}))}  # expect: CWE-943


@bp.post("/report")
def report():
    body = request.get_json()
    pipeline = [{"$match": body.get("match", {})}, {"$group": {"_id": "$region", "n": {"$sum": 1}}}]
    return {"rows": list(db.orders.aggregate(pipeline))}  # expect: CWE-943


@bp.get("/product/<pid>")
def product(pid):
    doc = db.products.find_one({"_id": ObjectId(pid)}, {"_id": 0})  # safe: CWE-943 ObjectId conversion
    return doc or {}


@bp.post("/products/stock")
def set_stock():
    body = request.get_json()
    db.products.update_one({"sku": str(body["sku"])}, {"$set": {"stock": int(body["stock"])}})  # safe: CWE-943 str and int
    return {"ok": True}


@bp.post("/products/delete")
def delete_products():
    body = request.get_json()
    res = db.products.delete_many({"sku": body["sku"]})  # expect: CWE-943 {"$ne": null} deletes everything
    return {"deleted": res.deleted_count}
