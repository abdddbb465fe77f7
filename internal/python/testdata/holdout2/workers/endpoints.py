from dataclasses import dataclass, field


@dataclass
class Endpoint:
    url: str
    payload: dict = field(default_factory=dict)
    ca_bundle: str = ""


def load_endpoint(endpoint_id):
    from billing_db import fetch_endpoint  # provided by the deployment

    row = fetch_endpoint(int(endpoint_id))
    return Endpoint(url=row["url"], payload=row["payload"], ca_bundle=row.get("ca_bundle", ""))
