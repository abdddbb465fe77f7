import os

import stripe

stripe.api_key = "sk_live_JASGmXO1s5lqqqNSlOK7GjEP"  # expect: CWE-798 live Stripe key
PUBLISHABLE_KEY = "pk_live_51Hx2ExampleOnlyForBrowsersQ"  # safe: CWE-798 publishable keys are meant for browsers


class PartnerClient:
    def __init__(self, base_url, api_key=None):
        self.base_url = base_url
        self.api_key = api_key or os.environ["PARTNER_API_KEY"]  # safe: CWE-798 from the environment


def default_partner():
    return PartnerClient("https://partner.example.net/api", api_key="Hy9IiBOSNG87fOEx4zD9sjRKKoKWbQat")  # expect: CWE-798 API key literal


def sandbox_partner():
    return PartnerClient("https://sandbox.partner.example.net/api", api_key=os.environ.get("PARTNER_SANDBOX_KEY"))  # safe: CWE-798 from the environment
