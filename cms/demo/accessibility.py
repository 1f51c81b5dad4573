"""The demo accessibility statement, written as the Finnish model statement
(saavutettavuusseloste) asks: what was assessed, when and how, what is known not to
meet the requirements, how to give feedback, and the one supervisory authority.
Since 1.1.2025 that authority is Traficom's accessibility monitoring (HE 71/2024 moved
it from the Regional State Administrative Agency for Southern Finland)."""

STATEMENT_DATE = {"fi": "2.12.2026", "sv": "2.12.2026", "en": "2 December 2026"}

ACCESSIBILITY = {
    "fi": (
        "Saavutettavuusseloste",
        "Tämä seloste koskee Sokran verkkosivustoa kaikkine sivuineen ja lomakkeineen "
        "suomeksi, ruotsiksi ja englanniksi. Seloste on laadittu digitaalisten palvelujen "
        "tarjoamisesta annetun lain (306/2019) mukaisesti.",
        ("Sivuston saavutettavuuden tila",),
        "Sivusto täyttää WCAG 2.1 -ohjeiden A- ja AA-tason vaatimukset osittain. "
        "Tunnetut puutteet on lueteltu alla.",
        ("Miten arvioimme saavutettavuutta",),
        "Arvioimme sivuston itse marraskuussa 2026. Tarkistimme jokaisen sivutyypin "
        "kolmella kielellä tietokoneen ja puhelimen näytön levyisenä axe-core-työkalulla, ja "
        "kävimme ilmoittautumisen, uutiskirjeen tilauksen ja osallisuusviikon "
        "tapahtumailmoituksen läpi pelkällä näppäimistöllä. Samat tarkistukset ajetaan "
        "automaattisesti jokaisen sivustoon tehtävän muutoksen yhteydessä.",
        ("Sisällöt, jotka eivät ole saavutettavia",),
        "Sivustoa ei ole vielä testattu ruudunlukijoilla eikä apuvälineitä käyttävien "
        "ihmisten kanssa.",
        "Kaikki toimittajien lisäämät PDF-liitteet eivät ole saavutettavia (WCAG 1.3.1 ja "
        "2.4.2). Pyydä liite saavutettavassa muodossa alla olevasta osoitteesta.",
        "Kaikissa vanhoissa webinaaritallenteissa ei ole tekstitystä (WCAG 1.2.2).",
        "Tutkimusviestien linkit vievät muiden julkaisijoiden sivuille, joiden "
        "saavutettavuudesta emme vastaa.",
        ("Anna palautetta saavutettavuudesta",),
        "Huomasitko puutteen? Kerro siitä meille sähköpostilla osoitteeseen "
        "saavutettavuus@example.org tai puhelimitse +358 40 123 4567. Vastaamme 14 päivän "
        "kuluessa. Voit myös pyytää saavutettavaa muotoa sisällölle, joka ei ole "
        "saavutettava.",
        ("Valvontaviranomainen",),
        "Jos et ole tyytyväinen vastaukseemme tai et saa vastausta kahden viikon kuluessa, "
        "voit tehdä ilmoituksen valvontaviranomaiselle: Liikenne- ja viestintävirasto "
        "Traficom, saavutettavuusvalvonta, www.saavutettavuusvaatimukset.fi (yhteystiedot "
        "ja ilmoituslomake).",
        f"Seloste on laadittu {STATEMENT_DATE['fi']}.",
    ),
    "sv": (
        "Tillgänglighetsutlåtande",
        "Detta utlåtande gäller Sokras webbplats med alla dess sidor och formulär på finska, "
        "svenska och engelska. Utlåtandet har utarbetats enligt lagen om tillhandahållande av "
        "digitala tjänster (306/2019).",
        ("Webbplatsens tillgänglighet",),
        "Webbplatsen uppfyller delvis kraven på nivå A och AA i WCAG 2.1. De kända bristerna "
        "räknas upp nedan.",
        ("Hur vi har bedömt tillgängligheten",),
        "Vi bedömde webbplatsen själva i november 2026. Vi granskade varje sidtyp på tre "
        "språk i en dators och en telefons skärmbredd med verktyget axe-core, och vi gick "
        "igenom anmälan, prenumerationen på nyhetsbrevet och anmälan av evenemang till "
        "delaktighetsveckan enbart med tangentbordet. Samma kontroller körs automatiskt vid "
        "varje ändring av webbplatsen.",
        ("Innehåll som inte är tillgängligt",),
        "Webbplatsen har ännu inte testats med skärmläsare eller tillsammans med människor "
        "som använder hjälpmedel.",
        "Alla PDF-bilagor som redaktörerna har lagt till är inte tillgängliga (WCAG 1.3.1 "
        "och 2.4.2). Be om bilagan i tillgängligt format på adressen nedan.",
        "Alla äldre webbinarieinspelningar har inte textning (WCAG 1.2.2).",
        "Länkarna i forskningsmeddelandena leder till andra utgivares sidor, vars "
        "tillgänglighet vi inte ansvarar för.",
        ("Ge respons om tillgängligheten",),
        "Har du märkt en brist? Berätta det för oss per e-post till "
        "saavutettavuus@example.org eller per telefon +358 40 123 4567. Vi svarar inom "
        "14 dagar. Du kan också be om innehåll som inte är tillgängligt i ett tillgängligt "
        "format.",
        ("Tillsynsmyndighet",),
        "Om du inte är nöjd med vårt svar eller inte får svar inom två veckor, kan du göra "
        "en anmälan till tillsynsmyndigheten: Transport- och kommunikationsverket Traficom, "
        "tillgänglighetstillsynen, www.tillganglighetskrav.fi (kontaktuppgifter och "
        "anmälningsblankett).",
        f"Utlåtandet har utarbetats {STATEMENT_DATE['sv']}.",
    ),
    "en": (
        "Accessibility statement",
        "This statement applies to the Sokra website with all its pages and forms in Finnish, "
        "Swedish and English. It was drawn up under the Act on the Provision of Digital "
        "Services (306/2019).",
        ("Compliance status",),
        "The website partially meets the level A and AA requirements of WCAG 2.1. The known "
        "gaps are listed below.",
        ("How we assessed accessibility",),
        "We assessed the website ourselves in November 2026. We checked every page type in "
        "three languages at desktop and phone screen widths with the axe-core tool, and went "
        "through registration, the newsletter subscription and the participation-week event "
        "submission with the keyboard only. The same checks run automatically with every "
        "change to the website.",
        ("Content that is not accessible",),
        "The website has not yet been tested with screen readers or with people who use "
        "assistive technology.",
        "Not every PDF attachment added by editors is accessible (WCAG 1.3.1 and 2.4.2). Ask "
        "us for the attachment in an accessible format at the address below.",
        "Not every older webinar recording has captions (WCAG 1.2.2).",
        "Links in the research messages lead to other publishers' sites, whose accessibility "
        "we are not responsible for.",
        ("Give feedback on accessibility",),
        "Did you notice a gap? Tell us by e-mail at saavutettavuus@example.org or by phone "
        "at +358 40 123 4567. We answer within 14 days. You can also ask for content that is "
        "not accessible in an accessible format.",
        ("Supervisory authority",),
        "If you are not satisfied with our answer or get no answer within two weeks, you "
        "can notify the supervisory authority: Finnish Transport and Communications Agency "
        "Traficom, Accessibility Monitoring, www.webaccessibility.fi (contact details and "
        "the notification form).",
        f"This statement was drawn up on {STATEMENT_DATE['en']}.",
    ),
}
