"""A polite HTTP client: robots.txt, pacing per host, retries, and hard limits.

News sites are someone else's servers. Every request names newsprism in its user
agent, asks robots.txt first, waits its turn behind the host's other requests, sends
the validators of the last answer (ETag / Last-Modified) so an unchanged page costs a
304, backs off on 429 and 5xx as the site asks (``Retry-After``), and gives up on an
answer that is too large or too slow instead of holding the run.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from newsprism.collect.decoding import BoundedDecoder, DecodeRefused, TooLarge
from newsprism.collect.options import CollectOptions

log = logging.getLogger(__name__)

ROBOTS_AGENT = "newsprism"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def user_agent(options: CollectOptions) -> str:
    try:
        release = version("newsprism")
    except PackageNotFoundError:  # running from a source tree
        release = "dev"
    contact = f"; +{options.contact}" if options.contact else ""
    return f"newsprism/{release} (news coverage comparison{contact})"


@dataclass(slots=True)
class Fetched:
    """An answer worth reading: 200 with its body, or 304 (unchanged since last time)."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    body: bytes
    fetched_at: datetime
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def unchanged(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class FetchFailure:
    """A URL that gave nothing to read, and why, in words a user can act on."""

    url: str
    reason: str
    status: int | None = None
    forbidden: bool = False  # not asked by choice (robots.txt, an option): not an error


class _Refused(Exception):
    """An answer dropped on our side (too large, too slow); ``str`` is the reason."""


@dataclass(slots=True)
class _Host:
    """One origin's queue: how many requests are in flight and when the next may start."""

    slots: asyncio.Semaphore
    delay: float
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    robots: Protego | None = None
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one reading per run
    robots_read: bool = False
    robots_unreachable: str | None = None  # why robots.txt could not be read

    async def wait_turn(self) -> None:
        async with self.lock:
            pause = self.next_start - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
            self.next_start = time.monotonic() + self.delay

    def finished(self) -> None:
        """The pause runs from the end of the last answer too, not only its start, so a
        slow site is never asked again before it has had ``delay`` seconds of rest."""
        self.next_start = max(self.next_start, time.monotonic() + self.delay)

    def hold_off(self, seconds: float) -> None:
        """The site asked everyone to wait (Retry-After): no request to it before then."""
        self.next_start = max(self.next_start, time.monotonic() + seconds)


class PoliteClient:
    """One per run, used inside ``async with``; safe for many concurrent ``get`` calls."""

    def __init__(self, options: CollectOptions | None = None) -> None:
        self.options = options or CollectOptions()
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent(self.options), "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            timeout=httpx.Timeout(self.options.timeout_s),
            trust_env=False,
        )
        self._slots = asyncio.Semaphore(max(1, self.options.max_concurrency))
        self._hosts: dict[str, _Host] = {}

    async def __aenter__(self) -> PoliteClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        origin = _origin(url)
        if origin not in self._hosts:
            self._hosts[origin] = _Host(
                asyncio.Semaphore(max(1, self.options.host_concurrency)), self.options.host_delay_s
            )
        return self._hosts[origin]

    # ------------------------------------------------------------------ public

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched | FetchFailure:
        """GET ``url`` politely, following redirects within the limit; every hop is
        checked against its own site's robots.txt."""
        current = url
        validators = _validators(etag, last_modified)
        for _ in range(self.options.max_redirects + 1):
            if not _is_web(current):
                return FetchFailure(url, f"not an http(s) address: {current}")
            refusal = await self._robots_refusal(current)
            if refusal is not None:
                return refusal
            # The validators go to every hop: a redirect ignores them, and the page it
            # leads to is the one they were stored for.
            answer = await self._with_retries(current, validators)
            if isinstance(answer, str):
                return FetchFailure(url, answer)
            response, body = answer
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                target = urljoin(current, location)
                refused = await self._redirect_refusal(url, current, target)
                if refused is not None:
                    return FetchFailure(url, refused, forbidden=True)
                current = target
                continue
            if response.status_code == 304:
                return self._fetched(url, current, response, b"")
            if response.status_code != 200:
                return FetchFailure(url, f"HTTP {response.status_code}", response.status_code)
            return self._fetched(url, current, response, body)
        return FetchFailure(url, f"more than {self.options.max_redirects} redirects")

    async def _redirect_refusal(self, url: str, current: str, target: str) -> str | None:
        """Why a redirect to another host is not followed, or None. Browsers follow
        them, and so does newsprism by default, but each is logged (a page moving to
        another site is worth knowing), and the options can refuse them all
        (``cross_host_redirects``) or those leading to a private address, this machine
        or its network (``private_redirects``). A non-web scheme is refused at the next
        hop whatever the options say."""
        if not _is_web(target) or _origin(target) == _origin(current):
            return None
        log.info("%s: redirected to another host: %s", url, target)
        if not self.options.cross_host_redirects:
            return (
                f"redirected to another host ({target}); not followed "
                "(collect.cross_host_redirects)"
            )
        if not self.options.private_redirects:
            private = await _private_address(urlsplit(target).hostname or "")
            if private is not None:
                return (
                    f"redirected to a private address ({target}: {private}); not followed "
                    "(collect.private_redirects)"
                )
        return None

    # ------------------------------------------------------------------ robots.txt

    async def _robots_refusal(self, url: str) -> FetchFailure | None:
        """Why ``url`` may not be fetched: the site's robots.txt forbids it (its choice:
        a warning), or the site could not be reached to ask (a failure: an error)."""
        host = self._host(url)
        if not host.robots_read:
            # Concurrent requests to a new host wait for the first to read robots.txt
            # rather than each asking for it.
            async with host.robots_lock:
                if not host.robots_read:
                    await self._read_robots(url, host)
        if host.robots_unreachable:
            return FetchFailure(
                url,
                f"site unreachable: robots.txt {host.robots_unreachable} "
                "(the site is treated as closed for this run)",
            )
        if host.robots is not None and not host.robots.can_fetch(url, ROBOTS_AGENT):
            return FetchFailure(url, "robots.txt forbids this page (skipped)", forbidden=True)
        return None

    async def _read_robots(self, url: str, host: _Host) -> None:
        """RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one
        (5xx, no connection) allows nothing."""
        robots_url = _origin(url) + "/robots.txt"
        answer = await self._with_retries(robots_url, {})
        host.robots_read = True
        if isinstance(answer, str):  # said once per page by the page's failure
            host.robots_unreachable = answer
            return
        response, body = answer
        if response.status_code >= 500:
            host.robots_unreachable = f"HTTP {response.status_code}"
        elif response.status_code == 200:
            host.robots = Protego.parse(body.decode("utf-8", errors="replace"))
            delay = host.robots.crawl_delay(ROBOTS_AGENT)
            if delay:
                host.delay = max(host.delay, min(float(delay), self.options.max_crawl_delay_s))

    # ------------------------------------------------------------------ one request

    async def _with_retries(
        self, url: str, headers: dict[str, str]
    ) -> tuple[httpx.Response, bytes] | str:
        """The answer, or the reason there is none (after the retries the site allows)."""
        host = self._host(url)
        tries = self.options.retries + 1
        reason = ""
        for attempt in range(tries):
            try:
                response, body = await self._once(url, headers, host)
            except _Refused as exc:
                return str(exc)
            except httpx.TransportError as exc:
                reason = f"connection failed: {type(exc).__name__}"
                wait = self.options.backoff_s * 2**attempt
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response, body
                reason = f"HTTP {response.status_code}"
                asked = retry_after(response.headers.get("retry-after"))
                if asked is not None and asked > self.options.max_retry_after_s:
                    return (
                        f"{reason}: the site asks to wait {asked:.0f} s, over the "
                        f"{self.options.max_retry_after_s:g} s limit (collect.max_retry_after_s)"
                    )
                wait = asked if asked is not None else self.options.backoff_s * 2**attempt
            if attempt + 1 < tries:
                log.info("%s: %s; retrying in %.1f s", url, reason, wait)
                host.hold_off(wait)
        return f"{reason} after {tries} tries"

    async def _once(
        self, url: str, headers: dict[str, str], host: _Host
    ) -> tuple[httpx.Response, bytes]:
        limit = self.options.max_page_bytes
        async with self._slots, host.slots:
            await host.wait_turn()
            try:
                async with asyncio.timeout(self.options.timeout_s):
                    async with self._client.stream("GET", url, headers=headers) as response:
                        declared = response.headers.get("content-length", "")
                        if declared.isdigit() and int(declared) > limit:
                            raise _Refused(self._too_large())
                        # Decoded here, not by httpx: every layer of a stacked
                        # Content-Encoding streams under the limit (decoding.py).
                        decoder = BoundedDecoder(response.headers.get("content-encoding"), limit)
                        body, received = bytearray(), 0
                        async for chunk in response.aiter_raw():
                            received += len(chunk)
                            if received > limit:
                                raise _Refused(self._too_large())
                            body += decoder.feed(chunk)
                            if len(body) > limit:
                                raise _Refused(self._too_large())
                        return response, bytes(body)
            except TooLarge:
                raise _Refused(self._too_large()) from None
            except DecodeRefused as exc:
                raise _Refused(str(exc)) from None
            except TimeoutError:
                raise _Refused(
                    f"no complete answer within {self.options.timeout_s:g} s (collect.timeout_s)"
                ) from None
            except httpx.TimeoutException:
                raise _Refused(
                    f"no answer within {self.options.timeout_s:g} s (collect.timeout_s)"
                ) from None
            finally:
                host.finished()

    def _too_large(self) -> str:
        return f"page is over the {self.options.max_page_mb:g} MB limit (collect.max_page_mb)"

    @staticmethod
    def _fetched(url: str, final: str, response: httpx.Response, body: bytes) -> Fetched:
        content_type = response.headers.get("content-type")
        return Fetched(
            url=url,
            final_url=final,
            status=response.status_code,
            body=body,
            fetched_at=datetime.now(UTC).replace(microsecond=0, tzinfo=None),
            content_type=content_type.split(";")[0].strip().lower() if content_type else None,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


async def _private_address(host: str) -> str | None:
    """The first address of ``host`` that is not on the public internet, or None (a
    name that does not resolve is left to the request, which then fails by itself)."""
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None)
        except OSError:
            return None
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    for address in addresses:
        if not address.is_global or address.is_multicast:
            return str(address)
    return None


def _is_web(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
