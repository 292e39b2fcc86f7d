"""Draw the app icons from their two SVG sources, after a change to either:

    .venv/bin/python scripts/make_icons.py

``website/static/icons/icon.svg`` (also the favicon) gives the PNGs for "any" purpose and
``/favicon.ico`` (``website/root/``, served at the site root); ``icon-maskable.svg`` (the
figures inside the safe circle, the colour to the edges) gives the maskable icon and the
Apple touch icon, which iOS rounds itself. Chromium (the browser tests' own) renders the
SVG; Pillow writes the PNGs and the ICO.
"""

import io
import os
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "website" / "static" / "icons"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Output file, source SVG, size in pixels.
PNGS = [
    ("icon-192.png", "icon.svg", 192),
    ("icon-512.png", "icon.svg", 512),
    ("icon-maskable-512.png", "icon-maskable.svg", 512),
    ("apple-touch-icon.png", "icon-maskable.svg", 180),
]
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


def render(page, source: str, size: int) -> Image.Image:
    svg = (ICONS / source).read_text(encoding="utf-8")
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        "<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;"
        f"height:100vh}}</style>{svg}"
    )
    return Image.open(io.BytesIO(page.screenshot(omit_background=True)))


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        for name, source, size in PNGS:
            render(page, source, size).save(ICONS / name, optimize=True)
        large = render(page, "icon.svg", 256)
        browser.close()
    large.save(ROOT / "website" / "root" / "favicon.ico", sizes=FAVICON_SIZES)


if __name__ == "__main__":
    main()
