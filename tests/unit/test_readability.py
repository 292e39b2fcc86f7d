"""The plain-language check: Dutch reading ease (Flesch-Douma), the longest sentences
and the long words of a step's text."""

import pytest

from learning.blocks import StepBodyBlock
from learning.readability import check_readability, step_plain_text


def test_the_dutch_formula_is_used():
    # 6 words of one syllable in one sentence: Flesch-Douma gives
    # 206.835 - 0.93 * 6 - 77 * 1 (the English formula would give 116.145).
    result = check_readability("De kat zit op de mat.", threshold=65)
    assert result.score == pytest.approx(124.255)
    assert not result.too_hard


def test_short_sentences_and_short_words_pass_and_long_ones_do_not():
    easy = check_readability(
        "Je krijgt geld van de gemeente. Dat heet bijstand. Je vraagt het aan bij het loket.",
        threshold=65,
    )
    hard = check_readability(
        "Indien de belanghebbende gedurende de beoordelingsperiode onvoldoende medewerking "
        "verleent aan de noodzakelijke informatieverstrekking, kan de uitkeringsinstantie "
        "overgaan tot opschorting van de arbeidsongeschiktheidsuitkering.",
        threshold=65,
    )
    assert easy.score >= 65 and not easy.too_hard
    assert hard.score < 65 and hard.too_hard


def test_it_names_the_longest_sentences_and_the_long_words():
    text = (
        "Dit is kort. "
        "Deze zin is wat langer dan de eerste zin. "
        "En deze zin is de allerlangste zin van deze hele korte tekst over geld. "
        "De arbeidsongeschiktheidsuitkering is een moeilijk woord."
    )
    result = check_readability(text, threshold=65, sentences=2)
    assert result.longest_sentences == (
        "En deze zin is de allerlangste zin van deze hele korte tekst over geld.",
        "Deze zin is wat langer dan de eerste zin.",
    )
    assert result.long_words == ("arbeidsongeschiktheidsuitkering",)


def test_no_text_is_not_judged():
    result = check_readability("", threshold=65)
    assert result.score is None and not result.too_hard
    assert result.longest_sentences == () and result.long_words == ()


def test_a_steps_plain_text_has_every_piece_as_its_own_sentence_and_no_addresses():
    body = StepBodyBlock().to_python(
        [
            {"type": "text", "value": "<p>Je begint met je geld.</p><ul><li>loon</li></ul>"},
            {
                "type": "checklist",
                "value": {"title": "Mijn inkomsten", "items": ["Ik weet mijn loon", "Klaar!"]},
            },
            {
                "type": "source",
                "value": {
                    "title": "Bijstand",
                    "organisation": "Rijksoverheid",
                    "url": "https://www.rijksoverheid.nl/bijstand",
                    "description": "",
                },
            },
        ]
    )
    assert step_plain_text(title="Wat komt er binnen?", body=body) == (
        "Wat komt er binnen? Je begint met je geld. loon. Mijn inkomsten. Ik weet mijn loon. "
        "Klaar! Bijstand. Rijksoverheid."
    )
