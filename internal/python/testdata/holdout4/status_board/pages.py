from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.responses import HTMLResponse, JSONResponse

env = Environment(loader=PackageLoader("status_board"), autoescape=select_autoescape())
raw_env = Environment(autoescape=False)

STATUS_TPL = "<p>Status of {{ c }}: {{ state }}</p>"


async def banner(request):
    tpl = request.query_params.get("tpl", "Welcome")
    out = raw_env.from_string(tpl).render()  # expect: CWE-1336
    return JSONResponse({"banner": out})


async def status_page(request):
    component = request.query_params.get("component", "")
    html_out = raw_env.from_string(STATUS_TPL).render(c=component, state="operational")
    return HTMLResponse(html_out)  # expect: CWE-79


async def status_page_v2(request):
    component = request.query_params.get("component", "")
    html_out = env.from_string(STATUS_TPL).render(c=component, state="operational")  # safe: CWE-1336 constant template
    return HTMLResponse(html_out)  # safe: CWE-79 autoescaping environment
