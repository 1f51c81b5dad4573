"""The 24 helper questions from the coordination's material (Finnish), with Swedish and
English translations, as the first question set."""

from django.db import migrations

AREAS = {
    "oma-elama": ("1 Osallisuus omassa elämässä", "1 Delaktighet i det egna livet",
                  "1 Participation in one's own life", 0),
    "yhteiskehittaminen": ("2a Yhteissuunnittelu ja -kehittäminen",
                           "2a Gemensam planering och utveckling",
                           "2a Co-planning and co-development", 1),
    "omaehtoinen-toiminta": ("2b Omaehtoinen ja yhteinen toiminta",
                             "2b Självständig och gemensam verksamhet",
                             "2b Self-directed and joint action", 2),
    "yhteinen-hyva": ("3 Osallisuus yhteiseen hyvään", "3 Delaktighet i det gemensamma goda",
                      "3 Participation in the common good", 3),
    "rakenteet": ("Osallisuutta edistävät rakenteet", "Strukturer som främjar delaktighet",
                  "Structures that promote participation", 4),
}

# (area slug, (fi, sv, en) question, (fi, sv, en) examples)
Q = [
    ("oma-elama", (
        "Miten houkuttelette mukaan ihmisiä, jotka eivät koe julkisia tiloja turvallisiksi tai jotka vetäytyvät omiin oloihin rahan puutteen tai muiden vaikeuksien vuoksi?",
        "Hur lockar ni med människor som inte upplever offentliga rum som trygga eller som drar sig undan på grund av penningbrist eller andra svårigheter?",
        "How do you reach out to people who do not feel safe in public spaces or who withdraw because of lack of money or other difficulties?",
    ), None),
    ("oma-elama", (
        "Mitä teette, jotta yksin jääneet tulisivat a) löydetyiksi, b) kunnioittaen kohdatuiksi, c) vuorovaikutukseen innostetuiksi ja d) palveluihin, toimintaan tai työelämään saatetuiksi?",
        "Vad gör ni för att de som blivit ensamma ska a) bli hittade, b) bli bemötta med respekt, c) bli inspirerade till växelverkan och d) bli ledsagade till tjänster, verksamhet eller arbetslivet?",
        "What do you do so that people left on their own are a) found, b) met with respect, c) encouraged to interact and d) accompanied to services, activities or working life?",
    ), None),
    ("oma-elama", (
        "Etsitäänkö toimintaan tai palveluun osallistujan kanssa hänelle sopivia ratkaisuja? Millä tavalla?",
        "Söker man tillsammans med deltagaren lösningar som passar hen i verksamheten eller tjänsten? På vilket sätt?",
        "Are solutions that suit the participant looked for together with them in the activity or service? How?",
    ), None),
    ("oma-elama", (
        "Voiko toimintaan osallistua halutessaan vain sivustakatsojana tai pienellä ja satunnaisellakin panoksella?",
        "Kan man delta i verksamheten enbart som åskådare eller med en liten och tillfällig insats om man vill?",
        "Can people take part only as onlookers, or with a small and occasional contribution, if they wish?",
    ), None),
    ("oma-elama", (
        "Saako osallistuja olla toimija eikä toiminnan kohde? Miten se tehdään käytännössä?",
        "Får deltagaren vara aktör och inte föremål för verksamheten? Hur görs det i praktiken?",
        "Can the participant be an actor rather than the object of the activity? How is this done in practice?",
    ), None),
    ("oma-elama", (
        "Saako osallistuja kokeilla erilaisia rooleja? Miten se tehdään käytännössä?",
        "Får deltagaren pröva olika roller? Hur görs det i praktiken?",
        "Can the participant try out different roles? How is this done in practice?",
    ), None),
    ("oma-elama", (
        "Järjestättekö tapahtumia ja toimintaa, jossa ihmiset voivat irrottautua hetkeksi arjesta? Millaisia?",
        "Ordnar ni evenemang och verksamhet där människor för en stund kan koppla loss från vardagen? Vilka?",
        "Do you organise events and activities where people can take a break from everyday life? What kind?",
    ), None),
    ("yhteiskehittaminen", (
        "Onko osallistujien tarpeita selvitettäessä kuultu osallistujia itseään? Miten?",
        "Har deltagarna själva hörts när deras behov har kartlagts? Hur?",
        "When the participants' needs were explored, were the participants themselves heard? How?",
    ), None),
    ("yhteiskehittaminen", (
        "Käytetäänkö palvelussa tai toiminnassa jotakin yhteiskehittämisen menetelmää?",
        "Används någon metod för gemensam utveckling i tjänsten eller verksamheten?",
        "Does the service or activity use a method of co-development?",
    ), (
        "Esim. kokemusasiantuntijuus, kehittäjäasiakkuus, fokusryhmä, asiakasraati tai jokin aivan uusi menetelmä.",
        "T.ex. erfarenhetsexpertis, utvecklarkundskap, fokusgrupp, kundpanel eller en helt ny metod.",
        "E.g. expertise by experience, developer clients, a focus group, a client panel or an entirely new method.",
    )),
    ("yhteiskehittaminen", (
        "Millaista yhteiskehittämistä tai yhteistuotantoa teette?",
        "Vilken typ av gemensam utveckling eller samproduktion gör ni?",
        "What kind of co-development or co-production do you do?",
    ), (
        "Esim. kokemusasiantuntijan vastaanotto tai kyläjuhlien järjestäminen yhdessä muiden toimijoiden kanssa.",
        "T.ex. en erfarenhetsexperts mottagning eller att ordna byfest tillsammans med andra aktörer.",
        "E.g. an expert by experience's consultation hours or organising a village fête together with other actors.",
    )),
    ("yhteiskehittaminen", (
        "Muotoillaanko palvelua yhdessä asiakkaiden kanssa palvelumuotoilun tai muun tuotekehityksen työkalun avulla? Mitä teette käytännössä?",
        "Formges tjänsten tillsammans med kunderna med hjälp av tjänstedesign eller något annat verktyg för produktutveckling? Vad gör ni i praktiken?",
        "Is the service designed together with clients using service design or another product development tool? What do you do in practice?",
    ), None),
    ("yhteiskehittaminen", (
        "Millä tavalla yhteis- tai tuotekehittämiseen osallistuva voi seurata työnsä vaikuttavuutta?",
        "På vilket sätt kan den som deltar i gemensam utveckling eller produktutveckling följa hur verkningsfullt hens arbete är?",
        "How can someone taking part in co-development or product development follow the impact of their work?",
    ), None),
    ("yhteiskehittaminen", (
        "Kerätäänkö yhteiskehittämisen myötä kertynyttä kokemustietoa talteen ja hyödynnetäänkö sitä paikallisesti tai valtakunnallisesti? Onko tähän luotu pysyvä rakenne?",
        "Samlas den erfarenhetsbaserade kunskap som gemensam utveckling gett till vara, och används den lokalt eller nationellt? Har en bestående struktur skapats för detta?",
        "Is the knowledge from experience gained through co-development collected and used locally or nationally? Has a permanent structure been created for this?",
    ), None),
    ("yhteiskehittaminen", (
        "Pyritäänkö yhteiskehittäminen vakiinnuttamaan pysyväksi käytännöksi julkisen sektorin toimialoilla? Miten?",
        "Strävar man efter att etablera gemensam utveckling som en bestående praxis inom den offentliga sektorns verksamhetsområden? Hur?",
        "Is co-development being established as a permanent practice in the public sector's fields of activity? How?",
    ), None),
    ("omaehtoinen-toiminta", (
        "Annetaanko osallistujille erilaisia tilaisuuksia toteuttaa itseään tai ilmaista ajatuksiaan tai mielipiteitään?",
        "Ges deltagarna olika tillfällen att förverkliga sig själva eller uttrycka sina tankar eller åsikter?",
        "Are participants given different opportunities to express themselves, their thoughts or their opinions?",
    ), (
        "Esim. piirtämällä, maalaamalla, kirjoittamalla, kuvaamalla tai muulla tavoin luovasti.",
        "T.ex. genom att teckna, måla, skriva, fotografera eller på annat kreativt sätt.",
        "E.g. by drawing, painting, writing, photographing or in other creative ways.",
    )),
    ("omaehtoinen-toiminta", (
        "Millä tavoin kaikkein heikoimmassa asemassa olevat saavat osaamisensa näkyviin niin, että siitä seuraa arvostusta ja kiitosta myös oman viiteryhmän ulkopuolelta?",
        "På vilket sätt kan de som har det allra svårast göra sitt kunnande synligt så att det ger uppskattning och tack även utanför den egna referensgruppen?",
        "How can those in the most vulnerable position make their skills visible so that they earn appreciation and thanks from beyond their own group too?",
    ), None),
    ("omaehtoinen-toiminta", (
        "Etsitäänkö keinoja, joilla osallistujat voivat vaikuttaa itselle tärkeisiin asioihin lähipiirissä, elinympäristössä tai laajemmin? Mitä nämä keinot ovat?",
        "Söker man sätt för deltagarna att påverka frågor som är viktiga för dem i den närmaste kretsen, i livsmiljön eller mer allmänt? Vilka är dessa sätt?",
        "Are ways sought for participants to influence matters important to them among those close to them, in their living environment or more widely? What are they?",
    ), None),
    ("omaehtoinen-toiminta", (
        "Lisätäänkö kansalais- ja demokratiataitoja?",
        "Stärks medborgar- och demokratifärdigheter?",
        "Are civic and democratic skills strengthened?",
    ), (
        "Esim. vapaan sivistystyön keinoin, opintopiirein, avoimin tiloin tai maahanmuuttajien kielitaitoon panostamalla.",
        "T.ex. genom fritt bildningsarbete, studiecirklar, öppna lokaler eller satsningar på invandrares språkkunskaper.",
        "E.g. through liberal adult education, study circles, open spaces or investing in immigrants' language skills.",
    )),
    ("omaehtoinen-toiminta", (
        "Toteuttavatko osallistujat yksin tai yhdessä vertaisten ja ammattilaisten kanssa isompia tai pienempiä projekteja, joilla osallistujat saavat tärkeiksi kokemilleen asioille näkyvyyttä?",
        "Genomför deltagarna ensamma eller tillsammans med kamrater och yrkesfolk större eller mindre projekt som ger synlighet åt frågor de upplever som viktiga?",
        "Do participants, alone or with peers and professionals, carry out larger or smaller projects that give visibility to matters they find important?",
    ), (
        "Esim. pop up -tapahtuma, kansalaisopiston kurssi, asennekampanja, mielipidekirjoitus, kokemustietoisku, avoin tila, flash mob, osallistavaa tiedettä tai kulttuuria.",
        "T.ex. ett pop up-evenemang, en kurs vid medborgarinstitutet, en attitydkampanj, en insändare, en erfarenhetsbaserad kunskapsinfo, en öppen lokal, en flash mob, deltagande vetenskap eller kultur.",
        "E.g. a pop-up event, an adult education centre course, an attitude campaign, an opinion piece, a talk based on lived experience, an open space, a flash mob, participatory science or culture.",
    )),
    ("omaehtoinen-toiminta", (
        "Miten rohkaisette osallistujia köyhyyden torjuntaan tai syrjinnän ehkäisemiseen?",
        "Hur uppmuntrar ni deltagarna att bekämpa fattigdom eller förebygga diskriminering?",
        "How do you encourage participants to fight poverty or prevent discrimination?",
    ), None),
    ("yhteinen-hyva", (
        "Luodaanko toiminnassa yhteisiä tiloja ja yleishyödyllistä toimintaa, jossa ihmiset voivat kohdata toisensa tasavertaisina ilman, että ihmisten ongelmat tai taustat määrittäisivät kohtaamista? Pyritäänkö toiminnassa aktiivisesti siihen, että eri väestöryhmät kohtaavat?",
        "Skapar verksamheten gemensamma rum och allmännyttig verksamhet där människor kan mötas som jämlikar utan att deras problem eller bakgrund bestämmer mötet? Strävar verksamheten aktivt efter att olika befolkningsgrupper möts?",
        "Does the activity create shared spaces and activities for the common good where people meet as equals, without their problems or backgrounds defining the encounter? Does it actively aim for different population groups to meet?",
    ), None),
    ("yhteinen-hyva", (
        "Tarjoaako toiminta mahdollisuuden luoda yhteistä hyvää eli sosiaalista ja jopa taloudellista arvoa a) muille toimintaan osallistuville ja b) laajemmin paikallisessa yhteisössä?",
        "Ger verksamheten möjlighet att skapa gemensamt gott, det vill säga socialt och till och med ekonomiskt värde, a) för andra deltagare och b) mer allmänt i lokalsamhället?",
        "Does the activity offer a chance to create common good, that is social and even economic value, a) for other participants and b) more widely in the local community?",
    ), (
        "Esim. virkistys; ympäristönhoito; yhteisten tilojen viihtyvyyden, yhteisötaiteen, harrastusmahdollisuuksien tai sosiaalisen toiminnan yhteistuotanto; tietojen ja taitojen jakaminen; osuuskuntiin osallistuminen; yhteisöllisen hyvinvoinnin ja luottamuksen rakentaminen.",
        "T.ex. rekreation; miljövård; samproduktion av trivsamma gemensamma lokaler, gemenskapskonst, fritidsmöjligheter eller social verksamhet; att dela kunskaper och färdigheter; deltagande i andelslag; att bygga gemensamt välbefinnande och förtroende.",
        "E.g. recreation; caring for the environment; co-producing pleasant shared spaces, community art, hobbies or social activities; sharing knowledge and skills; taking part in cooperatives; building communal wellbeing and trust.",
    )),
    ("yhteinen-hyva", (
        "Tarjoaako toiminta mahdollisuuden nauttia paikallisen yhteisöllisyyden hyvistä puolista?",
        "Ger verksamheten möjlighet att njuta av det goda i den lokala gemenskapen?",
        "Does the activity offer a chance to enjoy the good sides of local community life?",
    ), (
        "Esim. merkityksellisyyden kokemus osana yhteisöä, yhdenvertaisuuden kokemus, luottamus, yhteisöllinen hyvinvointi, toisten ihmisten seura, tiedot ja taidot.",
        "T.ex. upplevelsen av meningsfullhet som en del av en gemenskap, upplevelsen av likvärdighet, förtroende, gemensamt välbefinnande, andra människors sällskap, kunskaper och färdigheter.",
        "E.g. feeling meaningful as part of a community, feeling equal, trust, communal wellbeing, the company of others, knowledge and skills.",
    )),
    ("rakenteet", (
        "Millaisia osallisuutta lisääviä rakenteita toiminnassa luodaan? Miten?",
        "Vilka strukturer som ökar delaktigheten skapas i verksamheten? Hur?",
        "What structures that increase participation does the activity create? How?",
    ), (
        "Esimerkkejä rakenteista: osallisuusohjelma, kunnan ja kansalaistoimijat yhteen tuova toimintamalli (esimerkiksi kumppanuuspöytä tai kumppanuusrahoitus), verkosto, osallisuutta edistävä säännöllinen yleishyödyllinen toiminta, osallisuuden edistämisestä vastaava työntekijä, luovia toimintamalleja työssään käyttävä kiertävä kulttuurituottaja tai luova pedagogi, sosiaalityön asiakkaiden ja kansalaisopiston yhteiskehittämä ja -tuottama säännöllisesti järjestettävä kurssi.",
        "Exempel på strukturer: ett delaktighetsprogram, en verksamhetsmodell som för samman kommunen och medborgaraktörer (till exempel ett partnerskapsbord eller partnerskapsfinansiering), ett nätverk, regelbunden allmännyttig verksamhet som främjar delaktighet, en anställd med ansvar för att främja delaktighet, en ambulerande kulturproducent eller kreativ pedagog som använder kreativa arbetssätt, en regelbunden kurs som utvecklats och produceras tillsammans av socialarbetets klienter och medborgarinstitutet.",
        "Examples of structures: a participation programme, a model that brings the municipality and civic actors together (such as a partnership table or partnership funding), a network, regular participation-promoting activity for the common good, an employee responsible for promoting participation, a touring cultural producer or creative educator who uses creative methods, a regular course co-developed and co-produced by social work clients and an adult education centre.",
    )),
]

