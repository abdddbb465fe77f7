# A service-account file pasted into a test helper.
SERVICE_ACCOUNT = {
    "type": "service_account",
    "project_id": "acme-analytics",
    "private_key_id": "3fd21b5aaa1c87409cd75d167853d006459185d4",
    "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQPPatrolocuiTQf\nnguix8PlCRAOT05nKfeOLvHNh/ZOCBRK6iIT6Y2YTIicpDiYmfb9atdsaANN+bWy\nc0N38GKP+FaFVf06Es8e9FhstPAjzlPKMFCakyxi+jUloQcfx0OljgNdjCYpc1vY\nMJqVIvLQKt4CST4LBZWm6i6X89qyhxrrhbuaYuV8GEpAj08dNPu0DmtFQuOyDwYf\nFTRVBQaeIKJ8NFRXlCQH5T/8+gXdnSUtG4PpuLQrtsxaoI2eGjGHP4lkY6FYQYVd\nfnSjj3u+ymHGjyJQYVGxcWHfo93uif23EFW3Z8bjprCXh+wM98rFLcsw3YgXRFph\n-----END PRIVATE KEY-----\n",  # want: PP108
    "client_email": "exporter@acme-analytics.iam.gserviceaccount.com",
}
TEMPLATE = {"private_key": "-----BEGIN PRIVATE KEY-----\n<paste the key here>\n-----END PRIVATE KEY-----\n"}
