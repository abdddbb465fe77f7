import os

from celery import Celery

app = Celery("workers", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
app.conf.update(task_serializer="json", accept_content=["json"], result_serializer="json", task_acks_late=True)
