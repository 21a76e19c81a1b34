"""``reports/conformance.html``: one self-contained page (no script, no external file).

A header saying which run it is, the verdict and counts, then the failures first, each with its
evidence (the request line, the response status and an excerpt of its body), then every check
with its rule; RFC sections link to the RFC's text at rfc-editor.org.
"""

from __future__ import annotations

import html
import re

from conformance.run_report import Header, Result, counts_line, ordered

__all__ = ["render", "rule_html"]

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
h1{font-size:1.5em} h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ccc;padding:.3em .5em;
text-align:left;vertical-align:top} th{background:#f3f3f3}
.FAIL,.ERROR{background:#fde2e2} .warn{background:#fff4d6} .skip{color:#777}
.verdict{font-size:1.15em;font-weight:bold} dt{font-weight:bold;float:left;width:11em}
dd{margin-left:11em} pre{white-space:pre-wrap;background:#f7f7f7;padding:.5em;margin:.3em 0}
.failure{border-left:4px solid #c33;padding-left:1em;margin-bottom:1.2em}
"""

_REF = re.compile(r"RFC (\d{3,5})|§(\d+(?:\.\d+)*)|Appendix ([A-Z](?:\.\d+)*)")


def rule_html(rule: str) -> str:
    """``rule`` with each RFC, section and appendix linked to rfc-editor.org."""
    out: list[str] = []
    for part in rule.split(";"):
        current: str | None = None
        pos = 0
        pieces: list[str] = []
        for m in _REF.finditer(part):
            pieces.append(html.escape(part[pos : m.start()]))
            number, section, appendix = m.groups()
            if number:
                current = number
                url = f"https://www.rfc-editor.org/rfc/rfc{number}"
            elif current and section:
                url = f"https://www.rfc-editor.org/rfc/rfc{current}#section-{section}"
            elif current and appendix:
                url = f"https://www.rfc-editor.org/rfc/rfc{current}#appendix-{appendix}"
            else:
                url = ""
            text = html.escape(m.group(0))
            pieces.append(f'<a href="{url}">{text}</a>' if url else text)
            pos = m.end()
        pieces.append(html.escape(part[pos:]))
        out.append("".join(pieces))
    return ";".join(out)


def _failure(r: Result) -> str:
    parts = [
        f'<div class="failure"><h3>{html.escape(r.result)}: {html.escape(r.check)}</h3>',
        f"<p>{html.escape(r.level_text)} · {rule_html(r.rule)}</p>",
        f"<pre>{html.escape(r.evidence)}</pre>",
    ]
    if r.exchange is not None:
        parts.append(
            f"<p>last exchange: <code>{html.escape(r.exchange.request_line)}</code> → "
            f"<strong>{r.exchange.status}</strong></p>"
            f"<pre>{html.escape(r.exchange.excerpt)}</pre>"
        )
    parts.append("</div>")
    return "".join(parts)


def render(header: Header, results: list[Result], verdict: str) -> str:
    rows = ordered(results)
    failures = [r for r in rows if r.result in ("FAIL", "ERROR", "warn")]
    head = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in header.lines())
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Conformance report: {html.escape(header.target)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Conformance report</h1>",
        f"<dl>{head}</dl>",
        f'<p class="verdict">{html.escape(verdict)}</p>',
        f"<p>{html.escape(counts_line(results))}</p>",
    ]
    if failures:
        body.append("<h2>Failures, errors and SHOULD warnings</h2>")
        body += [_failure(r) for r in failures]
    body += [
        "<h2>Every check</h2>",
        "<table><tr><th>#</th><th>check</th><th>group</th><th>level</th><th>rule</th>"
        "<th>result</th><th>evidence</th></tr>",
    ]
    for r in rows:
        body.append(
            f'<tr class="{html.escape(r.result)}"><td>{r.number or ""}</td>'
            f"<td>{html.escape(r.check)}</td><td>{html.escape(r.group)}</td>"
            f"<td>{html.escape(r.level_text)}</td><td>{rule_html(r.rule)}</td>"
            f"<td>{html.escape(r.result)}</td><td>{html.escape(r.evidence[:300])}</td></tr>"
        )
    body += ["</table>", "</body></html>"]
    return "\n".join(body) + "\n"
