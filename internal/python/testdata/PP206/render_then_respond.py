"""An unescaped render keeps the data; the response that serves it is the sink."""
import jinja2
from starlette.responses import HTMLResponse, JSONResponse

raw_env = jinja2.Environment(autoescape=False)
safe_env = jinja2.Environment(autoescape=True)
TPL = "<h1>{{ c }}</h1>"


async def status(request):
    html_out = raw_env.from_string(TPL).render(c=request.query_params.get("c", ""))
    return HTMLResponse(html_out)  # want: PP206


async def status_escaped(request):
    html_out = safe_env.from_string(TPL).render(c=request.query_params.get("c", ""))
    return HTMLResponse(html_out)  # safe: autoescaping environment


async def status_json(request):
    html_out = raw_env.from_string(TPL).render(c=request.query_params.get("c", ""))
    return JSONResponse({"html": html_out})  # safe: served as JSON


async def status_mapping(request):
    html_out = raw_env.from_string(TPL).render({"c": request.query_params.get("c", "")})
    return HTMLResponse(html_out)  # want: PP206
