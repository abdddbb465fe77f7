# Names that are secret-like only in part, and names that really are.
token_count = 4096
password_field_name = "hPB14Q7ZWQ7N4koNImpQNkYT"
secret_santa_enabled = True
secret_santa = "tpuXJGlyAhJV5Ce35Qr8a4y6"
token_hash = "sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6"
hashed_password = "ZR0Vzgjb5B4b11fWn0l0SHFDl7RVYrNV"
public_key = "hPB14Q7ZWQ7N4koNImpQNkYT"
csrf_token = "tpuXJGlyAhJV5Ce35Qr8a4y6"
next_page_token = "ZR0Vzgjb5B4b11fWn0l0SHFD"
private_key_id = "3fd21b5aaa1c87409cd75d167853d006459185d4"
password_policy = "min12-upper1-digit1"
bypass = "l7RVYrNV1DeUGm3oE5hblxhY"
keyboard_layout = "l7RVYrNV1DeUGm3oE5hblxhY"

token = "hPB14Q7ZWQ7N4koNImpQNkYT"  # want: PP110
db_password_2 = "tpuXJGlyAhJV5Ce35Qr8a4y6"  # want: PP110
SECRET_KEY_BASE = "ZR0Vzgjb5B4b11fWn0l0SHFDl7RVYrNV"  # want: PP110
mytoken = "l7RVYrNV1DeUGm3oE5hblxhY"  # want: PP110
APIKey = "ShKJgeJQffYhG7qxBWr3rbPa"  # want: PP110
access_token_prod = "4WWlGG3vWxz9VFOLQuVXiZFf"  # want: PP110

# Values that are not literals or not random.
token = os.environ["TOKEN"]
password = "correct horse battery staple"
password = "Winter2024"
api_key = "example-4WWlGG3vWxz9VFOLQuVXiZFf"
api_key = "sk-0000000000000000000000"
secret = "abcdefghijklmnopqrstuvwx"
token = "GITHUB_TOKEN"
token = settings.API_TOKEN
if password == "4WWlGG3vWxz9VFOLQuVXiZFf":
    pass

# Known gaps.
password = "tpuXJGlyAhJV" + "5Ce35Qr8a4y6"  # known-miss: PP110 concatenated literals are judged by their first part only, which is too short
