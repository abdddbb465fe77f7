#!/bin/sh
# Smoke test of the staging API.
curl -H "Authorization: Bearer eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy0xdWVpdmEiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolVB-yA4KbjT_slRxRMuaMeIraAv4r4QHtw-Zq0QhfeEQQ8vrnpgVbQwtgknWew84Q9ZlJCa3V5t8NgJ1" https://staging.internal/api/health  # want: PP109
curl -H "Authorization: Bearer ${STAGING_JWT}" https://staging.internal/api/health
curl -H "Authorization: Bearer eyJ...(token)..." https://staging.internal/api/health
