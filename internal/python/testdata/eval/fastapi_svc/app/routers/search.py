"""Free-text search over supplier notes stored in MongoDB."""
import re

from fastapi import APIRouter, Request
from pydantic import BaseModel
from pymongo import MongoClient

router = APIRouter(prefix="/search")
notes = MongoClient("mongodb://mongo:27017")["inventory"]["notes"]
users = MongoClient("mongodb://mongo:27017")["inventory"]["users"]


class Login(BaseModel):
    username: str
    password: str


@router.get("/grep")
def grep(pattern: str, text: str):
    return {"match": bool(re.search(pattern, text))}  # expect: CWE-730


@router.get("/grep/v2")
def grep_v2(term: str, text: str):
    return {"match": bool(re.search(re.escape(term), text))}  # safe: CWE-730 re.escape


@router.get("/words")
def words(text: str):
    return {"words": re.findall(r"\w+", text)}  # safe: CWE-730 constant pattern


@router.post("/login")
async def login(request: Request):
    body = await request.json()
    user = users.find_one({"username": body["username"], "active": True})  # expect: CWE-943
    return {"found": user is not None}


@router.post("/login/v2")
async def login_v2(request: Request):
    body = await request.json()
    user = users.find_one({"username": str(body["username"]), "active": True})  # safe: CWE-943 str()
    return {"found": user is not None}


@router.post("/login/v3")
def login_v3(creds: Login):
    user = users.find_one({"username": creds.username, "active": True})  # safe: CWE-943 pydantic str field
    return {"found": user is not None}


@router.get("/notes")
def search_notes(min_len: str):
    docs = notes.find({"$where": "this.body.length > " + min_len})  # expect: CWE-943
    return {"count": len(list(docs))}


@router.get("/notes/v2")
def search_notes_v2(min_len: int):
    docs = notes.find({"$expr": {"$gt": [{"$strLenCP": "$body"}, min_len]}})  # safe: CWE-943 int parameter
    return {"count": len(list(docs))}
