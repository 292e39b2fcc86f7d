"""Demo learning content in plain Dutch (B1), used by `manage.py load_demo`.

Plain data only, no imports: five topics with two modules each. Every step body is
a list of ``(block_type, value)`` pairs for the blocks in ``learning.blocks``.
Facts are kept general and durable: no amounts, limits or dates that change
every year; the steps point to the official sites for those.
"""

TOPICS = [
    # ------------------------------------------------------------------
    # 1. Uitkeringen & toeslagen
    # ------------------------------------------------------------------
    {
        "name": "Uitkeringen & toeslagen",
        "slug": "uitkeringen-toeslagen",
        "description": "Geld van de overheid waar je misschien recht op hebt, en hoe je het "
        "aanvraagt.",
        "life_domain": "financien",
        "modules": [
            {
                "title": "Zorgtoeslag en huurtoeslag aanvragen",
                "slug": "zorgtoeslag-en-huurtoeslag-aanvragen",
                "intro": (
                    "<p>Een toeslag is geld van de overheid. Het helpt je om je zorgverzekering "
                    "of je huur te betalen. In deze module leer je hoe je een toeslag aanvraagt. "
                    "En hoe je problemen voorkomt.</p>"
                ),
                "minutes": 20,
                "level": "start",
                "can_do": [
                    "Ik kan uitleggen wat zorgtoeslag en huurtoeslag zijn.",
                    "Ik kan met een proefberekening kijken of ik recht heb op toeslag.",
                    "Ik kan een toeslag aanvragen bij Mijn toeslagen met mijn DigiD.",
                    "Ik kan veranderingen op tijd doorgeven.",
                ],
                "steps": [
                    {
                        "title": "Wat zijn zorgtoeslag en huurtoeslag?",
                        "slug": "wat-zijn-toeslagen",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Een <strong>toeslag</strong> is geld van de overheid. "
                                "Je krijgt het als je inkomen niet zo hoog is.</p>"
                                "<ul>"
                                "<li><strong>Zorgtoeslag</strong> helpt je om je "
                                "zorgverzekering te betalen.</li>"
                                "<li><strong>Huurtoeslag</strong> helpt je om je huur te "
                                "betalen.</li>"
                                "</ul>"
                                "<p>Je vraagt beide toeslagen aan bij "
                                "<strong>Dienst Toeslagen</strong>. "
                                "Die hoort bij de Belastingdienst.</p>",
                            ),
                            (
                                "text",
                                "<h3>Wie kan zorgtoeslag krijgen?</h3>"
                                "<ul>"
                                "<li>Je bent 18 jaar of ouder.</li>"
                                "<li>Je hebt een Nederlandse zorgverzekering.</li>"
                                "<li>Je inkomen en je spaargeld zijn niet te hoog.</li>"
                                "</ul>"
                                "<h3>Wie kan huurtoeslag krijgen?</h3>"
                                "<ul>"
                                "<li>Je huurt een woning met een eigen voordeur, keuken en "
                                "wc.</li>"
                                "<li>Hoeveel je krijgt, hangt af van je huur en je inkomen.</li>"
                                "<li>Het hangt ook af van wie er bij je woont.</li>"
                                "</ul>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Past dit bij mij?",
                                    "items": [
                                        "Ik ben 18 jaar of ouder",
                                        "Ik heb een zorgverzekering in Nederland",
                                        "Ik huur een woning met een eigen voordeur, keuken en wc",
                                        "Ik weet ongeveer hoeveel ik per maand verdien",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>De regels en bedragen veranderen elk jaar. "
                                    "Kijk daarom op de site van Dienst Toeslagen. "
                                    "Daar staan de bedragen van dit jaar.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Toeslagen",
                                    "organisation": "Dienst Toeslagen",
                                    "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/toeslagen",
                                    "description": "Alle regels voor zorgtoeslag en huurtoeslag, "
                                    "met de bedragen van dit jaar.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Doe een proefberekening",
                        "slug": "proefberekening",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Met een <strong>proefberekening</strong> zie je of je "
                                "recht hebt op toeslag. Je ziet ook ongeveer hoeveel geld je "
                                "krijgt. Het is gratis en je zit nergens aan vast.</p>"
                                "<p>Woon je samen? Dan telt het inkomen van je partner ook mee. "
                                "Dat heet je <strong>toeslagpartner</strong>.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Dit heb je nodig",
                                    "items": [
                                        "Je inkomen per jaar (kijk op je loonstrook of jaaropgave)",
                                        "Het inkomen van je toeslagpartner, als je die hebt",
                                        "Hoeveel spaargeld je hebt",
                                        "Voor huurtoeslag: je huur (die staat in je huurcontract)",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Weet je je inkomen niet precies? Maak een "
                                    "goede schatting. Schat liever iets te hoog dan te laag. "
                                    "Dan hoef je later minder terug te betalen.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je weet je inkomen van dit jaar niet precies. "
                                    "Wat doe je?",
                                    "options": [
                                        {
                                            "answer": "Ik vul een iets hoger bedrag in.",
                                            "correct": True,
                                            "feedback": "Goed gedaan. Zo is de kans kleiner dat "
                                            "je later geld moet terugbetalen.",
                                        },
                                        {
                                            "answer": "Ik vul een laag bedrag in, dan krijg ik "
                                            "meer.",
                                            "correct": False,
                                            "feedback": "Bijna. Je krijgt dan nu misschien meer. "
                                            "Maar later moet je dat terugbetalen. Een iets hogere "
                                            "schatting is veiliger.",
                                        },
                                        {
                                            "answer": "Ik vul niets in.",
                                            "correct": False,
                                            "feedback": "Dat is begrijpelijk als het lastig is. "
                                            "Maar zonder inkomen kan niemand het uitrekenen. "
                                            "Vraag gerust hulp bij het schatten.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Doe de proefberekening",
                                    "text": "<p>Ga naar de site van Dienst Toeslagen. Zoek "
                                    "naar 'proefberekening'. Vul je gegevens in. Schrijf op wat "
                                    "eruit komt.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Aanvragen met je DigiD",
                        "slug": "aanvragen-met-digid",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Heb je recht op toeslag? Dan vraag je die aan bij "
                                "<strong>Mijn toeslagen</strong>. Dat is de website van "
                                "Dienst Toeslagen. Je logt in met je <strong>DigiD</strong>.</p>"
                                "<p>Je krijgt de toeslag elke maand als "
                                "<strong>voorschot</strong>. "
                                "Dat betekent: het bedrag is nog niet definitief.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "Nog geen DigiD?",
                                    "text": "<p>Vraag je DigiD aan op digid.nl. Je krijgt "
                                    "een brief met een code. Zet daarna de DigiD app op je "
                                    "telefoon. Dat is makkelijk en veilig.</p>",
                                },
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Geef je DigiD nooit aan iemand anders. Ook "
                                    "niet aan familie of een hulpverlener. Wil je dat iemand "
                                    "je helpt? Dan kun je die persoon machtigen. Op digid.nl "
                                    "lees je hoe dat werkt.</p>"
                                    "<p>Klik nooit op een link in een sms of mail om in te "
                                    "loggen. Typ het adres zelf in.</p>",
                                },
                            ),
                            (
                                "text",
                                "<p>Vind je het lastig? Je hoeft het niet alleen te doen. "
                                "In veel bibliotheken is een <strong>Informatiepunt Digitale "
                                "Overheid</strong>. Daar helpen ze je gratis. Je kunt ook "
                                "gratis bellen met de BelastingTelefoon: 0800-0543.</p>",
                            ),
                            (
                                "action",
                                {
                                    "title": "Vraag je toeslag aan",
                                    "text": "<p>Log in bij Mijn toeslagen met je DigiD. "
                                    "Kies de toeslag die je wilt aanvragen. Volg de stappen. "
                                    "Bewaar aan het eind de bevestiging.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "DigiD",
                                    "organisation": "DigiD",
                                    "url": "https://www.digid.nl",
                                    "description": "Hier vraag je DigiD aan. Je leest ook hoe "
                                    "je iemand machtigt.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Veranderingen doorgeven",
                        "slug": "veranderingen-doorgeven",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Verandert er iets in je leven? Geef dat dan "
                                "<strong>binnen 4 weken</strong> door bij Mijn toeslagen. "
                                "Zo krijg je het goede bedrag.</p>"
                                "<p>Geef het bijvoorbeeld door als:</p>"
                                "<ul>"
                                "<li>je meer of minder gaat verdienen;</li>"
                                "<li>iemand bij je komt wonen of weggaat;</li>"
                                "<li>je gaat verhuizen of je huur verandert;</li>"
                                "<li>je een kind krijgt.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<p>Na het jaar kijkt Dienst Toeslagen naar je echte inkomen. "
                                "Dat heet de <strong>definitieve berekening</strong>. "
                                "Was je inkomen hoger dan je dacht? Dan moet je geld "
                                "terugbetalen. Was het lager? Dan krijg je misschien geld "
                                "bij.</p>",
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Moet je geld terugbetalen? En lukt dat niet in "
                                    "één keer? Vraag dan om een <strong>betalingsregeling"
                                    "</strong>. Wacht daar niet mee. Hulp vragen is heel "
                                    "gewoon.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je gaat meer uren werken. Wat doe je?",
                                    "options": [
                                        {
                                            "answer": "Ik geef het binnen 4 weken door.",
                                            "correct": True,
                                            "feedback": "Helemaal goed. Zo krijg je het juiste "
                                            "bedrag. En je hoeft later minder terug te betalen.",
                                        },
                                        {
                                            "answer": "Ik wacht tot het einde van het jaar.",
                                            "correct": False,
                                            "feedback": "Bijna. Het is slim om het eerder te "
                                            "doen. Geef het binnen 4 weken door. Dan voorkom je "
                                            "dat je veel moet terugbetalen.",
                                        },
                                        {
                                            "answer": "Ik hoef niets te doen, ze weten het al.",
                                            "correct": False,
                                            "feedback": "Dat denken veel mensen. Maar Dienst "
                                            "Toeslagen weet het niet altijd op tijd. Geef het "
                                            "zelf door, dan zit je goed.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Zet een herinnering",
                                    "text": "<p>Zet een briefje op de koelkast of een notitie "
                                    "in je telefoon: 'Verandert er iets? Binnen 4 weken "
                                    "doorgeven.'</p>",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Bijstand: hoe werkt het?",
                "slug": "bijstand-hoe-werkt-het",
                "intro": (
                    "<p>Heb je geen werk en niet genoeg geld om van te leven? Dan kun je "
                    "misschien bijstand krijgen. In deze module lees je hoe bijstand werkt. "
                    "En wat je rechten en plichten zijn.</p>"
                ),
                "minutes": 20,
                "level": "start",
                "can_do": [
                    "Ik kan uitleggen wat bijstand is en wie het kan krijgen.",
                    "Ik kan bijstand aanvragen bij mijn gemeente.",
                    "Ik kan mijn rechten en plichten noemen.",
                    "Ik kan veranderingen meteen doorgeven aan de gemeente.",
                ],
                "steps": [
                    {
                        "title": "Wat is bijstand?",
                        "slug": "wat-is-bijstand",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p><strong>Bijstand</strong> is een uitkering van de gemeente. "
                                "Het is een vangnet. Je krijgt het als je niet genoeg geld hebt "
                                "om van te leven. En als je geen andere uitkering kunt "
                                "krijgen.</p>"
                                "<p>De regels staan in de <strong>Participatiewet</strong>. "
                                "Het idee is: je krijgt geld om van te leven. En de gemeente "
                                "helpt je op weg naar werk of meedoen.</p>",
                            ),
                            (
                                "text",
                                "<h3>Wie kan bijstand krijgen?</h3>"
                                "<ul>"
                                "<li>Je bent 18 jaar of ouder.</li>"
                                "<li>Je hebt de AOW-leeftijd nog niet bereikt.</li>"
                                "<li>Je woont in Nederland en je mag hier wonen.</li>"
                                "<li>Je inkomen en spaargeld zijn te laag om van te leven.</li>"
                                "<li>Je kunt geen andere uitkering krijgen, zoals WW.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Woon je samen met een partner? Dan kijkt de "
                                    "gemeente naar jullie samen. Woon je met andere volwassenen "
                                    "in één huis? Dan kan je uitkering lager zijn.</p>"
                                    "<p>De bedragen veranderen elk half jaar. Kijk op de site "
                                    "van de Rijksoverheid of je gemeente voor de bedragen van "
                                    "nu.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Waar vraag je bijstand aan?",
                                    "options": [
                                        {
                                            "answer": "Bij de gemeente waar je woont",
                                            "correct": True,
                                            "feedback": "Goed zo. De gemeente regelt de bijstand.",
                                        },
                                        {
                                            "answer": "Bij Dienst Toeslagen",
                                            "correct": False,
                                            "feedback": "Bijna. Bij Dienst Toeslagen vraag je "
                                            "toeslagen aan, zoals zorgtoeslag. Bijstand vraag je "
                                            "aan bij je gemeente.",
                                        },
                                        {
                                            "answer": "Bij het UWV",
                                            "correct": False,
                                            "feedback": "Logisch dat je daaraan denkt. Het UWV "
                                            "regelt bijvoorbeeld de WW. Maar bijstand vraag je "
                                            "aan bij je gemeente.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Bijstand",
                                    "organisation": "Rijksoverheid",
                                    "url": "https://www.rijksoverheid.nl/onderwerpen/bijstand",
                                    "description": "Uitleg over bijstand, met de bedragen van nu.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Bijstand aanvragen",
                        "slug": "bijstand-aanvragen",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Je vraagt bijstand aan bij je <strong>gemeente</strong>. "
                                "Vaak kan dat online met je DigiD. Je kunt ook bellen of "
                                "langsgaan.</p>"
                                "<p>Soms moet je je eerst inschrijven als werkzoekende op "
                                "<strong>werk.nl</strong>. Je gemeente vertelt je wat voor jou "
                                "geldt.</p>"
                                "<p>De gemeente moet binnen 8 weken beslissen. Duurt het lang "
                                "en heb je geen geld? Vraag dan om een "
                                "<strong>voorschot</strong>.</p>",
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Wacht niet te lang met aanvragen. Je krijgt "
                                    "bijstand meestal pas vanaf de dag dat je je meldt. Niet "
                                    "voor de tijd daarvoor.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Dit heb je vaak nodig",
                                    "items": [
                                        "Je identiteitsbewijs (paspoort of ID-kaart)",
                                        "Je bankafschriften van de laatste maanden",
                                        "Je huurcontract",
                                        "Bewijs van je inkomen, zoals loonstroken",
                                        "Gegevens van je partner, als je samenwoont",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Ben je jonger dan 27? Dan moet je soms eerst 4 "
                                    "weken zelf zoeken. Naar werk of naar een opleiding. Vraag "
                                    "je gemeente wat voor jou geldt.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Zoek het loket van je gemeente",
                                    "text": "<p>Zoek op de site van je gemeente naar "
                                    "'bijstand aanvragen'. Schrijf het telefoonnummer op. "
                                    "Leg je papieren alvast klaar.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Je rechten en plichten",
                        "slug": "rechten-en-plichten",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<h3>Je rechten</h3>"
                                "<ul>"
                                "<li>Je krijgt geld om van te leven.</li>"
                                "<li>De gemeente helpt je op weg naar werk of meedoen.</li>"
                                "<li>Heb je noodzakelijke kosten die je niet kunt betalen? "
                                "Dan kun je soms <strong>bijzondere bijstand</strong> "
                                "vragen.</li>"
                                "<li>Ben je het niet eens met een besluit? Dan kun je "
                                "<strong>bezwaar</strong> maken. Dat doe je binnen 6 weken.</li>"
                                "</ul>"
                                "<h3>Je plichten</h3>"
                                "<ul>"
                                "<li>Je vertelt de gemeente alles wat belangrijk is voor je "
                                "uitkering.</li>"
                                "<li>Je zoekt werk, of je doet mee aan wat je met de gemeente "
                                "afspreekt.</li>"
                                "<li>Je komt naar afspraken met de gemeente.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Kun je even niet werken, bijvoorbeeld door "
                                    "ziekte of zorg? Bespreek dat met je consulent. Soms "
                                    "worden de afspraken dan aangepast.</p>"
                                    "<p>Heb je een gesprek bij de gemeente? Neem gerust iemand "
                                    "mee die je vertrouwt.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je bent het niet eens met een besluit van de "
                                    "gemeente. Wat kun je doen?",
                                    "options": [
                                        {
                                            "answer": "Bezwaar maken binnen 6 weken",
                                            "correct": True,
                                            "feedback": "Ja, dat klopt. Je kunt ook eerst "
                                            "bellen om het besluit te bespreken.",
                                        },
                                        {
                                            "answer": "Niets, de gemeente beslist",
                                            "correct": False,
                                            "feedback": "Dat gevoel is heel begrijpelijk. Maar "
                                            "je hebt wel een stem. Je kunt binnen 6 weken "
                                            "bezwaar maken.",
                                        },
                                        {
                                            "answer": "Opnieuw aanvragen bij het UWV",
                                            "correct": False,
                                            "feedback": "Bijna. Het UWV gaat niet over "
                                            "bijstand. Je maakt bezwaar bij de gemeente, binnen "
                                            "6 weken.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Schrijf je vragen op",
                                    "text": "<p>Welke vragen heb jij voor de gemeente? "
                                    "Schrijf er drie op. Neem ze mee naar je volgende "
                                    "gesprek.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Veranderingen doorgeven",
                        "slug": "veranderingen-doorgeven",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Krijg je bijstand? Geef veranderingen dan "
                                "<strong>meteen</strong> door aan de gemeente. Ook als je "
                                "twijfelt of het belangrijk is. Dan kan de gemeente je "
                                "bedrag goed uitrekenen.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Dit geef je altijd door",
                                    "items": [
                                        "Je krijgt werk of ander inkomen, ook als het weinig is",
                                        "Iemand komt bij je wonen of gaat weg",
                                        "Je gaat verhuizen",
                                        "Je gaat naar het buitenland, ook voor vakantie",
                                        "Je krijgt een groot bedrag, zoals een erfenis of gift",
                                    ],
                                },
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Geef je een verandering niet door? Dan moet "
                                    "je misschien geld terugbetalen. Soms krijg je ook een "
                                    "boete. Twijfel je? Bel de gemeente en vraag het. Vragen "
                                    "stellen mag altijd.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je verdient een paar weken geld met een "
                                    "bijbaantje. Geef je dat door?",
                                    "options": [
                                        {
                                            "answer": "Ja, altijd",
                                            "correct": True,
                                            "feedback": "Helemaal goed. Ook kleine bedragen "
                                            "geef je door. De gemeente rekent uit wat dit voor "
                                            "jou betekent.",
                                        },
                                        {
                                            "answer": "Nee, het is maar een klein bedrag",
                                            "correct": False,
                                            "feedback": "Bijna. Ook een klein bedrag telt mee. "
                                            "Geef het door, dan voorkom je later problemen.",
                                        },
                                        {
                                            "answer": "Alleen als de gemeente ernaar vraagt",
                                            "correct": False,
                                            "feedback": "Begrijpelijke gedachte. Maar je moet "
                                            "het zelf doorgeven. Dan zit je altijd goed.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Bewaar het nummer",
                                    "text": "<p>Zet het telefoonnummer van je gemeente in je "
                                    "telefoon. Schrijf ook de naam van je consulent op. Zo kun "
                                    "je snel iets doorgeven.</p>",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. Geld & budget
    # ------------------------------------------------------------------
    {
        "name": "Geld & budget",
        "slug": "geld-budget",
        "description": "Grip op je geld: je budget, je rekeningen en hulp bij schulden.",
        "life_domain": "financien",
        "modules": [
            {
                "title": "Je maandbudget op een rij",
                "slug": "maandbudget-op-een-rij",
                "intro": (
                    "<p>Weet je hoeveel geld er elke maand binnenkomt? En hoeveel eruit gaat? "
                    "In deze module zet je dat op een rij. Zo krijg je meer rust en grip op "
                    "je geld.</p>"
                ),
                "minutes": 20,
                "level": "start",
                "can_do": [
                    "Ik kan mijn inkomsten per maand op een rij zetten.",
                    "Ik kan mijn vaste lasten en mijn huishoudgeld opschrijven.",
                    "Ik kan zien of ik geld overhoud of tekortkom.",
                    "Ik kan een plan maken om mijn budget vol te houden.",
                ],
                "steps": [
                    {
                        "title": "Wat komt er binnen?",
                        "slug": "inkomsten",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Een <strong>budget</strong> is een overzicht van je geld. "
                                "Je begint met wat er binnenkomt. Dat zijn je "
                                "<strong>inkomsten</strong>.</p>"
                                "<p>Denk aan:</p>"
                                "<ul>"
                                "<li>loon of een uitkering;</li>"
                                "<li>zorgtoeslag en huurtoeslag;</li>"
                                "<li>kinderbijslag en kindgebonden budget;</li>"
                                "<li>alimentatie of ander geld.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Kijk in je bankapp of op je afschriften van "
                                    "de laatste maand. Daar zie je wat er binnenkwam.</p>"
                                    "<p>Krijg je geld per kwartaal, zoals kinderbijslag? Deel "
                                    "het bedrag dan door 3. Dan weet je hoeveel het per maand "
                                    "is.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Mijn inkomsten",
                                    "items": [
                                        "Ik weet hoeveel loon of uitkering ik krijg",
                                        "Ik weet welke toeslagen ik krijg",
                                        "Ik weet of ik kinderbijslag of kindgebonden budget krijg",
                                        "Ik heb alles bij elkaar opgeteld",
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Schrijf je inkomsten op",
                                    "text": "<p>Pak een papier of open een notitie in je "
                                    "telefoon. Schrijf elk bedrag op dat elke maand binnenkomt. "
                                    "Tel alles op.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Wat gaat er uit?",
                        "slug": "uitgaven",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Nu kijk je naar je <strong>uitgaven</strong>. Er zijn drie "
                                "soorten:</p>"
                                "<ul>"
                                "<li><strong>Vaste lasten</strong>: elke maand ongeveer "
                                "hetzelfde. Zoals huur, energie, water, zorgverzekering, "
                                "telefoon en internet.</li>"
                                "<li><strong>Huishoudgeld</strong>: geld voor elke dag. "
                                "Zoals boodschappen, schoonmaakspullen en vervoer.</li>"
                                "<li><strong>Geld voor later</strong>: voor dingen die je niet "
                                "elke maand koopt. Zoals kleding, een nieuwe wasmachine of je "
                                "eigen risico. Het Nibud noemt dit "
                                "<em>reserveringsuitgaven</em>.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Vergeet kleine abonnementen niet. Denk aan "
                                    "streaming, apps of de sportclub. Samen tellen ze snel "
                                    "op.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Bij welke soort uitgaven hoort je "
                                    "zorgverzekering?",
                                    "options": [
                                        {
                                            "answer": "Vaste lasten",
                                            "correct": True,
                                            "feedback": "Goed zo. Je betaalt het elke maand. "
                                            "En het bedrag is steeds hetzelfde.",
                                        },
                                        {
                                            "answer": "Huishoudgeld",
                                            "correct": False,
                                            "feedback": "Bijna. Huishoudgeld is voor dingen als "
                                            "boodschappen. De zorgverzekering betaal je elke "
                                            "maand. Dat is een vaste last.",
                                        },
                                        {
                                            "answer": "Geld voor later",
                                            "correct": False,
                                            "feedback": "Goed gedacht voor je eigen risico. Maar "
                                            "de premie betaal je elke maand. Dat is een vaste "
                                            "last.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Schrijf je uitgaven op",
                                    "text": "<p>Schrijf eerst je vaste lasten op. Kijk daarna "
                                    "hoeveel je in een maand uitgeeft aan boodschappen. Tel "
                                    "alles op.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Hou je geld over?",
                        "slug": "geld-over-of-tekort",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Nu maak je de som:</p>"
                                "<p><strong>Inkomsten min uitgaven = wat je overhoudt.</strong>"
                                "</p>"
                                "<p>Blijft er geld over? Mooi. Dan kun je een beetje sparen. "
                                "Kom je tekort? Dan weet je nu waar je kunt kijken. Dat is al "
                                "een sterke stap.</p>",
                            ),
                            (
                                "question",
                                {
                                    "question": "Je komt elke maand geld tekort. Wat is een "
                                    "goede eerste stap?",
                                    "options": [
                                        {
                                            "answer": "Kijken welke uitgaven omlaag kunnen",
                                            "correct": True,
                                            "feedback": "Ja, goed. Kijk ook of je alle "
                                            "toeslagen krijgt waar je recht op hebt.",
                                        },
                                        {
                                            "answer": "Hulp vragen bij de gemeente",
                                            "correct": True,
                                            "feedback": "Ja, ook een goede stap. Hulp vragen is "
                                            "heel gewoon. De gemeente kan met je meekijken.",
                                        },
                                        {
                                            "answer": "Snel geld lenen",
                                            "correct": False,
                                            "feedback": "Begrijpelijk als je krap zit. Maar "
                                            "lenen kost vaak veel extra geld. Kijk eerst naar je "
                                            "uitgaven en vraag hulp.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Pas op met lenen, kopen op afbetaling en "
                                    "'achteraf betalen'. Het lijkt makkelijk. Maar het wordt "
                                    "snel een schuld.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Het Nibud heeft gratis hulpmiddelen om je "
                                    "budget te maken. Een schrift werkt ook prima. Kies wat "
                                    "bij jou past.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Nibud",
                                    "organisation": "Nibud",
                                    "url": "https://www.nibud.nl",
                                    "description": "Tips en gratis hulpmiddelen om je geld "
                                    "op een rij te zetten.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Zo houd je het vol",
                        "slug": "volhouden",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Een budget maken is één ding. Het volhouden is de kunst. "
                                "Deze tips helpen veel mensen:</p>"
                                "<ul>"
                                "<li>Betaal je vaste lasten meteen als je geld binnenkomt.</li>"
                                "<li>Zet geld voor later op een aparte rekening.</li>"
                                "<li>Neem contant geld mee voor boodschappen. Dan zie je wat "
                                "je uitgeeft.</li>"
                                "<li>Kijk elke week even in je bankapp.</li>"
                                "</ul>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Mijn plan",
                                    "items": [
                                        "Ik betaal mijn vaste lasten op de dag dat mijn geld "
                                        "binnenkomt",
                                        "Ik heb een vast bedrag per week voor boodschappen",
                                        "Ik zet elke maand een klein bedrag opzij",
                                        "Ik kijk één keer per week naar mijn geld",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Gaat het een keer mis? Dat is heel gewoon. "
                                    "Kijk wat er gebeurde en begin opnieuw. Elke week is een "
                                    "nieuwe kans.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Kies één tip",
                                    "text": "<p>Kies één tip die je deze maand probeert. "
                                    "Schrijf hem op een briefje. Hang het op een plek waar je "
                                    "het vaak ziet.</p>",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Rekeningen en schulden: wat nu?",
                "slug": "rekeningen-en-schulden",
                "intro": (
                    "<p>Heb je rekeningen die je niet kunt betalen? Dat overkomt veel mensen. "
                    "Je staat er niet alleen voor. In deze module leer je wat je kunt doen. "
                    "Stap voor stap.</p>"
                ),
                "minutes": 20,
                "level": "verder",
                "can_do": [
                    "Ik kan mijn post openen en ordenen.",
                    "Ik kan kiezen welke rekeningen ik eerst betaal.",
                    "Ik kan een schuldeiser bellen en om een betalingsregeling vragen.",
                    "Ik kan gratis hulp vragen bij de gemeente.",
                ],
                "steps": [
                    {
                        "title": "Open je post",
                        "slug": "open-je-post",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Veel mensen met geldzorgen laten de post dicht. Dat is "
                                "heel begrijpelijk. Een dichte envelop voelt veiliger. Maar het "
                                "probleem wordt dan vaak groter.</p>"
                                "<p>Als je de post opent, weet je waar je staat. Dat is de "
                                "eerste stap naar rust.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Zo orden je je post",
                                    "items": [
                                        "Ik maak alle brieven open, alleen of samen met iemand",
                                        "Ik leg alle rekeningen op één stapel",
                                        "Ik kijk op elke brief: van wie, hoeveel en wanneer",
                                        "Ik bewaar alles in één map of doos",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Voelt het zwaar? Doe het dan niet alleen. "
                                    "Vraag een vriend, familielid of hulpverlener om naast je "
                                    "te zitten.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Open vandaag drie brieven",
                                    "text": "<p>Je hoeft niet alles in één keer te doen. Open "
                                    "vandaag drie brieven. Leg ze in je map. Goed gedaan!</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Wat betaal je eerst?",
                        "slug": "wat-betaal-je-eerst",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Heb je niet genoeg geld voor alles? Betaal dan eerst wat "
                                "het belangrijkst is. Dat zijn de rekeningen voor je huis en je "
                                "gezondheid:</p>"
                                "<ol>"
                                "<li><strong>Huur</strong> of hypotheek</li>"
                                "<li><strong>Energie</strong> (gas en stroom) en "
                                "<strong>water</strong></li>"
                                "<li><strong>Zorgverzekering</strong></li>"
                                "</ol>"
                                "<p>Betaal je deze lang niet? Dan kun je je huis kwijtraken. Of "
                                "je gas en stroom worden afgesloten. Daarna komen andere "
                                "rekeningen, zoals je telefoon of een webwinkel.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Moet je gemeentelijke belastingen betalen? En "
                                    "heb je weinig geld? Vraag dan <strong>kwijtschelding"
                                    "</strong> aan. Dan hoef je een deel of alles niet te "
                                    "betalen. Dat kan ook bij het waterschap.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je hebt niet genoeg geld voor alle "
                                    "rekeningen. Welke betaal je eerst?",
                                    "options": [
                                        {
                                            "answer": "De huur",
                                            "correct": True,
                                            "feedback": "Goed gekozen. Zo houd je je huis. "
                                            "Energie, water en je zorgverzekering komen direct "
                                            "daarna.",
                                        },
                                        {
                                            "answer": "De rekening van een webwinkel",
                                            "correct": False,
                                            "feedback": "Bijna. Die rekening is ook belangrijk. "
                                            "Maar je huis gaat voor. Betaal eerst huur, energie, "
                                            "water en zorgverzekering.",
                                        },
                                        {
                                            "answer": "Je streamingabonnement",
                                            "correct": False,
                                            "feedback": "Begrijpelijk, je wilt geen gedoe. Maar "
                                            "je huis en je zorg gaan voor. Een abonnement kun je "
                                            "vaak ook even stopzetten.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Maak een lijstje",
                                    "text": "<p>Pak je stapel rekeningen. Leg huur, energie, "
                                    "water en zorgverzekering bovenop. Die betaal je eerst.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Bel de schuldeiser",
                        "slug": "bel-de-schuldeiser",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Een <strong>schuldeiser</strong> is de organisatie waar je "
                                "geld aan moet betalen. Kun je niet op tijd betalen? Bel of mail "
                                "dan zo snel mogelijk. Vraag om een "
                                "<strong>betalingsregeling</strong>. Dan betaal je elke maand "
                                "een klein deel.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Zo bereid je het gesprek voor",
                                    "items": [
                                        "Ik pak de brief met het klantnummer of factuurnummer",
                                        "Ik weet hoeveel ik elke maand wél kan betalen",
                                        "Ik schrijf op wat ik wil vragen",
                                        "Ik vraag of ze de afspraak per brief of mail sturen",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "Zo kun je het zeggen",
                                    "text": "<p>'Ik kan nu niet alles betalen. Wel 20 euro "
                                    "per maand. Kunnen we dat afspreken?'</p>"
                                    "<p>Vul zelf het bedrag in dat bij jou past.</p>",
                                },
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Krijg je een brief dat je binnen 14 dagen "
                                    "moet betalen? Reageer dan op tijd. Daarna kunnen er extra "
                                    "kosten bij komen. Beloof nooit meer dan je kunt "
                                    "betalen.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Bel één schuldeiser",
                                    "text": "<p>Kies de rekening die het meest dringend is. "
                                    "Bel deze week. Schrijf op wat jullie afspreken.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Gratis hulp bij schulden",
                        "slug": "gratis-hulp-bij-schulden",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Zijn het te veel rekeningen? Dan kun je hulp vragen bij je "
                                "<strong>gemeente</strong>. Dat heet "
                                "<strong>schuldhulpverlening</strong>. Deze hulp is "
                                "<strong>gratis</strong>. Iedereen in de gemeente kan erom "
                                "vragen.</p>"
                                "<p>Samen maak je een overzicht. Daarna zoek je samen een "
                                "oplossing die past.</p>"
                                "<p>Soms neemt de gemeente zelf contact op, als je huur of "
                                "energie niet betaald is. Dat is om je te helpen, niet om je "
                                "te straffen.</p>",
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Pas op voor bedrijven die snel geld beloven. "
                                    "Of die geld vragen voor hulp bij schulden. De hulp van de "
                                    "gemeente is gratis.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Wat kost schuldhulpverlening van de gemeente?",
                                    "options": [
                                        {
                                            "answer": "Niets, het is gratis",
                                            "correct": True,
                                            "feedback": "Klopt. Je kunt er dus gewoon om vragen.",
                                        },
                                        {
                                            "answer": "Een vast bedrag per maand",
                                            "correct": False,
                                            "feedback": "Bijna. Sommige bedrijven vragen wel "
                                            "geld. Maar de hulp van de gemeente is gratis.",
                                        },
                                        {
                                            "answer": "Dat hangt af van hoe groot je schuld is",
                                            "correct": False,
                                            "feedback": "Goede vraag. Maar nee: de "
                                            "schuldhulpverlening van de gemeente is gratis.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Doe de Geldfit-test",
                                    "text": "<p>Op Geldfit doe je een korte test. Je ziet "
                                    "dan welke hulp bij jou past. Of bel meteen je gemeente en "
                                    "vraag naar schuldhulp.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Geldfit",
                                    "organisation": "Geldfit",
                                    "url": "https://www.geldfit.nl",
                                    "description": "Een korte test en hulp bij geldzorgen bij "
                                    "jou in de buurt.",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Schulden",
                                    "organisation": "Rijksoverheid",
                                    "url": "https://www.rijksoverheid.nl/onderwerpen/schulden",
                                    "description": "Uitleg over schulden en schuldhulp van de "
                                    "gemeente.",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. Opvoeden
    # ------------------------------------------------------------------
    {
        "name": "Opvoeden",
        "slug": "opvoeden",
        "description": "Tips voor het dagelijks leven met kinderen, van zakgeld tot bedtijd.",
        "life_domain": "opvoeding",
        "modules": [
            {
                "title": "Praten met je kind over geld",
                "slug": "praten-met-je-kind-over-geld",
                "intro": (
                    "<p>Kinderen leren veel over geld van hun ouders. Je hoeft geen expert te "
                    "zijn. In deze module krijg je tips om rustig over geld te praten. Op een "
                    "manier die past bij de leeftijd van je kind.</p>"
                ),
                "minutes": 15,
                "level": "start",
                "can_do": [
                    "Ik kan met mijn kind over geld praten op een manier die past bij de leeftijd.",
                    "Ik kan mijn kind het verschil leren tussen nodig hebben en willen hebben.",
                    "Ik kan afspraken maken over zakgeld.",
                    "Ik kan mijn kind helpen om te sparen voor iets wat het graag wil.",
                ],
                "steps": [
                    {
                        "title": "Eerlijk en rustig praten",
                        "slug": "eerlijk-en-rustig-praten",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Kinderen merken het als er weinig geld is. Ook als je er "
                                "niet over praat. Daarom is het goed om eerlijk te zijn. Zeg "
                                "het op een rustige manier.</p>"
                                "<p>Bijvoorbeeld: 'Dat kopen we nu niet. Ons geld is voor eten "
                                "en de huur.'</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Geef je kind niet de zorgen van grote mensen. "
                                    "Praat niet over schulden als je kind erbij is. Zeg wel: "
                                    "'Dit regelen wij. Jij hoeft je daar geen zorgen over te "
                                    "maken.'</p>",
                                },
                            ),
                            (
                                "text",
                                "<h3>Per leeftijd</h3>"
                                "<ul>"
                                "<li><strong>Jonge kinderen</strong>: laat zien dat je met geld "
                                "betaalt. Tel samen munten.</li>"
                                "<li><strong>Basisschoolkinderen</strong>: laat ze meedenken "
                                "bij de boodschappen. Vergelijk samen prijzen.</li>"
                                "<li><strong>Tieners</strong>: praat over telefoonabonnementen, "
                                "online kopen en reclame.</li>"
                                "</ul>",
                            ),
                            (
                                "question",
                                {
                                    "question": "Je kind wil duur speelgoed. Er is geen geld "
                                    "voor. Wat zeg je?",
                                    "options": [
                                        {
                                            "answer": "'Dat kopen we nu niet. Ons geld is voor "
                                            "belangrijke dingen.'",
                                            "correct": True,
                                            "feedback": "Mooi. Je bent eerlijk en rustig. Zo "
                                            "leert je kind dat je keuzes maakt met geld.",
                                        },
                                        {
                                            "answer": "'We zijn arm, dat kan nooit.'",
                                            "correct": False,
                                            "feedback": "Dat is eerlijk bedoeld. Maar je kind "
                                            "kan er ongerust van worden. Probeer het rustig te "
                                            "zeggen, zonder zorgen mee te geven.",
                                        },
                                        {
                                            "answer": "Het toch kopen om ruzie te voorkomen",
                                            "correct": False,
                                            "feedback": "Heel menselijk. Maar dan kom je zelf "
                                            "misschien tekort. 'Nee' zeggen mag, ook als je kind "
                                            "verdrietig is.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Probeer het deze week",
                                    "text": "<p>Neem je kind mee naar de winkel. Laat het "
                                    "twee prijzen vergelijken. Vraag: 'Welke is "
                                    "goedkoper?'</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Nodig hebben of willen hebben?",
                        "slug": "nodig-of-willen",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Een belangrijke les over geld: wat <strong>heb je "
                                "nodig</strong>? En wat <strong>wil je hebben</strong>?</p>"
                                "<ul>"
                                "<li><strong>Nodig</strong>: eten, een jas in de winter, "
                                "schoenen die passen.</li>"
                                "<li><strong>Willen</strong>: snoep, een nieuw spelletje, "
                                "merkschoenen.</li>"
                                "</ul>"
                                "<p>Willen hebben is niet fout. Maar eerst komt wat nodig "
                                "is.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Maak er een spel van. Noem samen dingen op en "
                                    "kies: nodig of willen? Kinderen vinden dat vaak leuk.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Praat hierover met je kind",
                                    "items": [
                                        "Wat hebben we echt nodig deze week?",
                                        "Wat zou je graag willen hebben?",
                                        "Hoe kun je sparen voor iets wat je graag wilt?",
                                    ],
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Wat heeft je kind echt nodig?",
                                    "options": [
                                        {
                                            "answer": "Een winterjas die past",
                                            "correct": True,
                                            "feedback": "Ja, dat klopt. Een warme jas is nodig "
                                            "in de winter.",
                                        },
                                        {
                                            "answer": "Een nieuwe spelcomputer",
                                            "correct": False,
                                            "feedback": "Bijna. Een spelcomputer is leuk, maar "
                                            "niet nodig. Dat is iets wat je kind wil hebben.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Doe het spel",
                                    "text": "<p>Speel vandaag 'nodig of willen' met je kind. "
                                    "Bijvoorbeeld aan tafel of onderweg.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Zakgeld",
                        "slug": "zakgeld",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Met <strong>zakgeld</strong> leert je kind omgaan met "
                                "geld. Je kind leert kiezen, sparen en wachten. Ook met een "
                                "klein bedrag leer je veel.</p>"
                                "<p>Veel ouders beginnen als hun kind een jaar of 6 is. Kies "
                                "een bedrag dat past bij jullie budget.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Goede afspraken over zakgeld",
                                    "items": [
                                        "Hoeveel krijgt mijn kind, en hoe vaak?",
                                        "Op welke dag krijgt mijn kind het?",
                                        "Wat betaalt mijn kind zelf van zijn zakgeld?",
                                        "Wat gebeurt er als het geld op is?",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Is het geld op? Geef dan niet meteen extra. "
                                    "Zo leert je kind vooruit denken. Dat is een waardevolle "
                                    "les.</p>"
                                    "<p>Tieners kunnen soms ook <strong>kleedgeld</strong> "
                                    "krijgen. Daarvan kopen ze zelf hun kleding.</p>",
                                },
                            ),
                            (
                                "text",
                                "<p>Is er weinig geld voor sport, school of een verjaardag? In "
                                "veel gemeenten is er hulp voor kinderen. Vraag bij je gemeente "
                                "naar regelingen voor kinderen.</p>",
                            ),
                            (
                                "source",
                                {
                                    "title": "Nibud",
                                    "organisation": "Nibud",
                                    "url": "https://www.nibud.nl",
                                    "description": "Adviezen over zakgeld en kleedgeld per "
                                    "leeftijd.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Samen sparen",
                        "slug": "samen-sparen",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Sparen leert je kind geduld. Het leert ook: als je wacht, "
                                "kun je iets moois kopen.</p>"
                                "<ul>"
                                "<li>Gebruik een spaarpot die je kind kan zien. Een doorzichtige "
                                "pot werkt goed.</li>"
                                "<li>Kies samen een doel. Bijvoorbeeld een bal of een boek.</li>"
                                "<li>Teken het doel en hang de tekening op.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Ben je trots? Zeg het! 'Wat knap dat je hebt "
                                    "gespaard.' Een compliment helpt je kind om door te "
                                    "gaan.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je kind wil sparen voor een bal. Wat helpt?",
                                    "options": [
                                        {
                                            "answer": "Samen het doel tekenen en ophangen",
                                            "correct": True,
                                            "feedback": "Mooi idee. Zo ziet je kind elke dag "
                                            "waar het voor spaart.",
                                        },
                                        {
                                            "answer": "Complimenten geven als het lukt",
                                            "correct": True,
                                            "feedback": "Ja! Een compliment geeft je kind zin "
                                            "om door te gaan.",
                                        },
                                        {
                                            "answer": "Het geld wegleggen waar je kind het niet "
                                            "ziet",
                                            "correct": False,
                                            "feedback": "Dat voelt misschien veilig. Maar "
                                            "kinderen leren meer als ze hun geld zien groeien. "
                                            "Een doorzichtige pot werkt goed.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Kies een spaardoel",
                                    "text": "<p>Vraag je kind: 'Waar wil jij voor sparen?' "
                                    "Teken of schrijf het samen op.</p>",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Rust en regelmaat",
                "slug": "rust-en-regelmaat",
                "intro": (
                    "<p>Kinderen voelen zich veilig als ze weten wat er komt. Vaste tijden "
                    "voor eten, slapen en spelen helpen daarbij. In deze module leer je hoe "
                    "je meer rust in huis brengt. En waar je hulp vindt als het even niet "
                    "lukt.</p>"
                ),
                "minutes": 20,
                "level": "start",
                "can_do": [
                    "Ik kan een vast dagritme maken voor mijn gezin.",
                    "Ik kan een rustig bedritueel opbouwen met mijn kind.",
                    "Ik kan samen met mijn kind afspraken maken over schermen.",
                    "Ik kan hulp vragen bij opvoeden als ik dat wil.",
                ],
                "steps": [
                    {
                        "title": "Een vast dagritme",
                        "slug": "vast-dagritme",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Regelmaat betekent: dingen gebeuren elke dag ongeveer op "
                                "dezelfde tijd. Zoals opstaan, eten en naar bed gaan. Dat geeft "
                                "kinderen houvast. En het geeft jou ook rust.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Vaste momenten op een dag",
                                    "items": [
                                        "Opstaan en ontbijten",
                                        "Naar school of opvang",
                                        "Samen eten",
                                        "Tijd om te spelen of buiten te zijn",
                                        "Naar bed gaan",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Maak een dagschema met plaatjes. Hang het op "
                                    "in de keuken. Jonge kinderen zien dan zelf wat er "
                                    "komt.</p>"
                                    "<p>Het hoeft niet perfect. Lukt het een dag niet? Morgen "
                                    "probeer je het weer.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Kies één vast moment",
                                    "text": "<p>Kies één moment dat je vanaf morgen elke dag "
                                    "op dezelfde tijd doet. Bijvoorbeeld samen eten om 18.00 "
                                    "uur.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Goed slapen",
                        "slug": "goed-slapen",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Kinderen hebben veel slaap nodig. Meer dan volwassenen. "
                                "Wie goed slaapt, kan beter leren en spelen.</p>"
                                "<p>Een vast <strong>bedritueel</strong> helpt. Dat is elke "
                                "avond hetzelfde rijtje dingen voor het slapen.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Een voorbeeld van een bedritueel",
                                    "items": [
                                        "Tanden poetsen en pyjama aan",
                                        "Een verhaal lezen of een liedje zingen",
                                        "Even kletsen over de dag",
                                        "Licht uit, elke avond op dezelfde tijd",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Zet schermen een uur voor het slapen uit. Het "
                                    "licht van een scherm houdt je kind wakker. Een verhaal "
                                    "helpt juist om rustig te worden.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Wat helpt je kind het best om in slaap te vallen?",
                                    "options": [
                                        {
                                            "answer": "Elke avond hetzelfde bedritueel",
                                            "correct": True,
                                            "feedback": "Ja. Je kind weet dan wat er komt. "
                                            "Zo komt het tot rust.",
                                        },
                                        {
                                            "answer": "Een filmpje kijken in bed",
                                            "correct": False,
                                            "feedback": "Dat vinden veel kinderen fijn. Maar "
                                            "het licht van het scherm houdt ze wakker. Een "
                                            "verhaal werkt vaak beter.",
                                        },
                                        {
                                            "answer": "Elke avond een andere bedtijd",
                                            "correct": False,
                                            "feedback": "Bijna. Kinderen slapen beter met een "
                                            "vaste tijd. Hun lichaam went daaraan.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Begin vanavond",
                                    "text": "<p>Kies drie dingen voor het bedritueel. Doe ze "
                                    "vanavond in dezelfde volgorde. En morgen weer.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Afspraken over schermen",
                        "slug": "afspraken-over-schermen",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Telefoons, tablets en tv horen bij het leven. Dat is niet "
                                "erg. Maar goede afspraken helpen. Zo blijft er tijd voor "
                                "slapen, buiten spelen en samen zijn.</p>"
                                "<p>Maak de afspraken samen met je kind. Dan houdt je kind zich "
                                "er beter aan.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Ideeën voor afspraken",
                                    "items": [
                                        "Geen schermen tijdens het eten",
                                        "'s Nachts geen telefoon of tablet in de slaapkamer",
                                        "Eerst huiswerk, dan spelen op de tablet",
                                        "Een vaste tijd per dag voor games of filmpjes",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Jij bent het voorbeeld. Leg je eigen telefoon "
                                    "ook weg tijdens het eten. Kinderen doen na wat ze "
                                    "zien.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Hoe maak je afspraken over schermen die werken?",
                                    "options": [
                                        {
                                            "answer": "Samen met je kind, en je houdt je er "
                                            "zelf ook aan",
                                            "correct": True,
                                            "feedback": "Precies. Zo voelt je kind zich serieus "
                                            "genomen. En jij geeft het goede voorbeeld.",
                                        },
                                        {
                                            "answer": "Pas iets zeggen als het misgaat",
                                            "correct": False,
                                            "feedback": "Begrijpelijk als je moe bent. Maar "
                                            "vooraf afspreken geeft minder ruzie. Probeer het "
                                            "eens samen.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Maak één afspraak",
                                    "text": "<p>Praat vandaag met je kind. Maak samen één "
                                    "afspraak over schermen. Schrijf hem op en hang hem "
                                    "op.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Hulp bij opvoeden",
                        "slug": "hulp-bij-opvoeden",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Opvoeden is mooi, maar soms ook zwaar. Iedere ouder heeft "
                                "weleens vragen of twijfels. Het is heel gewoon om hulp te "
                                "vragen. Het laat zien dat je goed voor je kind wilt "
                                "zorgen.</p>",
                            ),
                            (
                                "text",
                                "<h3>Hier kun je terecht</h3>"
                                "<ul>"
                                "<li>Het <strong>Centrum voor Jeugd en Gezin</strong> of het "
                                "<strong>jeugdteam</strong> van je gemeente. De naam is per "
                                "gemeente anders.</li>"
                                "<li>Het <strong>consultatiebureau</strong>, voor kinderen tot "
                                "4 jaar.</li>"
                                "<li>De <strong>jeugdarts</strong> of "
                                "<strong>jeugdverpleegkundige</strong> voor schoolkinderen.</li>"
                                "<li>Je <strong>huisarts</strong>.</li>"
                                "</ul>"
                                "<p>Voor een gesprek of advies betaal je meestal niets.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Ook ouders hebben rust nodig. Vraag iemand uit "
                                    "je omgeving om af en toe op te passen. Een uurtje voor "
                                    "jezelf helpt echt.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Zoek het nummer op",
                                    "text": "<p>Zoek op de site van je gemeente naar "
                                    "'opvoeden' of 'jeugdteam'. Zet het telefoonnummer in je "
                                    "telefoon. Dan heb je het als je het nodig hebt.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Opvoedinformatie Nederland",
                                    "organisation": "Opvoedinformatie Nederland",
                                    "url": "https://www.opvoedinformatie.nl",
                                    "description": "Betrouwbare tips over opvoeden, voor elke "
                                    "leeftijd.",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. Werk zoeken
    # ------------------------------------------------------------------
    {
        "name": "Werk zoeken",
        "slug": "werk-zoeken",
        "description": "Stap voor stap naar werk: je cv, je brief en het gesprek.",
        "life_domain": "dagbesteding",
        "modules": [
            {
                "title": "Een cv schrijven",
                "slug": "een-cv-schrijven",
                "intro": (
                    "<p>Een cv is een overzicht van wie je bent en wat je kunt. Werkgevers "
                    "lezen het als eerste. In deze module maak je stap voor stap je eigen cv. "
                    "Je kunt meer dan je denkt.</p>"
                ),
                "minutes": 20,
                "level": "start",
                "can_do": [
                    "Ik kan uitleggen wat een cv is en wat erop staat.",
                    "Ik kan mijn persoonlijke gegevens goed op mijn cv zetten.",
                    "Ik kan mijn werkervaring en vrijwilligerswerk beschrijven.",
                    "Ik kan mijn sterke kanten opschrijven.",
                ],
                "steps": [
                    {
                        "title": "Wat is een cv?",
                        "slug": "wat-is-een-cv",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Op je <strong>cv</strong> staat wat je hebt gedaan en wat "
                                "je kunt. Een werkgever ziet zo snel of je bij de baan "
                                "past.</p>"
                                "<p>Een goed cv is:</p>"
                                "<ul>"
                                "<li><strong>kort</strong>: 1 of 2 kantjes;</li>"
                                "<li><strong>duidelijk</strong>: met kopjes, zodat je het snel "
                                "leest;</li>"
                                "<li><strong>eerlijk</strong>: alles klopt.</li>"
                                "</ul>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Dit staat op een cv",
                                    "items": [
                                        "Je persoonlijke gegevens",
                                        "Je werkervaring, ook vrijwilligerswerk",
                                        "Je opleidingen en cursussen",
                                        "Je vaardigheden en talen",
                                        "Als je wilt: je hobby's",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Zet het nieuwste bovenaan. Dus je laatste "
                                    "baan of opleiding eerst.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Hoe lang is een goed cv?",
                                    "options": [
                                        {
                                            "answer": "1 of 2 kantjes",
                                            "correct": True,
                                            "feedback": "Goed zo. Kort en duidelijk werkt het "
                                            "best.",
                                        },
                                        {
                                            "answer": "Zo lang als nodig, met alles erop",
                                            "correct": False,
                                            "feedback": "Bijna. Fijn dat je veel wilt laten "
                                            "zien. Maar werkgevers lezen snel. Houd het bij 1 of "
                                            "2 kantjes.",
                                        },
                                        {
                                            "answer": "Een paar zinnen",
                                            "correct": False,
                                            "feedback": "Dat is misschien te kort. Met 1 of 2 "
                                            "kantjes laat je goed zien wat je kunt.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Maak een begin",
                                    "text": "<p>Open een leeg document of pak een papier. "
                                    "Zet de kopjes erop: Gegevens, Werkervaring, Opleiding, "
                                    "Vaardigheden.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Je persoonlijke gegevens",
                        "slug": "persoonlijke-gegevens",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Bovenaan je cv zet je je <strong>persoonlijke "
                                "gegevens</strong>. Zo kan een werkgever je bereiken.</p>"
                                "<ul>"
                                "<li>Je naam</li>"
                                "<li>Je woonplaats</li>"
                                "<li>Je telefoonnummer</li>"
                                "<li>Je e-mailadres</li>"
                                "</ul>"
                                "<p>Je geboortedatum en een foto zijn niet verplicht. Jij "
                                "kiest of je ze erop zet.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Gebruik een net e-mailadres. Bijvoorbeeld met "
                                    "je voornaam en achternaam. Een gratis e-mailadres is "
                                    "prima.</p>",
                                },
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Zet je <strong>BSN</strong> "
                                    "(burgerservicenummer) nooit op je cv. Je bankrekening "
                                    "hoort er ook niet op. Dat is privé.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Wat zet je NIET op je cv?",
                                    "options": [
                                        {
                                            "answer": "Je BSN",
                                            "correct": True,
                                            "feedback": "Goed. Je BSN is privé. Dat geef je pas "
                                            "als je de baan hebt.",
                                        },
                                        {
                                            "answer": "Je telefoonnummer",
                                            "correct": False,
                                            "feedback": "Bijna. Je telefoonnummer zet je er juist "
                                            "wel op. Dan kan de werkgever je bellen.",
                                        },
                                        {
                                            "answer": "Je woonplaats",
                                            "correct": False,
                                            "feedback": "Je woonplaats mag er gewoon op. Een "
                                            "werkgever ziet dan of je dichtbij woont.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Vul je gegevens in",
                                    "text": "<p>Schrijf je gegevens bovenaan je cv. Kijk je "
                                    "telefoonnummer en e-mailadres twee keer na.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Je ervaring",
                        "slug": "je-ervaring",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Onder <strong>werkervaring</strong> zet je de banen die je "
                                "hebt gehad. Schrijf per baan:</p>"
                                "<ul>"
                                "<li>de naam van het bedrijf;</li>"
                                "<li>wat je functie was;</li>"
                                "<li>van wanneer tot wanneer;</li>"
                                "<li>wat je daar deed, in een paar korte zinnen.</li>"
                                "</ul>"
                                "<h3>Ook vrijwilligerswerk telt</h3>"
                                "<p>Heb je vrijwilligerswerk gedaan? Zet het op je cv. "
                                "Bijvoorbeeld bij de sportclub, de school of een buurthuis. "
                                "Daar heb je echt veel geleerd.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Heb je een tijd niet gewerkt? Dat is heel "
                                    "gewoon. Schrijf eerlijk en kort wat je deed. Bijvoorbeeld: "
                                    "'zorg voor mijn kinderen' of 'zorg voor een "
                                    "familielid'.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Welke ervaring heb jij?",
                                    "items": [
                                        "Betaald werk, ook bijbaantjes",
                                        "Vrijwilligerswerk",
                                        "Stages of werkervaringsplekken",
                                        "Zorg voor kinderen of familie",
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Schrijf je ervaring op",
                                    "text": "<p>Zet al je ervaring op een rij. Ook dingen die "
                                    "je klein vindt. Kies daarna wat op je cv komt.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Je sterke kanten",
                        "slug": "sterke-kanten",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Werkgevers willen weten wat je kunt. Dat zijn je "
                                "<strong>vaardigheden</strong>. Iedereen heeft sterke kanten. "
                                "Jij ook.</p>"
                                "<p>Voorbeelden:</p>"
                                "<ul>"
                                "<li>Ik ben op tijd en betrouwbaar.</li>"
                                "<li>Ik kan goed plannen.</li>"
                                "<li>Ik werk graag met mensen.</li>"
                                "<li>Ik spreek Nederlands en nog een andere taal.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Weet je niet wat je sterke kanten zijn? Vraag "
                                    "het aan iemand die je goed kent. Die ziet vaak meer dan je "
                                    "denkt.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je hebt jaren voor je zieke moeder gezorgd. "
                                    "Wat kun je daarvan op je cv zetten?",
                                    "options": [
                                        {
                                            "answer": "Dat ik goed kan zorgen, plannen en "
                                            "volhouden",
                                            "correct": True,
                                            "feedback": "Mooi gezien. Zorgen voor iemand leert "
                                            "je veel. Dat zijn echte vaardigheden.",
                                        },
                                        {
                                            "answer": "Niets, want dat was geen werk",
                                            "correct": False,
                                            "feedback": "Dat denken veel mensen. Maar je hebt er "
                                            "veel van geleerd. Denk aan plannen, zorgen en "
                                            "doorzetten. Dat mag op je cv.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Maak je cv af",
                                    "text": "<p>Zet drie sterke kanten op je cv. Sla je cv op "
                                    "als pdf. Vraag iemand om het nog eens te lezen.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "werk.nl",
                                    "organisation": "UWV",
                                    "url": "https://www.werk.nl",
                                    "description": "Vacatures en tips voor je cv en solliciteren.",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Solliciteren en het gesprek",
                "slug": "solliciteren-en-het-gesprek",
                "intro": (
                    "<p>Heb je een vacature gevonden die je leuk vindt? Dan ga je "
                    "solliciteren. In deze module leer je een korte brief schrijven. En je "
                    "bereidt je voor op het gesprek.</p>"
                ),
                "minutes": 20,
                "level": "verder",
                "can_do": [
                    "Ik kan vacatures zoeken en hulp vinden bij het UWV en de gemeente.",
                    "Ik kan een korte motivatiebrief schrijven.",
                    "Ik kan me voorbereiden op een sollicitatiegesprek.",
                    "Ik kan na het gesprek een volgende stap zetten.",
                ],
                "steps": [
                    {
                        "title": "Vacatures en hulp vinden",
                        "slug": "vacatures-en-hulp",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Een <strong>vacature</strong> is een baan die vrij is. Je "
                                "vindt vacatures:</p>"
                                "<ul>"
                                "<li>op <strong>werk.nl</strong>, de website van het UWV;</li>"
                                "<li>op vacaturesites en de sites van bedrijven;</li>"
                                "<li>via mensen die je kent. Veel banen gaan via via.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<h3>Hulp bij werk zoeken</h3>"
                                "<p>In veel regio's is er een <strong>Werkplein</strong>. "
                                "Daar werken het UWV en de gemeente samen. Je kunt er hulp "
                                "krijgen bij werk zoeken. Heb je een uitkering? Dan helpt je "
                                "consulent je ook.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Vertel mensen om je heen dat je werk zoekt. "
                                    "Familie, buren of mensen van de sportclub. Je weet nooit "
                                    "wie iets hoort.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Zoek drie vacatures",
                                    "text": "<p>Kijk op werk.nl of een andere site. Zoek drie "
                                    "vacatures die je leuk vindt. Bewaar de links.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "werk.nl",
                                    "organisation": "UWV",
                                    "url": "https://www.werk.nl",
                                    "description": "Vacatures zoeken en je inschrijven als "
                                    "werkzoekende.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Een korte motivatiebrief",
                        "slug": "motivatiebrief",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>In een <strong>motivatiebrief</strong> vertel je waarom je "
                                "de baan wilt. En waarom je goed past. Houd de brief kort: niet "
                                "meer dan één kantje.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Zo bouw je je brief op",
                                    "items": [
                                        "Aanhef: 'Beste' en de naam, als je die weet",
                                        "Waarom je deze baan wilt",
                                        "Wat je kunt en welke ervaring je hebt",
                                        "Je wilt graag op gesprek komen",
                                        "Groet en je naam",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Schrijf in je eigen woorden. Gebruik korte "
                                    "zinnen. Laat iemand je brief lezen voordat je hem "
                                    "verstuurt.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Wat is een goede eerste zin voor je brief?",
                                    "options": [
                                        {
                                            "answer": "'Ik wil graag bij u werken in het "
                                            "magazijn, want ik werk graag met mijn handen.'",
                                            "correct": True,
                                            "feedback": "Goed. Je zegt meteen welke baan je wilt "
                                            "en waarom.",
                                        },
                                        {
                                            "answer": "'Ik zoek al lang werk en niemand neemt "
                                            "me aan.'",
                                            "correct": False,
                                            "feedback": "Eerlijk, en heel begrijpelijk dat je dat "
                                            "voelt. Maar begin liever met wat je wilt en kunt. "
                                            "Dat maakt een sterke eerste indruk.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Schrijf je brief",
                                    "text": "<p>Kies een van je drie vacatures. Schrijf een "
                                    "korte brief. Gebruik de checklist hierboven.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Voorbereiden op het gesprek",
                        "slug": "gesprek-voorbereiden",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Je bent uitgenodigd voor een gesprek. Goed gedaan! De "
                                "werkgever wil je graag leren kennen. Met een goede "
                                "voorbereiding voel je je zekerder.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Zo bereid je je voor",
                                    "items": [
                                        "Ik lees de vacature nog een keer",
                                        "Ik kijk op de website van het bedrijf",
                                        "Ik oefen met iemand: 'Vertel eens wat over jezelf'",
                                        "Ik bedenk twee vragen die ik zelf wil stellen",
                                        "Ik weet hoe ik er kom en hoe lang dat duurt",
                                    ],
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Dit neem je mee",
                                    "items": [
                                        "Je cv en je brief",
                                        "Je identiteitsbewijs",
                                        "Pen en papier",
                                        "Je eigen vragen",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Kom ongeveer tien minuten te vroeg. Word je "
                                    "toch later? Bel dan even. Dat vinden werkgevers "
                                    "fijn.</p>",
                                },
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Een werkgever mag niet vragen naar je "
                                    "gezondheid. Ook niet of je zwanger bent. Die vragen hoef je "
                                    "niet te beantwoorden.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Oefen het gesprek",
                                    "text": "<p>Vraag iemand om de werkgever te spelen. Oefen "
                                    "drie vragen hardop. Wat ging goed?</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Na het gesprek",
                        "slug": "na-het-gesprek",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Het gesprek is klaar. Wat nu?</p>"
                                "<ul>"
                                "<li>Vraag aan het eind wanneer je iets hoort.</li>"
                                "<li>Hoor je niets na die tijd? Bel of mail dan even.</li>"
                                "<li>Schrijf op wat goed ging. En wat je de volgende keer "
                                "anders doet.</li>"
                                "</ul>"
                                "<h3>Een afwijzing?</h3>"
                                "<p>Een 'nee' hoort bij solliciteren. Bijna iedereen krijgt dat "
                                "vaak. Het zegt niets over wat je waard bent. Vraag gerust "
                                "waarom. Daar leer je van.</p>",
                            ),
                            (
                                "question",
                                {
                                    "question": "Je krijgt een afwijzing. Wat is een goede "
                                    "volgende stap?",
                                    "options": [
                                        {
                                            "answer": "Vriendelijk vragen wat je beter kunt doen",
                                            "correct": True,
                                            "feedback": "Sterk. Zo leer je van elke sollicitatie.",
                                        },
                                        {
                                            "answer": "Verder zoeken naar nieuwe vacatures",
                                            "correct": True,
                                            "feedback": "Ja, goed. Blijf zoeken. Elke keer "
                                            "wordt het makkelijker.",
                                        },
                                        {
                                            "answer": "Stoppen met solliciteren",
                                            "correct": False,
                                            "feedback": "Dat gevoel is heel begrijpelijk. Een "
                                            "'nee' doet pijn. Neem even rust. Probeer het daarna "
                                            "weer, elke keer is oefening.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Houd een lijstje bij",
                                    "text": "<p>Maak een lijstje van je sollicitaties. "
                                    "Schrijf erbij: datum, bedrijf en wat je hoorde. Zo houd "
                                    "je overzicht. Ook handig voor je consulent.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "UWV",
                                    "organisation": "UWV",
                                    "url": "https://www.uwv.nl",
                                    "description": "Informatie over uitkeringen en hulp bij "
                                    "werk van het UWV.",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 5. Gezond eten
    # ------------------------------------------------------------------
    {
        "name": "Gezond eten",
        "slug": "gezond-eten",
        "description": "Lekker en gezond eten voor jezelf en je gezin, ook met weinig geld.",
        "life_domain": "lichamelijke_gezondheid",
        "modules": [
            {
                "title": "Gezond eten met een klein budget",
                "slug": "gezond-eten-met-een-klein-budget",
                "intro": (
                    "<p>Gezond eten hoeft niet duur te zijn. Met een paar slimme keuzes eet je "
                    "gezond en bespaar je geld. In deze module leer je hoe.</p>"
                ),
                "minutes": 20,
                "level": "start",
                "can_do": [
                    "Ik kan uitleggen wat de Schijf van Vijf is.",
                    "Ik kan goedkope en gezonde producten kiezen.",
                    "Ik kan mijn maaltijden voor een week plannen.",
                    "Ik kan een boodschappenlijst maken en me eraan houden.",
                ],
                "steps": [
                    {
                        "title": "De Schijf van Vijf",
                        "slug": "schijf-van-vijf",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>De <strong>Schijf van Vijf</strong> komt van het "
                                "<strong>Voedingscentrum</strong>. Hij laat zien wat gezond eten "
                                "is. De schijf heeft vijf vakken:</p>"
                                "<ul>"
                                "<li>groente en fruit;</li>"
                                "<li>smeer- en kookvetten;</li>"
                                "<li>zuivel, noten, vis, peulvruchten, vlees en ei;</li>"
                                "<li>brood, graanproducten en aardappelen;</li>"
                                "<li>dranken, zoals water, thee en koffie.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<p>Eet elke dag iets uit elk vak. Wissel af. Dan krijg je "
                                "alles wat je lichaam nodig heeft.</p>"
                                "<p>Snoep, chips en frisdrank staan niet in de schijf. Dat mag "
                                "af en toe. Maar niet elke dag.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Een handige regel voor volwassenen: eet elke "
                                    "dag 250 gram groente en 2 stuks fruit.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Welke drank staat in de Schijf van Vijf?",
                                    "options": [
                                        {
                                            "answer": "Water uit de kraan",
                                            "correct": True,
                                            "feedback": "Ja! Kraanwater is gezond. En het kost "
                                            "bijna niets.",
                                        },
                                        {
                                            "answer": "Frisdrank",
                                            "correct": False,
                                            "feedback": "Bijna. Frisdrank heeft veel suiker. Het "
                                            "staat niet in de schijf. Neem het af en toe, en "
                                            "drink vooral water.",
                                        },
                                        {
                                            "answer": "Vruchtensap",
                                            "correct": False,
                                            "feedback": "Dat denken veel mensen, want het lijkt "
                                            "gezond. Maar sap heeft veel suiker. Eet liever een "
                                            "stuk fruit en drink water.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Schijf van Vijf",
                                    "organisation": "Voedingscentrum",
                                    "url": "https://www.voedingscentrum.nl/nl/schijf-van-vijf.aspx",
                                    "description": "Uitleg over de Schijf van Vijf, met "
                                    "voorbeelden per vak.",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Gezond en goedkoop kiezen",
                        "slug": "gezond-en-goedkoop",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p>Gezond eten kan goedkoop zijn. Deze keuzes schelen geld:</p>"
                                "<ul>"
                                "<li><strong>Diepvriesgroente</strong> is ook gezond. En het "
                                "bederft niet snel.</li>"
                                "<li><strong>Groente van het seizoen</strong> is vaak "
                                "goedkoper.</li>"
                                "<li><strong>Peulvruchten</strong>, zoals bonen en linzen, zijn "
                                "goedkoop. Je kunt ze eten in plaats van vlees.</li>"
                                "<li><strong>Huismerken</strong> zijn vaak goedkoper en net zo "
                                "lekker.</li>"
                                "<li><strong>Kraanwater</strong> is gezond en kost bijna "
                                "niets.</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Kijk naar de prijs per kilo. Die staat klein "
                                    "op het prijskaartje. Zo zie je wat echt goedkoper is.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Probeer deze week",
                                    "items": [
                                        "Ik koop één zak diepvriesgroente",
                                        "Ik kook één keer met bonen of linzen in plaats van vlees",
                                        "Ik vergelijk de prijs per kilo van twee producten",
                                        "Ik drink kraanwater in plaats van frisdrank",
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Kies twee dingen",
                                    "text": "<p>Kies twee dingen van de checklist. Probeer ze "
                                    "deze week. Vink ze af als het gelukt is.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Je maaltijden plannen",
                        "slug": "maaltijden-plannen",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Wie plant, koopt minder voor niets. En je gooit minder "
                                "eten weg. Zo bespaar je geld én tijd.</p>"
                                "<p>Bedenk één keer per week wat je gaat eten. Bijvoorbeeld op "
                                "zondag.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Zo plan je je week",
                                    "items": [
                                        "Kijk eerst wat je nog in huis hebt",
                                        "Kies gerechten die je gezin lekker vindt",
                                        "Gebruik restjes de volgende dag",
                                        "Plan één makkelijke avond, zoals soep of een omelet",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Kook een grote pan. Eet de helft vandaag. "
                                    "Vries de rest in voor een drukke dag.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je hebt nog rijst en een halve zak "
                                    "diepvriesspinazie. Wat is slim?",
                                    "options": [
                                        {
                                            "answer": "Daar plan ik morgen een maaltijd mee",
                                            "correct": True,
                                            "feedback": "Slim! Zo gebruik je wat je hebt. En je "
                                            "koopt minder.",
                                        },
                                        {
                                            "answer": "Ik koop alles nieuw voor een ander recept",
                                            "correct": False,
                                            "feedback": "Bijna. Nieuwe dingen kopen kost extra "
                                            "geld. Kijk eerst wat je al hebt. Daar maak je vaak "
                                            "iets lekkers mee.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Maak een weekmenu",
                                    "text": "<p>Schrijf voor 5 dagen op wat je gaat eten. "
                                    "Begin met wat je al in huis hebt.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Slim boodschappen doen",
                        "slug": "slim-boodschappen-doen",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Met een <strong>boodschappenlijst</strong> koop je alleen "
                                "wat je nodig hebt. Maak de lijst met je weekmenu erbij.</p>"
                                "<ul>"
                                "<li>Ga niet met honger naar de winkel.</li>"
                                "<li>Koop alleen wat op je lijst staat.</li>"
                                "<li>Een aanbieding is alleen voordelig als je het echt nodig "
                                "hebt.</li>"
                                "<li>Kijk ook onder en boven in het schap. Daar liggen vaak "
                                "goedkopere producten.</li>"
                                "</ul>",
                            ),
                            (
                                "question",
                                {
                                    "question": "Er is een aanbieding: 3 pakken koekjes voor de "
                                    "prijs van 2. Koekjes staan niet op je lijst. Wat doe je?",
                                    "options": [
                                        {
                                            "answer": "Ik laat ze liggen",
                                            "correct": True,
                                            "feedback": "Goed volgehouden. Zo blijft er geld "
                                            "over voor wat je nodig hebt.",
                                        },
                                        {
                                            "answer": "Ik koop ze, want het is goedkoop",
                                            "correct": False,
                                            "feedback": "Heel begrijpelijk, aanbiedingen zijn "
                                            "verleidelijk. Maar zo geef je geld uit dat je niet "
                                            "had gepland.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Lukt het niet om genoeg eten te kopen? Je bent "
                                    "niet de enige. Vraag hulp bij je gemeente of het "
                                    "wijkteam. Zij kennen de weg naar de voedselbank en andere "
                                    "hulp.</p>",
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Maak je lijst",
                                    "text": "<p>Maak een boodschappenlijst bij je weekmenu. "
                                    "Neem hem mee naar de winkel. Streep af wat je in je mandje "
                                    "hebt.</p>",
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Voedingscentrum",
                                    "organisation": "Voedingscentrum",
                                    "url": "https://www.voedingscentrum.nl",
                                    "description": "Tips en recepten voor gezond en "
                                    "betaalbaar eten.",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Ontbijt en lunch voor je gezin",
                "slug": "ontbijt-en-lunch-voor-je-gezin",
                "intro": (
                    "<p>Een goed begin van de dag geeft energie. En een gezonde lunch helpt je "
                    "de middag door. In deze module krijg je makkelijke ideeën voor ontbijt en "
                    "lunch. Voor jezelf en voor je kinderen.</p>"
                ),
                "minutes": 15,
                "level": "start",
                "can_do": [
                    "Ik kan een gezond en makkelijk ontbijt maken.",
                    "Ik kan volkorenproducten herkennen in de winkel.",
                    "Ik kan een gezonde lunchtrommel vullen.",
                    "Ik kan water een vaste plek geven in ons gezin.",
                ],
                "steps": [
                    {
                        "title": "Een goed ontbijt",
                        "slug": "goed-ontbijt",
                        "teaches": [0],
                        "body": [
                            (
                                "text",
                                "<p>Na de nacht heeft je lichaam brandstof nodig. Een ontbijt "
                                "geeft energie voor de ochtend. Kinderen kunnen dan beter "
                                "spelen en leren.</p>"
                                "<h3>Ideeën voor een gezond ontbijt</h3>"
                                "<ul>"
                                "<li><strong>Volkorenbrood</strong> met kaas, ei of 100% "
                                "pindakaas</li>"
                                "<li><strong>Havermout</strong> met melk en een stuk fruit</li>"
                                "<li><strong>Yoghurt</strong> zonder suiker, met fruit "
                                "erdoor</li>"
                                "</ul>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Havermout is goedkoop en geeft lang een vol "
                                    "gevoel.</p>"
                                    "<p>Weinig tijd in de ochtend? Zet de avond ervoor alles "
                                    "klaar. Of neem een boterham en een stuk fruit mee.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Welk ontbijt geeft lang energie?",
                                    "options": [
                                        {
                                            "answer": "Havermout met melk en een banaan",
                                            "correct": True,
                                            "feedback": "Ja. Havermout en fruit geven lang "
                                            "energie.",
                                        },
                                        {
                                            "answer": "Een volkorenboterham met kaas",
                                            "correct": True,
                                            "feedback": "Goed gekozen. Volkorenbrood geeft lang "
                                            "een vol gevoel.",
                                        },
                                        {
                                            "answer": "Een koek en een pakje drinken",
                                            "correct": False,
                                            "feedback": "Snel en makkelijk, dat snappen we. "
                                            "Maar er zit veel suiker in. Je krijgt dan snel weer "
                                            "honger.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Probeer een nieuw ontbijt",
                                    "text": "<p>Kies één ontbijt van de lijst. Probeer het "
                                    "deze week met je gezin.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Volkoren herkennen",
                        "slug": "volkoren-herkennen",
                        "teaches": [1],
                        "body": [
                            (
                                "text",
                                "<p><strong>Volkoren</strong> betekent: de hele graankorrel "
                                "zit erin. Daardoor zitten er meer vezels en vitamines in. Je "
                                "hebt ook langer een vol gevoel.</p>",
                            ),
                            (
                                "warning",
                                {
                                    "title": "",
                                    "text": "<p>Bruin brood is niet altijd volkoren. Kijk op "
                                    "de verpakking. Staat er 'volkoren' op? Dan zit je "
                                    "goed.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Volkoren producten",
                                    "items": [
                                        "Volkorenbrood",
                                        "Havermout",
                                        "Volkorenpasta",
                                        "Zilvervliesrijst",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Vindt je kind volkoren nog niet lekker? Begin "
                                    "rustig. Meng eerst witte en volkoren pasta. Smaak went na "
                                    "een paar keer proberen.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Hoe weet je of brood volkoren is?",
                                    "options": [
                                        {
                                            "answer": "Er staat 'volkoren' op de verpakking",
                                            "correct": True,
                                            "feedback": "Precies. Kijk altijd even op de "
                                            "verpakking.",
                                        },
                                        {
                                            "answer": "Het brood is bruin",
                                            "correct": False,
                                            "feedback": "Bijna. Bruin brood is niet altijd "
                                            "volkoren. Kijk of er 'volkoren' op de verpakking "
                                            "staat.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Kijk in je keukenkast",
                                    "text": "<p>Pak het brood, de pasta en de rijst die je in "
                                    "huis hebt. Kijk op de verpakking. Wat is al volkoren?</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "De lunchtrommel",
                        "slug": "lunchtrommel",
                        "teaches": [2],
                        "body": [
                            (
                                "text",
                                "<p>Neemt je kind lunch mee naar school? Met een paar vaste "
                                "dingen maak je snel een gezonde lunchtrommel.</p>"
                                "<p>Zoet beleg, zoals hagelslag, is niet verboden. Maar geef "
                                "het af en toe, niet elke dag.</p>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Een gezonde lunchtrommel",
                                    "items": [
                                        "Volkorenbrood met kaas, ei of 100% pindakaas",
                                        "Groente om te knabbelen, zoals komkommer of tomaatjes",
                                        "Een stuk fruit",
                                        "Een beker of fles met water",
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Laat je kind meehelpen. Mag het kiezen tussen "
                                    "twee soorten groente? Dan eet het vaak beter.</p>",
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Welke lunchtrommel is het gezondst?",
                                    "options": [
                                        {
                                            "answer": "Volkorenbrood, komkommer, een appel en "
                                            "water",
                                            "correct": True,
                                            "feedback": "Helemaal goed. Daar kan je kind de hele "
                                            "middag mee vooruit.",
                                        },
                                        {
                                            "answer": "Witte boterhammen met hagelslag en een "
                                            "pakje sap",
                                            "correct": False,
                                            "feedback": "Veel kinderen vinden dat lekker, en af "
                                            "en toe kan dat. Maar er zit veel suiker in. Probeer "
                                            "volkorenbrood, groente en water.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "action",
                                {
                                    "title": "Vul de trommel samen",
                                    "text": "<p>Pak morgen samen met je kind de lunchtrommel "
                                    "in. Gebruik de checklist.</p>",
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Water als vaste drank",
                        "slug": "water-drinken",
                        "teaches": [3],
                        "body": [
                            (
                                "text",
                                "<p>Water is de beste drank voor jou en je kinderen. Er zit "
                                "geen suiker in. En water uit de kraan is in Nederland veilig "
                                "en bijna gratis.</p>"
                                "<p>Frisdrank, limonade en sap hebben veel suiker. Dat is niet "
                                "goed voor je tanden. Geef ze af en toe, niet elke dag.</p>",
                            ),
                            (
                                "tip",
                                {
                                    "title": "",
                                    "text": "<p>Maak water lekker. Doe er een schijfje citroen "
                                    "of komkommer in. Of een paar blaadjes munt. Zet een kan "
                                    "koud water in de koelkast.</p>",
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Zo maak je water een gewoonte",
                                    "items": [
                                        "Iedereen in huis heeft een eigen beker of fles",
                                        "Er staat een kan water op tafel bij het eten",
                                        "Frisdrank is voor een feestje",
                                        "Ik geef zelf het goede voorbeeld",
                                    ],
                                },
                            ),
                            (
                                "question",
                                {
                                    "question": "Je kind heeft dorst. Wat is de beste keuze?",
                                    "options": [
                                        {
                                            "answer": "Een glas water",
                                            "correct": True,
                                            "feedback": "Helemaal goed. Water lest de dorst en "
                                            "is goed voor de tanden.",
                                        },
                                        {
                                            "answer": "Een glas appelsap",
                                            "correct": False,
                                            "feedback": "Bijna. Sap lijkt gezond, maar er zit "
                                            "veel suiker in. Geef liever water en een stuk "
                                            "fruit.",
                                        },
                                        {
                                            "answer": "Een glas limonade",
                                            "correct": False,
                                            "feedback": "Begrijpelijk, kinderen vinden het "
                                            "lekker. Maar er zit vaak veel suiker in. Water is "
                                            "de beste keuze.",
                                        },
                                    ],
                                },
                            ),
                            (
                                "source",
                                {
                                    "title": "Voedingscentrum",
                                    "organisation": "Voedingscentrum",
                                    "url": "https://www.voedingscentrum.nl",
                                    "description": "Tips over gezond eten en drinken voor "
                                    "kinderen en volwassenen.",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
]
