"""Demo news, research messages and people, written from the seed documents
(shared/CONTEXT.md). The people are fictional; their addresses are at example.org."""

import datetime

# (slug, date, tags, authors by e-mail, {language: (title, lead)}, Finnish body paragraphs)
NEWS = [
    (
        "osallisuustyokaluja-kehitettiin-sokrassa",
        datetime.date(2023, 9, 12),
        ["työkalut", "julkaisut"],
        ["liisa.lahtinen@example.org"],
        {
            "fi": (
                "Sokra-koordinaatiossa kehitettiin osallisuustyökaluja",
                "Pitkän hankekauden aikana syntyi työkaluja ja tietopaketteja, joita voi käyttää "
                "kunnissa, hyvinvointialueilla, järjestöissä ja asukasyhteisöissä.",
            ),
            "sv": (
                "Verktyg för delaktighet utvecklades i Sokra",
                "Under projektperioden togs verktyg och kunskapspaket fram för kommuner, "
                "välfärdsområden, organisationer och invånargemenskaper.",
            ),
            "en": (
                "Inclusion tools were developed in Sokra",
                "Over the project period, tools and information packages were developed for "
                "municipalities, wellbeing services counties, NGOs and resident communities.",
            ),
        },
        [
            "Monia työkaluista on kehitetty yhdessä Euroopan sosiaalirahaston "
            "osallisuushankkeiden ja niiden osallistujien kanssa.",
            "Tutustu tietopaketteihin ja työkaluihin, joilla voidaan edistää erityisesti heikossa "
            "asemassa olevien osallisuutta.",
        ],
    ),
    (
        "osallisuusviikko-2024",
        datetime.date(2023, 11, 20),
        ["osallisuusviikko", "tapahtumat"],
        ["mikko.virtanen@example.org"],
        {
            "fi": (
                "Osallisuusviikkoa vietetään 5.–8.2.2024",
                "Kaikki osallisuuden edistäjät voivat järjestää viikolla tilaisuuksia ja tehdä "
                "viestintää. Koordinaatio kokoaa ohjelman yhteen kalenteriin.",
            ),
            "sv": (
                "Delaktighetsveckan firas 5–8.2.2024",
                "Alla som främjar delaktighet kan ordna evenemang under veckan. Programmet samlas "
                "i en gemensam kalender.",
            ),
            "en": (
                "Participation week runs 5–8 February 2024",
                "Anyone who promotes inclusion may hold events during the week. The programme is "
                "gathered into one calendar.",
            ),
        },
        [
            "Osallisuusviikko on valtakunnallinen viikko, jolloin mikä tahansa organisaatio voi "
            "järjestää osallisuutta edistäviä tilaisuuksia.",
            "Ilmoita oma tapahtumasi ohjelmaan tammikuun loppuun mennessä.",
        ],
    ),
    (
        "osallistu-ja-osallista-paatostilaisuus",
        datetime.date(2023, 4, 18),
        ["tapahtumat"],
        ["mikko.virtanen@example.org"],
        {
            "fi": (
                "Osallistu ja osallista! – päätöstilaisuus 9.5.2023",
                "Sokra- ja Solmu-koordinaatiot kokoavat hankekauden tulokset yhteen "
                "päätöstilaisuudessa. Tervetuloa mukaan paikan päälle tai verkossa.",
            ),
            "sv": (
                "Delta och inkludera! – avslutningsevenemang 9.5.2023",
                "Samordningsprojekten Sokra och Solmu sammanfattar projektperiodens resultat.",
            ),
            "en": (
                "Take part and include! – closing event on 9 May 2023",
                "The Sokra and Solmu coordination projects sum up the results of the period.",
            ),
        },
        ["Ohjelmassa on puheenvuoroja hankkeista, tutkimuksesta ja kokemusasiantuntijoilta."],
    ),
    (
        "kaikki-mukaan-webinaari",
        datetime.date(2021, 3, 2),
        ["webinaarit", "vaikuttaminen"],
        ["sanna.korhonen@example.org"],
        {
            "fi": (
                "Kaikki mukaan: kuinka heikoimmassa asemassa olevien vaikuttamista voi tukea",
                "Webinaarissa 16.3.2021 kuullaan käytäntöjä ja kokemuksia siitä, miten "
                "osallistumis- ja vaikutusmahdollisuuksia voidaan lisätä.",
            ),
            "sv": (
                "Alla med: hur man stöder inflytandet hos dem i svagast ställning",
                "Webbinariet 16.3.2021 presenterar metoder för att öka möjligheterna att påverka.",
            ),
            "en": (
                "Everyone in: supporting the influence of people in the weakest position",
                "The webinar on 16 March 2021 shares practices that widen the chances to take "
                "part and to influence.",
            ),
        },
        [
            "Työelämän ulkopuolella olevat äänestävät harvemmin kuin muu väestö: kuntavaaleissa "
            "noin kymmenen prosenttiyksikköä harvemmin.",
            "Webinaarissa esitellään kansalaisvaikuttamisen vahvistamisen malleja hankkeista.",
        ],
    ),
    (
        "etela-ja-lansi-suomen-kahvilat",
        datetime.date(2020, 9, 21),
        ["kahvilat", "alueet"],
        ["paivi.heikkinen@example.org"],
        {
            "fi": (
                "Etelä- ja Länsi-Suomen kahvilat alkavat",
                "Syksyn etäkahviloissa keskustellaan digiosallisuudesta, sosiaaliturvasta ja "
                "työllistymisen tuesta perjantaiaamuisin klo 9.30–11.00.",
            ),
            "sv": (
                "Caféerna i Södra och Västra Finland börjar",
                "Höstens distanscaféer diskuterar digital delaktighet, social trygghet och "
                "sysselsättningsstöd på fredagsmorgnar.",
            ),
            "en": (
                "Cafés for Southern and Western Finland begin",
                "This autumn's online cafés discuss digital inclusion, social security and "
                "employment support on Friday mornings.",
            ),
        },
        [
            "Ensimmäinen kahvila 9.10.2020 käsittelee digiosallisuuden edistämistä ja lupaavia "
            "käytäntöjä osallisuuden malleiksi.",
            "Seuraavat kahvilat pidetään 13.11. ja 11.12.2020.",
        ],
    ),
    (
        "osallisuus-pohjois-pohjanmaalla",
        datetime.date(2020, 9, 28),
        ["alueet", "verkostot"],
        ["paivi.heikkinen@example.org"],
        {
            "fi": (
                "Osallisuus Pohjois-Pohjanmaalla – alueellinen verkostotapaaminen",
                "Pohjois-Pohjanmaan hankkeet kokoontuvat 13.10.2020 keskustelemaan "
                "huono-osaisuudesta ja osallisuudesta alueella.",
            ),
            "sv": (
                "Delaktighet i Norra Österbotten – regionalt nätverksmöte",
                "Projekten i Norra Österbotten träffas 13.10.2020.",
            ),
            "en": (
                "Inclusion in North Ostrobothnia – regional network meeting",
                "Projects in North Ostrobothnia meet on 13 October 2020.",
            ),
        },
        ["Tapaamisessa kuullaan, miten kuntalaiset kokevat tulevansa kuulluiksi."],
    ),
    (
        "osallisuusindikaattori-kiinnostaa-maailmalla",
        datetime.date(2023, 6, 5),
        ["tutkimus", "osallisuusindikaattori"],
        ["juha.nieminen@example.org"],
        {
            "fi": (
                "Osallisuusindikaattori kiinnostaa myös maailmalla",
                "Osallisuusindikaattorista ja Huono-osaisuus Suomessa -karttasivustosta on "
                "kerrottu kansainvälisissä julkaisuissa.",
            ),
            "sv": (
                "Delaktighetsindikatorn väcker intresse utomlands",
                "Indikatorn och kartsajten har presenterats i internationella publikationer.",
            ),
            "en": (
                "The participation indicator draws interest abroad",
                "The indicator and the map site have been presented in international journals.",
            ),
        },
        ["Indikaattorilla mitataan, kuinka osalliseksi ihminen kokee itsensä."],
    ),
    (
        "tyottomien-osallisuus-kyselyn-tulokset",
        datetime.date(2023, 8, 22),
        ["tutkimus", "työttömät"],
        ["juha.nieminen@example.org"],
        {
            "fi": (
                "Lähes joka neljäs työtön kokee erittäin heikkoa osallisuutta",
                "Mitä pidempään työttömyys on jatkunut, sitä heikompi on osallisuuden kokemus, "
                "kertovat osallisuuskyselyn tulokset.",
            ),
            "sv": (
                "Nästan var fjärde arbetslös upplever mycket svag delaktighet",
                "Ju längre arbetslösheten har pågått, desto svagare är upplevelsen av delaktighet.",
            ),
            "en": (
                "Almost one in four unemployed people feel very weakly included",
                "The longer unemployment lasts, the weaker the sense of inclusion, the survey "
                "shows.",
            ),
        },
        ["Kysely toteutettiin yhdessä ESR-hankkeiden kanssa."],
    ),
    (
        "osallisuustyo-hyvinvointialueilla",
        datetime.date(2023, 5, 30),
        ["hyvinvointialueet", "tutkimus"],
        ["liisa.lahtinen@example.org"],
        {
            "fi": (
                "Osallisuustyö hyvinvointialueilla – kyselyn tulokset 2023",
                "Hyvinvointialueet rakentavat osallisuuden rakenteita eri tahtiin. Kysely kertoo, "
                "missä ollaan nyt.",
            ),
            "sv": (
                "Delaktighetsarbete i välfärdsområdena – enkätresultat 2023",
                "Välfärdsområdena bygger strukturer för delaktighet i olika takt.",
            ),
            "en": (
                "Inclusion work in wellbeing services counties – 2023 survey",
                "Counties build structures for inclusion at different speeds.",
            ),
        },
        ["Tulokset julkaistiin toukokuussa 2023."],
    ),
    (
        "kokemusasiantuntijat-vaikuttajina",
        datetime.date(2022, 11, 8),
        ["kokemusasiantuntijuus", "toimintamallit"],
        ["sanna.korhonen@example.org"],
        {
            "fi": (
                "Kokemustoimijat vaikuttajina -ryhmä mukaan osallisuuden palasiin",
                "Uusi toimintamalli kertoo, miten kokemusasiantuntijat tuodaan mukaan "
                "päätöksentekoon.",
            ),
            "sv": (
                "Gruppen Erfarenhetsaktörer som påverkare blir en del av delaktighetsbitarna",
                "Modellen visar hur erfarenhetsexperter tas med i beslutsfattandet.",
            ),
            "en": (
                "Experts by experience as influencers join the participation pieces",
                "The practice model shows how experts by experience take part in decisions.",
            ),
        },
        ["Osallisuuden palaset kokoavat lupaavia käytäntöjä hankkeista."],
    ),
    (
        "palvelusafari-nuorten-vaikuttamisen-valineena",
        datetime.date(2022, 9, 14),
        ["nuoret", "toimintamallit"],
        ["sanna.korhonen@example.org"],
        {
            "fi": (
                "Palvelusafari nuorten vaikuttamisen välineenä",
                "Nuoret arvioivat kunnan palveluja käyttäjän silmin ja tekevät parannusehdotuksia.",
            ),
            "sv": (
                "Servicesafari som ett verktyg för ungas inflytande",
                "Unga bedömer kommunens tjänster ur användarens perspektiv.",
            ),
            "en": (
                "Service safari as a way for young people to influence",
                "Young people assess municipal services as users and suggest improvements.",
            ),
        },
        ["Malli on koottu Itä-Suomen hankkeiden kokemuksista."],
    ),
    (
        "esr-plus-kausi-alkaa",
        datetime.date(2023, 9, 1),
        ["esr"],
        ["liisa.lahtinen@example.org"],
        {
            "fi": (
                "Osallisuus on vahva teema myös ESR+-ohjelmakaudella",
                "Uudella ohjelmakaudella osallisuushankkeita tukee kaksi uutta "
                "koordinaatiohanketta.",
            ),
            "sv": (
                "Delaktighet är ett starkt tema även under ESF+-perioden",
                "Två nya samordningsprojekt stöder delaktighetsprojekten.",
            ),
            "en": (
                "Inclusion remains a strong theme in the ESF+ period",
                "Two new coordination projects support inclusion projects.",
            ),
        },
        ["Yhdenvertaisen osallisuuden koordinaatio jatkaa osallisuusviikon perinnettä."],
    ),
]