INTRO = (
    "Edistääkö toiminta osallisuutta? 24 apukysymystä auttavat tunnistamaan osallisuutta edistävää työtä hankkeen suunnittelu-, toteutus- ja arviointivaiheessa.",
    "Främjar verksamheten delaktighet? De 24 hjälpfrågorna hjälper att känna igen arbete som främjar delaktighet i projektets planerings-, genomförande- och utvärderingsskede.",
    "Does the activity promote participation? The 24 helper questions help recognise work that promotes participation at a project's planning, implementation and evaluation stages.",
)


def forwards(apps, schema_editor):
    ParticipationArea = apps.get_model("network", "ParticipationArea")
    QuestionSet = apps.get_model("network", "QuestionSet")
    Question = apps.get_model("network", "Question")
    if QuestionSet.objects.exists():
        return
    areas = {}
    for slug, (fi, sv, en, order) in AREAS.items():
        areas[slug], _ = ParticipationArea.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )
    question_set = QuestionSet.objects.create(
        name="Osallisuuden apukysymykset", intro_fi=INTRO[0], intro_sv=INTRO[1], intro_en=INTRO[2]
    )
    for order, (slug, text, examples) in enumerate(Q):
        examples = examples or ("", "", "")
        Question.objects.create(
            question_set=question_set,
            sort_order=order,
            part=areas[slug],
            text_fi=text[0],
            text_sv=text[1],
            text_en=text[2],
            examples_fi=examples[0],
            examples_sv=examples[1],
            examples_en=examples[2],
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0007_helper_questions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
