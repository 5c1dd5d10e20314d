"""One short POST to a translation service, with every failure as a TranslationError."""

from __future__ import annotations

from typing import Any

from coopwatch import __version__
from coopwatch.lean_httpx import httpx
from coopwatch.translation.engines import TranslationError


def post_json(url: str, payload: dict[str, Any], timeout: float,
              headers: dict[str, str] | None = None) -> Any:
    """The service's JSON answer; timeouts, refusals and non-JSON answers raise."""
    try:
        response = httpx.post(url, json=payload, timeout=timeout, headers={
            "User-Agent": f"coopwatch/{__version__}", **(headers or {})})
    except httpx.TimeoutException:
        raise TranslationError(f"no answer within {timeout:g} s") from None
    except httpx.HTTPError as error:
        raise TranslationError(f"cannot reach {httpx.URL(url).host}: {type(error).__name__}") from None
    if response.status_code != 200:
        raise TranslationError(f"HTTP {response.status_code}{_reason(response)}")
    try:
        return response.json()
    except ValueError:
        raise TranslationError("the answer is not JSON") from None


def _reason(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    message = data.get("error") or data.get("message") if isinstance(data, dict) else None
    return f": {str(message)[:120]}" if message else ""
