import os

import stripe

stripe.api_key = "sk_live_PPatrolZC9LQAnpMjQWBVNVj"  # want: PP106
REPORTING_KEY = "rk_live_PPatrol6adkT5NdiyJyFfI8d"  # want: PP106
TEST_KEY = "sk_test_PPatrol67R64dho0PxJ1D5OJ"  # want: PP106

# Safe look-alikes.
PUBLISHABLE_KEY = "pk_live_PPatrolO6XyRWi6umL4aLfBD"  # meant for browsers
PUBLISHABLE_TEST_KEY = "pk_test_PPatrolf2fwSeT8T0KUpoE2T"
stripe_api_key = "pk_live_PPatrolO6XyRWi6umL4aLfBD"
DOCS_KEY = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
SEQUENCE_KEY = "sk_live_1234567890abcdefghijklmn"
ENV_KEY = os.environ["STRIPE_SECRET_KEY"]
KEY_PREFIX = "sk_live_"
