from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, supports_credentials=True)  # want: PP508
CORS(app, origins=["https://app.example.com"], supports_credentials=True)  # safe
CORS(app, origins="*")  # safe: no credentials

api = FastAPI()
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)  # want: PP508
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)  # safe
