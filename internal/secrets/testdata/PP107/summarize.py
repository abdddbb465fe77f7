import os

import google.generativeai as genai

genai.configure(api_key="AIzaPPatroloO7CXowplDGbyr4bAdanF4-aCtMq")  # want: PP107
genai.configure(api_key=os.environ["GOOGLE_API_KEY"])
genai.configure(api_key="AIza-your-key-here")
MAPS_URL = "https://maps.googleapis.com/maps/api/js?key=AIzaPPatrolV-2WHPSoIFieCIPnINFB44cHjXpc&callback=init"  # want: PP107
KEY_PREFIX = "AIza"
