"""Crisis signposting and the privacy nudge (forum.safety): pure functions, no database."""

import pytest

from forum.safety import (
    DEFAULT_CRISIS_PHRASES,
    PersonalDataHit,
    find_crisis_phrases,
    find_personal_data,
    is_valid_bsn,
    is_valid_iban,
    parse_phrases,
)

DEFAULTS = parse_phrases(DEFAULT_CRISIS_PHRASES)

# A Maltese-format IBAN whose last nine characters, 111222333, are a valid BSN.
MT_IBAN_WITH_BSN = "MT27MALT01100TLCAST01S111222333"


def hits(text):
    return [(hit.kind, hit.value) for hit in find_personal_data(text)]


# --------------------------------------------------------------------------------------
# Crisis phrases
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        ("Ik denk aan zelfmoord.", ["zelfmoord"], ["zelfmoord"]),
        ("ZELFMOORD!!", ["zelfmoord"], ["zelfmoord"]),
        ("zelfmoord", ["zelfmoord"], ["zelfmoord"]),
        ("(zelfmoord)", ["zelfmoord"], ["zelfmoord"]),
        # Word boundaries: neither inside nor glued to another word.
        ("Het kind slaapt eindelijk.", ["slaan"], []),
        ("Mijn zoontje wil altijd slaan.", ["slaan"], ["slaan"]),
        ("zelfmoordgedachten", ["zelfmoord"], []),
        ("ik denk aan suïcidepreventie", ["suïcide"], []),
        # Accents are ignored, on either side.
        ("Ik denk aan suicide", ["suïcide"], ["suïcide"]),
        ("Ik denk aan SUÏCIDE", ["suicide"], ["suicide"]),
        ("Ik denk aan suïcide", ["suïcide"], ["suïcide"]),
        ("Ik word mishandéld", ["ik word mishandeld"], ["ik word mishandeld"]),
        # Whitespace and punctuation runs count as one space, in text and phrase.
        ("Ik wil... dood", ["ik wil dood"], ["ik wil dood"]),
        ("ik  wil\tdood", ["ik wil dood"], ["ik wil dood"]),
        ("Hij slaat\nmij elke dag", ["hij slaat mij"], ["hij slaat mij"]),
        ("hij slaat\r\n\r\nmij", ["hij slaat mij"], ["hij slaat mij"]),
        ("I want to self-harm", ["self harm"], ["self harm"]),
        ("I want to self harm", ["self-harm"], ["self-harm"]),
        ("I don't want to live anymore", ["don't want to live"], ["don't want to live"]),
        ("I dont want to live", ["don't want to live"], []),
        ("ik wil dood", ["  Ik   wil  dood  "], ["  Ik   wil  dood  "]),
        # Multi-word phrases need all words, in order and adjacent.
        ("ik wil niet dood", ["ik wil dood"], []),
        ("dood wil ik", ["ik wil dood"], []),
        # Compatibility characters (full-width letters) are folded too.
        ("ｚｅｌｆｍｏｏｒｄ", ["zelfmoord"], ["zelfmoord"]),
        ("", ["zelfmoord"], []),
    ],
)
def test_find_crisis_phrases(text, phrases, expected):
    assert find_crisis_phrases(text, phrases) == expected


def test_crisis_phrases_returned_as_configured_in_configured_order():
    text = "Hij slaat mij. Ik denk aan zelfmoord."
    phrases = ["ZelfMoord", "Hij Slaat Mij", "huiselijk geweld"]
    assert find_crisis_phrases(text, phrases) == ["ZelfMoord", "Hij Slaat Mij"]


def test_crisis_phrases_deduplicated_first_spelling_wins():
    phrases = ["zelfmoord", "Zelfmoord", "ZELFMOORD!", "suïcide", "suicide"]
    assert find_crisis_phrases("zelfmoord of suicide", phrases) == ["zelfmoord", "suïcide"]


def test_blank_phrases_ignored():
    assert find_crisis_phrases("ik ben er. !!", ["", "   ", "!!", "\n"]) == []


