"""Opens migready's HTML pages in headless Chromium and checks what a reader would trip over.

Usage: check_html.py SPEC.json OUT_DIR   (SPEC: a list of pages, see tests/browser.rs)
       check_html.py --probe             (exit 3 when playwright, pypdf or Chromium is missing)

For each page, at 375 px and 1280 px wide and in print at A4: nothing wider than the viewport, no element
outside it, no request but the page itself, no script, every SVG with a text alternative. The A4 PDF's first
page must hold the verdict, the decision and the texts the spec lists; its page count must stay under the
spec's bound. Screenshots and PDFs go to OUT_DIR. Prints one JSON line per page; exit 1 on any failure.
"""

import io
import json
import os
import pathlib
import re
import shutil
import sys
import time
import unicodedata

MISSING = 3
WIDTHS = (375, 1280)
# A4 less the report's margins (12 mm a side, 14 mm top and bottom), in CSS px (96 per inch).
A4_CONTENT = {"width": 703, "height": 1017}

# Every element whose box reaches past the viewport's right or left edge, with a short name for each.
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      const cls = el.getAttribute('class');
      out.push(`${el.tagName.toLowerCase()}${cls ? '.' + cls.split(' ').join('.') : ''} ` +
               `[${Math.round(r.left)}..${Math.round(r.right)}] "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, outside: out.slice(0, 10),
          scripts: document.scripts.length};
}"""

# Each SVG and its text alternative: role="img" with aria-label, aria-labelledby or a <title>.
SVGS = """() => [...document.querySelectorAll('svg')].map(s => ({
  role: s.getAttribute('role'),
  text: s.getAttribute('aria-label') || (s.querySelector('title') || {}).textContent ||
        (document.getElementById(s.getAttribute('aria-labelledby') || '') || {}).textContent || ''
}))"""


def chromium():
    for name in (os.environ.get("MIGREADY_CHROMIUM"), "chromium-headless-shell", "chromium"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def missing():
    try:
        import playwright.sync_api  # noqa: F401
        import pypdf  # noqa: F401
    except ImportError as e:
        return f"python module {e.name} is not installed (pip install -r .ci/requirements.txt)"
    if chromium() is None:
        return "no chromium-headless-shell or chromium on PATH (apt-get install chromium-headless-shell)"
    return None


def squeezed(text):
    """Text without whitespace or ligatures: a PDF breaks lines where the layout did, and writes "fl" as one glyph."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def open_page(browser, url, viewport, requests, media="screen"):
    page = browser.new_page(viewport=viewport)
    page.on("request", lambda r: requests.append(r.url) if r.url != url and not r.url.startswith("data:") else None)
    page.route("**/*", lambda route: route.abort() if route.request.url != url else route.continue_())
    page.emulate_media(media=media)
    page.goto(url, wait_until="load")
    return page


# Identifiers set as code that the layout broke over two lines: at desktop width none should be.
BROKEN_CODE = """() => [...document.querySelectorAll('code')]
  .filter(c => c.getClientRects().length > 1).map(c => c.textContent).slice(0, 10)"""


def layout_problems(page, where):
    box = page.evaluate(OUTSIDE)
    problems = []
    if where == "1280 px":
        problems += [f"code: broken mid-word at {where}: {c!r}" for c in page.evaluate(BROKEN_CODE)]
    if box["scrollWidth"] > box["width"]:
        problems.append(f"{where}: the page is {box['scrollWidth']} px wide in a {box['width']} px viewport")
    problems += [f"{where}: outside the page: {o}" for o in box["outside"]]
    if box["scripts"]:
        problems.append(f"{where}: {box['scripts']} script elements")
    return problems


def pdf_checks(page, spec, out):
    from pypdf import PdfReader

    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    (out / f"{spec['name']}.pdf").write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    first = squeezed(pages[0].extract_text())
    problems = [f"pdf: {len(pages)} pages, more than {spec['max_pages']}"] if len(pages) > spec["max_pages"] else []
    if "pages" in spec and len(pages) != spec["pages"]:
        problems.append(f"pdf: {len(pages)} pages, recorded {spec['pages']}")
    for text in spec["first_page"]:
        if squeezed(text) not in first:
            problems.append(f"pdf: not on the first page: {text!r}")
    return len(pages), problems


def brief_fill(page, minimum):
    """Page 1 is the brief, and the part for the project team starts on a new page: the brief must
    fit the page and fill most of it, so that the page break leaves no half-empty first page."""
    bottom = page.evaluate("(document.querySelector('.brief') || {getBoundingClientRect: () => ({bottom: 0})}).getBoundingClientRect().bottom")
    fill = bottom / A4_CONTENT["height"]
    if fill > 1 or fill < minimum:
        return [f"print: the brief fills {fill:.0%} of page 1, outside {minimum:.0%}..100%"]
    return []


MAX_SHOT_HEIGHT = 6000


def save_screenshots(page, path, width, top_only=False):
    """Pictures for a person to look at, not assertions: a capture Chromium refuses (a very tall page
    can exceed what it renders in one image, depending on the machine) is noted and skipped."""
    height = page.evaluate("document.documentElement.scrollHeight")
    try:
        if top_only:
            page.screenshot(path=str(path))
        else:
            clip = {"x": 0, "y": 0, "width": width, "height": min(height, MAX_SHOT_HEIGHT)}
            page.screenshot(path=str(path), full_page=True, clip=clip)
    except Exception as e:  # the layout checks above already ran; a missing picture fails nothing
        print(f"screenshot {path.name} skipped: {str(e).splitlines()[0]}", file=sys.stderr)


def check(browser, spec, out):
    url = pathlib.Path(spec["file"]).resolve().as_uri()
    requests, problems, svgs = [], [], []
    for width in WIDTHS:
        page = open_page(browser, url, {"width": width, "height": 900}, requests)
        problems += layout_problems(page, f"{width} px")
        svgs = page.evaluate(SVGS)
        save_screenshots(page, out / f"{spec['name']}-{width}.png", width)
        if width == max(WIDTHS):
            save_screenshots(page, out / f"{spec['name']}-top.png", width, top_only=True)
        page.close()
    page = open_page(browser, url, A4_CONTENT, requests, media="print")
    problems += layout_problems(page, "print")
    if "brief_min_fill" in spec:
        problems += brief_fill(page, spec["brief_min_fill"])
    pdf_pages, pdf_problems = pdf_checks(page, spec, out)
    problems += pdf_problems
    page.close()
    problems += [f"network: the page asked for {u}" for u in sorted(set(requests))]
    if len(svgs) < spec["min_svgs"]:
        problems.append(f"svg: {len(svgs)} charts, expected at least {spec['min_svgs']}")
    problems += [f"svg: a chart without a text alternative: {s}" for s in svgs if s["role"] != "img" or not s["text"].strip()]
    return {"name": spec["name"], "svgs": len(svgs), "pdf_pages": pdf_pages, "problems": problems}


def self_test(browser, out):
    """The checks must see what they look for: a page that breaks each rule must fail each one."""
    bad = out / "self-test.html"
    bad.write_text('<!DOCTYPE html><html><body><img src="https://example.invalid/logo.png">'
                   '<div style="width:2000px">wide</div><svg width="10" height="10"></svg><script></script>'
                   '<div style="width:40px"><code style="overflow-wrap:anywhere">post-go-live.msp_after_go_live</code></div>'
                   '</body></html>')
    result = check(browser, {"name": "self-test", "file": str(bad), "max_pages": 0, "min_svgs": 2,
                             "first_page": ["NO-GO"]}, out)
    kinds = {p.split(":")[0] for p in result["problems"]}
    expected = {"375 px", "1280 px", "print", "pdf", "network", "svg", "code"}
    if kinds != expected:
        raise SystemExit(f"self-test: the checks found {sorted(kinds)} on a page that breaks {sorted(expected)}")


def main():
    if sys.argv[1:] == ["--probe"]:
        reason = missing()
        print(reason or f"ok: {chromium()}")
        return MISSING if reason else 0
    from playwright.sync_api import sync_playwright

    specs = json.loads(pathlib.Path(sys.argv[1]).read_text())
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium())
        self_test(browser, out)
        for spec in specs:
            start = time.monotonic()
            result = check(browser, spec, out)
            result["seconds"] = round(time.monotonic() - start, 2)
            print(json.dumps(result))
            failed |= bool(result["problems"])
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
