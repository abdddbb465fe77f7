"""Error handlers that send exception text to the client."""
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from flask import Flask, jsonify

api = FastAPI()
app = Flask(__name__)


@api.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception):
    return JSONResponse({"error": repr(exc)}, status_code=500)  # want: PP217


@api.exception_handler(ValueError)
async def bad_value(request: Request, exc: ValueError):
    return JSONResponse({"error": "invalid value"}, status_code=400)  # safe look-alike


@app.errorhandler(500)
def server_error(e):
    return jsonify(error=str(e)), 500  # want: PP217


@app.errorhandler(404)
def not_found(e):
    return jsonify(error="not found"), 404  # safe look-alike
