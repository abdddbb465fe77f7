from pymongo import MongoClient

from ..config import settings

client = MongoClient(settings.mongo_url, serverSelectionTimeoutMS=3000)
events = client.inventory.events
