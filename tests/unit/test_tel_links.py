"""``tel_links``: the numbers in an editor's phone field become links a phone can call."""

import pytest

from core.templatetags.site_tags import tel_links


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("113", '<a href="tel:113">113</a>'),
        (
            "113 of 0800-0113",
            '<a href="tel:113">113</a> of <a href="tel:08000113">0800-0113</a>',
        ),
        ("+32 2 648 40 14", '<a href="tel:+3226484014">+32 2 648 40 14</a>'),
        ("bel <b>1813</b>", 'bel &lt;b&gt;<a href="tel:1813">1813</a>&lt;/b&gt;'),
        ("geen nummer", "geen nummer"),
        ("", ""),
    ],
)
def test_numbers_become_tel_links_and_the_rest_stays_text(text, html):
    assert tel_links(text) == html