def test_phrases_may_be_any_iterable():
    assert find_crisis_phrases("zelfmoord", (p for p in ["zelfmoord"])) == ["zelfmoord"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik heb soms zelfmoordgedachten.", ["zelfmoordgedachten"]),
        ("Ik wil er een einde aan maken", ["er een einde aan maken"]),
        ("ik wil niet meer leven", ["wil niet meer leven"]),
        ("Ik wil mezelf pijn doen", ["mezelf pijn doen"]),
        ("hij slaat me als hij gedronken heeft", ["hij slaat me"]),
        ("Ik word mishandeld door mijn vriend", ["ik word mishandeld"]),
        ("Is dit huiselijk geweld?", ["huiselijk geweld"]),
        ("I want to kill myself", ["kill myself"]),
        ("I want to END MY LIFE", ["end my life"]),
        ("He hits me when he's angry", ["he hits me"]),
        ("this is domestic violence", ["domestic violence"]),
    ],
)
def test_default_phrases_fire_on_crisis_text(text, expected):
    assert find_crisis_phrases(text, DEFAULTS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ik kan de huur niet meer betalen en de schulden lopen op.",
        "We kunnen zo niet meer leven van één inkomen.",
        "Ik wil een einde maken aan mijn schulden.",
        "Mijn zoon slaapt slecht en slaat soms met deuren.",
        "Ik schrok me dood van de energierekening.",
        "Hoe maak ik een maandbudget voor de boodschappen?",
        "Mijn dochter van drie slaat haar broertje, hoe reageer ik?",
        "Ik ben doodmoe van al die formulieren.",
        "I killed it at my job interview and ended the month with savings.",
        "My toddler hits me when he is tired.",
    ],
)
def test_default_phrases_quiet_on_everyday_talk(text):
    assert find_crisis_phrases(text, DEFAULTS) == []


def test_default_phrases_size_and_shape():
    assert 25 <= len(DEFAULTS) <= 40
    assert len(set(DEFAULTS)) == len(DEFAULTS)
    for phrase in ("zelfmoord", "suïcide", "ik wil dood", "huiselijk geweld", "suicide"):
        assert phrase in DEFAULTS


def test_parse_phrases():
    raw = "# comment\n\n  zelfmoord  \n\t# indented comment\nik wil dood\r\n   \nhij slaat mij\n"
    assert parse_phrases(raw) == ["zelfmoord", "ik wil dood", "hij slaat mij"]


@pytest.mark.parametrize("raw", ["", "\n\n", "# only\n  # comments\n"])
def test_parse_phrases_empty(raw):
    assert parse_phrases(raw) == []


def test_parse_phrases_keeps_hash_inside_a_phrase():
    assert parse_phrases("help #nu") == ["help #nu"]


# --------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 12 34 56 78",
        "0612345678",
        "06-12-34-56-78",
        "06 - 12345678",
        "06-1234 5678",
        "06.12.34.56.78",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "+31 (0)20 123 4567",
        "0031 6 1234 5678",
        "0031612345678",
        "020-1234567",
        "010 123 4567",
        "(020) 1234567",
        "085-1234567",
        "+32 470 12 34 56",
        "+32470123456",
        "0470 12 34 56",
        "0470/12.34.56",
        "02/123.45.67",
        "09 123 45 67",
        "+32 2 123 45 67",
        "0032 470 12 34 56",
        "+49 30 12345678",
    ],
)
def test_phone_formats(number):
    assert hits(f"Bel me op {number} vanavond.") == [("phone", number)]
    assert hits(number) == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        # Help and service lines are not personal data.
        "Bel 0800-0113 (113 Zelfmoordpreventie)",
        "0800 0113",
        "08000113",
        "Bel 113 of chat",
        "Bel 112 bij nood",
        "Bel 1813",
        "0900-8844",
        "0900 123 4567",
        "Bel gratis 0800 12 345",
        "070 12 34 56 (Belgische betaallijn)",
        # Amounts, years, dates, times, postcodes and short numbers.
        "Ik heb € 1.250,00 schuld",
        "€1.250,00",
        "EUR 12.345.678,90",
        "In 2024 en 2025",
        "Op 12-03-2024 om 14:30",
        "01-02-2024 12:30",
        "op 01-02-24 1234 euro",
        "12/03/2024",
        "1-3-2024",
        "2024-03-12 123456",
        "01.02.2024",
        "open van 09.00-17.00",
        "1234 AB Amsterdam",
        "Postcode 1234AB, huisnummer 12",
        "Artikel 0123",
        "06",
        "061234",
        "06123456789",
        "0612345678901",
        "+31 6 1234567",
        "ref 0412345678901",
        "10 123 4567",
        "pin123456789",
        "abc0612345678",
        "0612345678abc",
        "06 12345678abc",
    ],
)
def test_phone_negatives(text):
    assert [kind for kind, _ in hits(text) if kind == "phone"] == []


