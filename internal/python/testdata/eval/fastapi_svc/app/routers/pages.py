"""A few server-rendered pages for the admin UI."""
import html

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

router = APIRouter(prefix="/pages")


@router.get("/hello", response_class=HTMLResponse)
def hello(name: str = Query("world")):
    return f"<h1>Hello {name}</h1>"  # expect: CWE-79


@router.get("/hello.json")
def hello_json(name: str = Query("world")):
    return f"<h1>Hello {name}</h1>"  # safe: CWE-79 serialised as JSON


@router.get("/notice")
def notice(msg: str = ""):
    return HTMLResponse(content=f"<div class='notice'>{msg}</div>")  # expect: CWE-79


@router.get("/notice/v2")
def notice_v2(msg: str = ""):
    return HTMLResponse(content=f"<div class='notice'>{html.escape(msg)}</div>")  # safe: CWE-79 escaped


@router.get("/count", response_class=HTMLResponse)
def count(n: int = 0):
    return f"<p>{n} items</p>"  # safe: CWE-79 int parameter


@router.get("/login/done")
def login_done(next: str = "/"):
    return RedirectResponse(url=next)  # expect: CWE-601


@router.get("/login/done/v2")
def login_done_v2(request: Request, next: str = "/"):
    if next not in ("/", "/items", "/reports"):
        next = "/"
    return RedirectResponse(url=next)  # safe: CWE-601 allow-listed


@router.get("/item-redirect/{item_id}")
def item_redirect(item_id: int):
    return RedirectResponse(url=f"/items/{item_id}")  # safe: CWE-601 local path with int


@router.get("/back")
async def back(request: Request):
    target = request.query_params.get("to", "/")
    return RedirectResponse(target)  # expect: CWE-601
