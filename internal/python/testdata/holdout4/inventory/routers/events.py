from bson import ObjectId
from fastapi import APIRouter, HTTPException, Request

from ..schemas import EventQuery
from ..services.mongo import events

router = APIRouter(prefix="/events", tags=["events"])


@router.post("/search")
async def search_events(request: Request):
    body = await request.json()
    return list(events.find({"sku": body.get("sku")}, {"_id": 0}).limit(100))  # expect: CWE-943


@router.post("/search-v2")
async def search_events_v2(request: Request):
    body = await request.json()
    return list(events.find({"sku": str(body.get("sku", ""))}, {"_id": 0}).limit(100))  # safe: CWE-943 str()


@router.post("/search-typed")
def search_events_typed(q: EventQuery):
    return list(events.find({"sku": q.sku, "kind": q.kind}, {"_id": 0}).limit(100))  # safe: CWE-943 pydantic str and Literal


@router.get("/by-expr")
def events_by_expr(expr: str):
    return list(events.find({"$where": f"this.qty {expr}"}, {"_id": 0}).limit(100))  # expect: CWE-943


@router.post("/stats")
async def event_stats(request: Request):
    body = await request.json()
    pipeline = body.get("pipeline", [])
    return list(events.aggregate(pipeline))  # expect: CWE-943


@router.get("/stats/{sku}")
def event_stats_for(sku: str):
    pipeline = [{"$match": {"sku": sku}}, {"$group": {"_id": "$kind", "n": {"$sum": 1}}}]
    return list(events.aggregate(pipeline))  # safe: CWE-943 constant pipeline with a path string


@router.delete("/{event_id}")
def delete_event(event_id: str):
    try:
        oid = ObjectId(event_id)
    except Exception:
        raise HTTPException(400, "bad id")
    events.delete_one({"_id": oid})  # safe: CWE-943 ObjectId
    return {"deleted": str(oid)}


@router.get("/recent")
def recent(kind: str = "in", limit: int = 20):
    kinds = {"in", "out", "adjust"}
    return list(events.find({"kind": kind if kind in kinds else "in"}, {"_id": 0}).limit(min(limit, 100)))  # safe: CWE-943 allow-list


@router.post("/count")
async def count_events(request: Request):
    body = await request.json()
    return {"n": events.count_documents({"qty": {"$gte": int(body.get("min_qty", 0))}})}  # safe: CWE-943 int()
