"""Refunds and account changes in the billing API (FastAPI)."""
from fastapi import APIRouter, Depends, HTTPException

from .jwt_utils import claims, claims_legacy

router = APIRouter()


def principal(token: str):
    return claims(token)


def legacy_principal(token: str):
    return claims_legacy(token)


@router.post("/refunds/{order_id}")
def refund(order_id: int, user=Depends(principal)):
    assert "billing:refund" in user.get("scopes", []), "missing scope"  # expect: CWE-617
    return {"refunded": order_id}


@router.post("/refunds/{order_id}/v2")
def refund_v2(order_id: int, user=Depends(principal)):
    if "billing:refund" not in user.get("scopes", []):
        raise HTTPException(status_code=403, detail="missing scope")
    return {"refunded": order_id}


@router.delete("/accounts/{account_id}")
def close_account(account_id: int, user=Depends(legacy_principal)):
    assert user["account_id"] == account_id  # expect: CWE-617
    return {"closed": account_id}


def split_amount(total_cents: int, parts: int):
    share, rest = divmod(total_cents, parts)
    shares = [share + (1 if i < rest else 0) for i in range(parts)]
    assert sum(shares) == total_cents  # safe: CWE-617 arithmetic invariant
    return shares