# (slug, issue date, {language: (title, lead)}, Finnish intro, items)
RESEARCH = [
    (
        "tutkimusviesti-syyskuu-2023",
        datetime.date(2023, 9, 1),
        {
            "fi": (
                "Tutkimusviesti syyskuu 2023",
                "Syksyn ensimmäinen katsaus osallisuustutkimukseen.",
            ),
            "sv": ("Forskningsmeddelande september 2023", "Höstens första översikt."),
            "en": ("Research message September 2023", "The first research digest of the autumn."),
        },
        "Tässä numerossa työttömien osallisuus, hyvinvointialueiden rakenteet ja luovat "
        "menetelmät.",
        [
            (
                "Työelämän ulkopuolella olevien osallisuus ja hyvinvointi",
                "Leemann, L., Kuusio, H. & Hämäläinen, R.-M.",
                "THL, Tutkimuksesta tiiviisti",
                2023,
                "Kyselyn mukaan osallisuuden kokemus heikkenee työttömyyden pitkittyessä. "
                "Heikointa osallisuus on yli kaksi vuotta työttömänä olleilla.",
                {"urn": "URN:ISBN:978-952-343-000-1"},
                True,
                "tyollistymisen-tuki",
            ),
            (
                "Osallisuuden rakenteet hyvinvointialueilla",
                "Nousiainen, M. & Kukkonen, M.",
                "Yhteiskuntapolitiikka",
                2023,
                "Artikkeli vertaa, miten hyvinvointialueet ovat kirjanneet osallisuuden "
                "strategioihinsa ja millaisia rakenteita niillä on.",
                {"doi": "10.5555/yp.2023.0412"},
                True,
                "osallistava-hallinto",
            ),
            (
                "Luovat menetelmät osallisuuden vahvistajina",
                "Heikkinen, P.",
                "Diak Työelämä",
                2022,
                "Selvitys kokoaa kokemuksia taide- ja kulttuurilähtöisistä menetelmistä "
                "ESR-hankkeissa.",
                {"url": "https://www.example.org/julkaisut/luovat-menetelmat"},
                False,
                "luovat-menetelmat",
            ),
        ],
    ),
    (
        "tutkimusviesti-toukokuu-2023",
        datetime.date(2023, 5, 1),
        {
            "fi": (
                "Tutkimusviesti toukokuu 2023",
                "Kokemusasiantuntijuus ja kansalaisvaikuttaminen.",
            ),
            "sv": ("Forskningsmeddelande maj 2023", "Erfarenhetsexpertis och medborgarinflytande."),
            "en": ("Research message May 2023", "Expertise by experience and civic influence."),
        },
        "Toukokuun numerossa tarkastellaan kokemusasiantuntijuutta ja vaikuttamista.",
        [
            (
                "Kokemusasiantuntijuus sosiaali- ja terveyspalveluissa",
                "Virtanen, M. & Korhonen, S.",
                "Janus",
                2022,
                "Katsausartikkeli kokoaa tutkimuksen siitä, miten kokemusasiantuntijat "
                "osallistuvat palvelujen kehittämiseen.",
                {"doi": "10.5555/janus.2022.118"},
                True,
                "kokemusasiantuntijuus",
            ),
            (
                "Äänestäminen ja osattomuus",
                "Nieminen, J.",
                "Politiikka",
                2021,
                "Työelämän ulkopuolella olevat äänestävät muita harvemmin kaikissa vaaleissa.",
                {"doi": "10.5555/politiikka.2021.63"},
                False,
                "kansalaisvaikuttaminen",
            ),
        ],
    ),
    (
        "tutkimusviesti-tammikuu-2023",
        datetime.date(2023, 1, 1),
        {
            "fi": (
                "Tutkimusviesti tammikuu 2023",
                "Niukkuus, nuoret ja alueellinen huono-osaisuus.",
            ),
            "sv": ("Forskningsmeddelande januari 2023", "Knapphet, unga och regional utsatthet."),
            "en": (
                "Research message January 2023",
                "Scarcity, young people and regional disadvantage.",
            ),
        },
        "Vuoden ensimmäinen tutkimusviesti käsittelee taloudellista niukkuutta ja alueita.",
        [
            (
                "Niukkuuden noidankehä nuorten aikuisten elämässä",
                "Wiens, V.",
                "Nuorisotutkimus",
                2022,
                "Pohjois-Suomen nuorten kertomukset kuvaavat, miten taloudellinen niukkuus "
                "vaikuttaa mielenterveyteen, ihmissuhteisiin ja harrastuksiin.",
                {"doi": "10.5555/nuoriso.2022.40"},
                True,
                "aktivointi",
            ),
            (
                "Huono-osaisuus Suomessa -karttasivusto eriarvoisuuden kaventajana",
                "Kainulainen, S. & Surakka, A.",
                "Diakonia-ammattikorkeakoulun vuosikirja 2022",
                2023,
                "Artikkeli esittelee karttasivuston, joka kokoaa inhimillisen, sosiaalisen ja "
                "taloudellisen huono-osaisuuden mittarit alueittain.",
                {"urn": "URN:ISBN:978-952-493-000-2"},
                True,
                "verkostotyo",
            ),
            (
                "Osallisuus Tea-viisarin kertomana",
                "Tuulos, T.",
                "Kunnallistieteellinen aikakauskirja",
                2021,
                "Kuntien osallisuustyön kehittämiskohteet peruspalveluissa, kulttuurissa ja "
                "kuntajohdossa.",
                {"url": "https://www.example.org/julkaisut/tea-viisari"},
                False,
                "osallistava-hallinto",
            ),
        ],
    ),
]