def test_phone_next_to_date_and_time():
    text = "Op 1-3-2024 om 09.00-17.00 bereikbaar via 0612345678."
    assert hits(text) == [("phone", "0612345678")]


def test_phone_in_brackets():
    assert hits("bel (0612345678)") == [("phone", "(0612345678)")]
    assert hits("(bel 0612345678)") == [("phone", "0612345678")]


def test_phone_on_its_own_line_not_joined_with_next_number():
    assert hits("06-12345678\n2024") == [("phone", "06-12345678")]


def test_two_phones_in_one_run_of_digits():
    assert hits("0612345678 0201234567") == [("phone", "0612345678"), ("phone", "0201234567")]


def test_same_phone_reported_once():
    assert hits("Bel 0612345678 of app 0612345678") == [("phone", "0612345678")]


def test_same_number_in_different_spellings_reported_per_spelling():
    assert hits("0612345678 / 06-12345678") == [
        ("phone", "0612345678"),
        ("phone", "06-12345678"),
    ]


# --------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail jan@example.nl", ["jan@example.nl"]),
        ("Mail: Jan.de-Vries+forum@mail.Example.co.uk.", ["Jan.de-Vries+forum@mail.Example.co.uk"]),
        ("JAN@EXAMPLE.COM", ["JAN@EXAMPLE.COM"]),
        ("(piet_01@gemeente-utrecht.nl)", ["piet_01@gemeente-utrecht.nl"]),
        ("a@b.nl en c@d.be", ["a@b.nl", "c@d.be"]),
        ("jan@example.nl, jan@example.nl", ["jan@example.nl"]),
        ("jan@localhost", []),
        ("@jan op social media", []),
        ("a@b", []),
        ("jan@.nl", []),
        ("jan @ example . nl", []),
    ],
)
def test_email(text, expected):
    assert [value for kind, value in hits(text) if kind == "email"] == expected


def test_digits_in_email_are_not_phone_or_bsn():
    assert hits("0612345678@example.nl") == [("email", "0612345678@example.nl")]
    assert hits("111222333@example.nl") == [("email", "111222333@example.nl")]


# --------------------------------------------------------------------------------------
# IBAN
# --------------------------------------------------------------------------------------

VALID_IBANS = [
    "NL91ABNA0417164300",
    "NL91 ABNA 0417 1643 00",
    "nl91 abna 0417 1643 00",
    "NL02ABNA0123456789",
    "BE68 5390 0754 7034",
    "BE68539007547034",
    "GB82 WEST 1234 5698 7654 32",
    "DE89370400440532013000",
    MT_IBAN_WITH_BSN,
]

INVALID_IBANS = [
    "NL92ABNA0417164300",  # check digits off by one
    "NL91ABNA0417164301",  # typo in the account number
    "NL91 ABNA 0417 1643 01",
    "BE69 5390 0754 7034",
    "NL91ABNA",  # too short
    "NL91ABNA04171643000000000000000000000",  # too long
    "1291ABNA0417164300",  # no country code
    "NLAAABNA0417164300",  # no check digits
    "",
]


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_is_valid_iban(iban):
    assert is_valid_iban(iban)


@pytest.mark.parametrize("iban", INVALID_IBANS)
def test_is_valid_iban_rejects(iban):
    assert not is_valid_iban(iban)


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_iban_found(iban):
    assert hits(f"Maak het over naar {iban}.") == [("iban", iban)]


@pytest.mark.parametrize(
    "iban", ["NL92ABNA0417164300", "NL91 ABNA 0417 1643 01", "BE69 5390 0754 7034"]
)
def test_invalid_iban_not_reported_nor_its_digits(iban):
    assert hits(f"Rekening {iban}") == []


