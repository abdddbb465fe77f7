import os

import requests
from slack_sdk import WebClient

client = WebClient(token="xoxp-74099745391-0561129874760-9530606611399-ppa77166a1c52207f87036b91fde72c2")  # want: PP105
env_client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
doc_client = WebClient(token="xoxb-your-bot-token")
TOKEN_PREFIXES = ("xoxb-", "xoxp-", "xoxa-", "xoxr-")


def notify(text):
    requests.post("https://hooks.slack.com/services/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", json={"text": text})  # want: PP105
    requests.post(os.environ["SLACK_WEBHOOK_URL"], json={"text": text})
    requests.post("https://hooks.slack.com/services/", json={"text": text})