# (name, {language: job title}, organisation, region slug, role, e-mail, phone)
PEOPLE = [
    (
        "Liisa Lahtinen",
        {"fi": "Hankejohtaja", "sv": "Projektledare", "en": "Project director"},
        "Terveyden ja hyvinvoinnin laitos",
        "valtakunnallinen",
        "national",
        "liisa.lahtinen@example.org",
        "+358 40 000 0101",
    ),
    (
        "Juha Nieminen",
        {"fi": "Erikoistutkija", "sv": "Specialforskare", "en": "Senior researcher"},
        "Terveyden ja hyvinvoinnin laitos",
        "valtakunnallinen",
        "research",
        "juha.nieminen@example.org",
        "+358 40 000 0102",
    ),
    (
        "Mikko Virtanen",
        {"fi": "Viestinnän asiantuntija", "sv": "Kommunikationsexpert", "en": "Communications"},
        "Terveyden ja hyvinvoinnin laitos",
        "valtakunnallinen",
        "communications",
        "mikko.virtanen@example.org",
        "+358 40 000 0103",
    ),
    (
        "Sanna Korhonen",
        {"fi": "Kehittämispäällikkö", "sv": "Utvecklingschef", "en": "Development manager"},
        "Diakonia-ammattikorkeakoulu",
        "valtakunnallinen",
        "national",
        "sanna.korhonen@example.org",
        "+358 40 000 0104",
    ),
    (
        "Päivi Heikkinen",
        {"fi": "Aluekoordinaattori", "sv": "Regionkoordinator", "en": "Regional coordinator"},
        "Diakonia-ammattikorkeakoulu",
        "pohjois-pohjanmaa",
        "regional",
        "paivi.heikkinen@example.org",
        "+358 40 000 0105",
    ),
    (
        "Antti Mäkelä",
        {"fi": "Aluekoordinaattori", "sv": "Regionkoordinator", "en": "Regional coordinator"},
        "Diakonia-ammattikorkeakoulu",
        "pohjois-savo",
        "regional",
        "antti.makela@example.org",
        "+358 40 000 0106",
    ),
    (
        "Eeva Laine",
        {"fi": "Aluekoordinaattori", "sv": "Regionkoordinator", "en": "Regional coordinator"},
        "Terveyden ja hyvinvoinnin laitos",
        "uusimaa",
        "regional",
        "eeva.laine@example.org",
        "+358 40 000 0107",
    ),
    (
        "Tuomas Salo",
        {"fi": "Aluekoordinaattori", "sv": "Regionkoordinator", "en": "Regional coordinator"},
        "Diakonia-ammattikorkeakoulu",
        "keski-suomi",
        "regional",
        "tuomas.salo@example.org",
        "+358 40 000 0108",
    ),
]
