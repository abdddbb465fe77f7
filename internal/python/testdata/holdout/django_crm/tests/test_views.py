from django.contrib.auth import get_user_model
from django.test import TestCase

FIXTURE_PASSWORD = "correct-Horse-9-battery"  # safe: CWE-259 test fixture credential


class SearchTests(TestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("ana", password=FIXTURE_PASSWORD)
        self.client.login(username="ana", password=FIXTURE_PASSWORD)

    def test_search_lists_matches(self):
        resp = self.client.get("/customers/search/", {"q": "acme"})
        assert resp.status_code == 200  # safe: CWE-617 a test assertion
        self.assertContains(resp, "acme")

    def test_regular_user_is_not_staff(self):
        assert not self.user.is_staff  # safe: CWE-617 a test assertion