def test_iban_followed_by_postcode():
    text = "NL91 ABNA 0417 1643 00 1234 AB Utrecht"
    assert hits(text) == [("iban", "NL91 ABNA 0417 1643 00")]


def test_iban_digits_not_reported_as_phone():
    # Unchecked, "0417 1643 00" would read as a Dutch number in the 041x area.
    assert hits("IBAN: NL91 ABNA 0417 1643 00") == [("iban", "NL91 ABNA 0417 1643 00")]


# --------------------------------------------------------------------------------------
# BSN
# --------------------------------------------------------------------------------------

# Each checked by hand with the 11-test, e.g. 123456782:
# 9*1 + 8*2 + 7*3 + 6*4 + 5*5 + 4*6 + 3*7 + 2*8 - 1*2 = 154 = 14 * 11.
VALID_BSNS = ["111222333", "123456782", "835337406", "278683873", "100457721", "418942328"]


def _eleven_test(digits):
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11 == 0


def test_bsn_fixtures_double_checked():
    assert all(_eleven_test(bsn) for bsn in VALID_BSNS)
    assert not _eleven_test("123456789")


@pytest.mark.parametrize("bsn", [*VALID_BSNS, "111.222.333", "111 222 333"])
def test_is_valid_bsn(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn", ["123456789", "111222334", "000000000", "11122233", "1112223330", "11122233a", ""]
)
def test_is_valid_bsn_rejects(bsn):
    assert not is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn", [*VALID_BSNS, "111.222.333", "111 222 333", "123.456.782", "123 456 782"]
)
def test_bsn_found(bsn):
    assert hits(f"Mijn BSN is {bsn}.") == [("bsn", bsn)]
    assert hits(bsn) == [("bsn", bsn)]


@pytest.mark.parametrize(
    "text",
    [
        "123456789",  # fails the 11-test
        "123.456.789",
        "000000000",
        "11122233",  # 8 digits
        "1112223330",  # 10 digits
        "0111222333",
        "9111222333",
        "1111222333444",
        "111.222.3330",
        "111 222 333 444",  # a longer grouped number
        "111.222.333,00",  # an amount
        "€ 111.222.333",
        "€111.222.333",
        "111-222-333",  # only dots or spaces group a BSN
        "111.222 333",  # mixed separators
    ],
)
def test_bsn_negatives(text):
    assert [kind for kind, _ in hits(text) if kind == "bsn"] == []


def test_bsn_inside_iban_not_reported():
    assert hits(f"Rekening {MT_IBAN_WITH_BSN}") == [("iban", MT_IBAN_WITH_BSN)]


def test_bsn_digits_inside_phone_not_reported():
    # "111222333" passes the 11-test, but here it is the rest of a Dutch 011x number.
    assert hits("Bel +31 111222333") == [("phone", "+31 111222333")]


# --------------------------------------------------------------------------------------
# Mixed
# --------------------------------------------------------------------------------------


def test_mixed_text_in_order_of_appearance():
    text = (
        "Hoi! Mail jan.de-vries@example.nl of bel 06-12345678. Mijn BSN is 111.222.333 en "
        "stort het op NL91 ABNA 0417 1643 00. Of bel +32 470 12 34 56. "
        "Ik had € 1.250,00 schuld op 12-03-2024 (postcode 1234 AB). "
        "Hulp: 0800-0113 of 113. Nogmaals: 06-12345678."
    )
    assert find_personal_data(text) == [
        PersonalDataHit("email", "jan.de-vries@example.nl"),
        PersonalDataHit("phone", "06-12345678"),
        PersonalDataHit("bsn", "111.222.333"),
        PersonalDataHit("iban", "NL91 ABNA 0417 1643 00"),
        PersonalDataHit("phone", "+32 470 12 34 56"),
    ]


def test_no_personal_data():
    text = "Ik heb € 1.250,00 schuld sinds 2023 en woon in 1234 AB. Bel 113 of 0800-0113."
    assert find_personal_data(text) == []
    assert find_personal_data("") == []


def test_hit_is_frozen_and_hashable():
    hit = PersonalDataHit("phone", "0612345678")
    with pytest.raises(AttributeError):
        hit.value = "x"
    assert {hit, PersonalDataHit("phone", "0612345678")} == {hit}
