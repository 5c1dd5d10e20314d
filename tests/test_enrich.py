"""Enrichment rules, language by language, and the bundled seeds end to end."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import stopwordsiso

from coopwatch.enrich import enrich
from coopwatch.enrich.countries import find_countries
from coopwatch.enrich.dates import parse_published
from coopwatch.enrich.text import ArticleText
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.fetchers.local import read_file
from coopwatch.types import RawArticle


def tags(vocabulary: Vocabulary, title: str, body: str, **extra: object):
    return enrich(RawArticle(source="/t", entry_key="", title=title, body=body, **extra), vocabulary)


SEED_EXPECTATIONS = {
    "000": ("de", ("JP", "RU"), None),
    "001": ("en", ("CN", "RU"), "2020-09-18"),
    "002": ("no", ("JP", "VN"), None),
    "003": ("en", ("CN", "RU"), "2017-06-14"),
    "004": ("ru", ("CN", "RU"), None),
}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seeds(vocabulary: Vocabulary, seeds: Path, prefix: str) -> None:
    [path] = seeds.glob(f"{prefix}_*.txt")
    [raw] = read_file(path)
    found = enrich(raw, vocabulary)
    language, countries, published = SEED_EXPECTATIONS[prefix]
    assert (found.language, found.countries, found.published) == (language, countries, published)
    assert found.pairs == (countries,) and found.cooperation


@pytest.mark.parametrize(
    ("language_body", "expected"),
    [
        ("Делегация России встретилась с представителями Китая. Сотрудничество России с Китаем "
         "расширяется, стороны подписали соглашение.", ("CN", "RU")),
        ("Vertreter Russlands und Chinas unterzeichneten ein Abkommen über die Zusammenarbeit. "
         "Russland und China wollen gemeinsam forschen.", ("CN", "RU")),
        ("Kinas og Norges forskere har signert en avtale om samarbeid. Norge og Kina vil "
         "utveksle studenter.", ("CN", "NO")),
    ],
)
def test_inflected_names_match_through_stems(vocabulary: Vocabulary, language_body: str,
                                              expected: tuple[str, ...]) -> None:
    found = tags(vocabulary, "", language_body)
    assert found.countries == expected and found.pairs == (expected,)


def test_adjectives_and_compounds(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Российско-китайский форум по инновациям",
                 "Российские и китайские компании подписали соглашение о сотрудничестве. "
                 "Российско-китайское партнерство укрепляется.")
    assert found.countries == ("CN", "RU") and found.pairs == (("CN", "RU"),)
    found = tags(vocabulary, "Sino-Russian dialogue on innovation",
                 "Russian and Chinese officials signed a cooperation agreement in Beijing.")
    assert found.pairs == (("CN", "RU"),)


def test_abbreviations_are_case_exact(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Торгпред РФ в КНР провел переговоры",
                 "Торгпред РФ в КНР обсудил сотрудничество и подписал соглашение о партнерстве.")
    assert found.countries == ("CN", "RU")
    found = tags(vocabulary, "Let us work together",
                 "It is up to us to help each other and us alone, our partners said.")
    assert "US" not in found.countries


@pytest.mark.parametrize(("title", "body", "pair", "written"), [
    ("U.S. and China sign a trade deal", "The U.S. and China signed a trade agreement on Friday.",
     ("CN", "US"), "U.S."),
    ("EE.UU. y China firman un acuerdo", "EE. UU. y China firmaron un acuerdo de cooperación.",
     ("CN", "US"), "EE. UU."),
    ("Les É.-U. et la Chine signent un accord", "Les É.-U. et la Chine ont signé un accord.",
     ("CN", "US"), "É.-U."),
    ("N. Korea and Russia sign a pact", "N. Korea and Russia signed a military pact.",
     ("KP", "RU"), "N. Korea"),
    ("DRC and China sign a mining deal", "The DRC and China signed a cobalt mining agreement.",
     ("CD", "CN"), "DRC"),
])
def test_initials_and_shorthand_name_their_country(vocabulary: Vocabulary, title: str, body: str,
                                                pair: tuple[str, str], written: str) -> None:
    found = tags(vocabulary, title, body)
    assert pair in found.pairs
    assert written in {e.term for e in found.evidence if e.kind == "country" and e.field == "body"}


def test_a_turkish_headline_in_capitals_names_its_countries(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "TÜRKİYE VE ÇİN NÜKLEER ENERJİ ANLAŞMASI İMZALADI",
                 "Ankara ve Pekin, nükleer enerji alanında işbirliği anlaşması imzaladı.")
    assert {e.tag for e in found.evidence if e.kind == "country" and e.field == "title"} \
        == {"CN", "TR"}


def test_only_a_name_written_with_dots_matches_across_one(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Old and new", "Farmers tried the old ways and the New. Zealand, "
                 "the Danish island, grows wheat.")
    assert "NZ" not in found.countries
    found = tags(vocabulary, "St. Lucia and Japan sign a fisheries deal",
                 "St. Lucia and Japan signed a fisheries agreement.")
    assert found.pairs == (("JP", "LC"),)


def test_cjk_compacts(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "中吉乌铁路项目政府间协定签署",
                 "中国、吉尔吉斯斯坦和乌兹别克斯坦三国签署中吉乌铁路合作协议，共同推进合作。")
    assert found.pairs == (("CN", "KG"), ("CN", "UZ"), ("KG", "UZ"))
    found = tags(vocabulary, "中俄能源合作委员会会议", "中俄双方同意深化能源合作，签署合作文件。")
    assert found.pairs == (("CN", "RU"),)


def test_cjk_names_do_not_match_inside_longer_names(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "印度尼西亚与中国签署合作协议",
                 "印度尼西亚和中国签署了合作协议，双方将共同建设铁路。印度尼西亚总统出席。")
    assert found.countries == ("CN", "ID")


def test_compact_exceptions_are_not_pairs(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "中美洲国家签署合作协议", "中美洲国家与越南签署合作协议，共同发展。越南总理出席。")
    assert "US" not in found.countries and "CN" not in found.countries


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("US imposes new sanctions on Chinese chipmakers",
         "The United States imposed sanctions and export controls on Chinese firms. China "
         "accused the US of a trade war and announced retaliatory tariffs."),
        ("Russia beats Canada in the hockey championship final",
         "Russia won the championship match against Canada 4-2. The Russian coach praised the "
         "team; Canada's coach said the tournament was tough."),
        # halted talks: a cooperation cue beside a halting word counts for nothing
        ("South Korea suspends dialogue with Japan over the island dispute",
         "South Korea suspended its dialogue with Japan on Tuesday. Seoul said the talks were suspended "
         "until Tokyo drops its claim; Japan said it would file a lawsuit at the court."),
        ("韓国政府、日本との対話中断を宣言",
         "韓国政府は日本との対話を中断すると宣言した。日本政府は国際司法裁判所への提訴を検討している。"),
        ("امریکہ کے ساتھ خفیہ معلومات کا تبادلہ اور فوجی تعاون معطل کر دیا: وزیر دفاع",
         "پاکستان کے وزیر دفاع نے کہا ہے کہ امریکہ کی جانب سے عسکری امداد کی معطلی کے بعد پاکستان نے "
         "امریکہ سے خفیہ معلومات کا تبادلہ اور فوجی تعاون بند کر دیا ہے۔"),
    ],
)
def test_negatives_have_no_pairs(vocabulary: Vocabulary, title: str, body: str) -> None:
    found = tags(vocabulary, title, body)
    assert len(found.countries) == 2 and found.pairs == () and not found.cooperation


def test_a_story_inside_one_country_has_no_pair(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Japan opens a quantum computing centre",
                 "Japan opened a national quantum computing centre in Tokyo. The Japanese "
                 "government will fund research at universities across Japan.")
    assert found.countries == ("JP",) and found.pairs == ()
    assert "quantum" in found.sectors


def test_country_named_in_passing_is_not_an_actor(vocabulary: Vocabulary) -> None:
    body = ("France and Senegal signed an agreement on solar power plants in Dakar. "
            "French and Senegalese engineers will work together on the grid. "
            "The agreement covers financing and training. " * 3
            + "A similar plant opened in Morocco last year.")
    assert body.index("Morocco") > 400  # deep in the body, past the lead
    found = tags(vocabulary, "France and Senegal agree on solar power", body)
    assert found.countries == ("FR", "SN")


def test_a_country_named_once_in_the_lead_acts_unless_it_is_the_scene(vocabulary: Vocabulary) -> None:
    body = ("The United States signed a trade agreement with Canada on Sunday. The ceremony was "
            "held in Argentina, on the edge of the summit. Officials said the deal covers cars, "
            "steel and grain.")
    assert body.index("Argentina") < 400  # in the lead, once
    found = tags(vocabulary, "US agrees a new trade deal", body)
    assert "CA" in found.countries and ("CA", "US") in found.pairs
    assert "AR" not in found.countries  # where it happened, not who acted
    german = tags(vocabulary, "Ein Astronaut steuert einen Roboter",
                  "Der Astronaut steuerte von der Raumstation aus einen Roboter in den Niederlanden.")
    assert "NL" not in german.countries


@pytest.mark.parametrize(("language", "title", "body", "pair"), [
    ("en", "Ambassador visits a free trade zone",
     "Japan's ambassador in Iran visited the free trade zone of Maku on Monday to see what it can "
     "make. The ambassador in Iran will travel on to Urmia and meet the governor.", ("IR", "JP")),
    ("fa", "سفیر ژاپن از منطقه آزاد بازدید کرد",
     "سفیر ژاپن در ایران امروز از منطقه آزاد تجاری بازدید کرد. این بازدید با هدف شناسایی "
     "ظرفیت‌های اقتصادی انجام شد.", ("IR", "JP")),
])
def test_where_an_envoy_is_posted_is_no_scene(
    vocabulary: Vocabulary, language: str, title: str, body: str, pair: tuple[str, str]
) -> None:
    # "the ambassador in Iran" names the country the envoy works with, not where a story happens
    found = tags(vocabulary, title, body)
    assert found.language == language
    assert set(pair) <= set(found.countries)
    assert pair in found.pairs


def test_a_country_the_headline_never_names_and_the_text_names_only_as_the_scene_is_no_actor(
        vocabulary: Vocabulary) -> None:
    body = ("The United States agreed to fly French troops and equipment to the conflict in Mali. "
            "France asked for the help of its allies last week. Washington will not send soldiers "
            "in Mali, the Pentagon said. French forces in Mali number 2,000, the French defence "
            "minister said, and thanked the United States for its cooperation.")
    found = tags(vocabulary, "The US helps France with transport aircraft", body)
    assert found.countries == ("FR", "US") and found.pairs == (("FR", "US"),)
    # named once without "in", it acts; named in the headline, it acts
    acting = tags(vocabulary, "The US helps France with transport aircraft",
                  body + " Mali thanked both countries for their support.")
    assert "ML" in acting.countries
    titled = tags(vocabulary, "The US and France help Mali", body)
    assert "ML" in titled.countries


def test_sectors_need_more_than_one_stray_word(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Spain and Mexico sign an agreement on solar energy",
                 "Spain and Mexico signed an agreement on solar energy and power grids. The "
                 "energy ministers will meet again. A football match was played the same day.")
    assert "energy" in found.sectors and "transport_infrastructure" not in found.sectors


@pytest.mark.parametrize(("body", "sector"), [
    ("Poland and Lithuania signed a trade agreement on Monday that lowers duties on dairy goods. "
     "Exporters say cheese now reaches Vilnius by road in a day. The ministers will meet in May.",
     "transport_infrastructure"),
    ("Poland and Lithuania signed a trade agreement on Monday that lowers duties on dairy goods "
     "and factory machines. The ministers will meet in May.", "manufacturing_industry"),
])
def test_everyday_words_said_in_passing_tag_no_broad_sector(
        vocabulary: Vocabulary, body: str, sector: str) -> None:
    # a road or a factory named where the story acts says what is traded or how, not the story
    found = tags(vocabulary, "Poland and Lithuania sign a trade agreement", body)
    assert found.pairs == (("LT", "PL"),) and sector not in found.sectors


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("Korea and Finland open a joint battery lab",
     "Korea and Finland opened a joint laboratory for solid-state batteries in Espoo.", ("FI", "KR")),
    ("La Corée et la France signent un accord sur l'hydrogène",
     "La Corée et la France ont signé un accord de coopération sur l'hydrogène.", ("FR", "KR")),
    ("Россия и Корея подписали соглашение",
     "Россия и Корея подписали соглашение о сотрудничестве в энергетике.", ("KR", "RU")),
])
def test_korea_unqualified_is_the_republic_of_korea(
        vocabulary: Vocabulary, title: str, body: str, pair: tuple[str, str]) -> None:
    assert tags(vocabulary, title, body).pairs == (pair,)
    assert tags(vocabulary, "North Korea fires a missile over Japan",
                "North Korea fired a missile over Japan.").countries == ("JP", "KP")


@pytest.mark.parametrize(("title", "body"), [
    ("Iran to produce the Sputnik V vaccine with Russia",
     "Iran registered the Russian Sputnik V vaccine and will produce it jointly with Russia. The "
     "first doses of Sputnik V arrive next week."),
    ("Иран будет выпускать вакцину «Спутник V» вместе с Россией",
     "Иран зарегистрировал российскую вакцину «Спутник V» и будет производить её вместе с Россией. "
     "Первые дозы вакцины «Спутник V» прибудут на следующей неделе."),
    ("Іран вироблятиме вакцину Супутник V спільно з Росією",
     "Іран зареєстрував російську вакцину Супутник V і вироблятиме її спільно з Росією. Перші дози "
     "вакцини Супутник V прибудуть наступного тижня."),
])
def test_the_sputnik_vaccine_is_no_satellite(vocabulary: Vocabulary, title: str, body: str) -> None:
    found = tags(vocabulary, title, body)
    assert "biotech_health" in found.sectors and "space" not in found.sectors


def test_a_side_remark_does_not_tag_a_sector_beside_the_story(vocabulary: Vocabulary) -> None:
    body = ("China and Brazil launched a joint Earth observation satellite on a Long March rocket on "
            "Tuesday. The satellite is the seventh of the programme that the two countries began in "
            "1988. Both space agencies will share the satellite's images of the Amazon forest with "
            "African countries. Engineers from both countries built the satellite over four years in "
            "Sao Jose dos Campos. Its cameras see details of ten metres, and the satellite will orbit "
            "for five years. A second satellite of the programme is planned for 2028. Separately, a "
            "development bank said that investment in small firms grew, that its venture capital fund "
            "will add investment in farms, and that a new bank loan will follow.")
    found = tags(vocabulary, "China and Brazil launch a joint satellite", body)
    assert found.sectors == ("space",)


def test_a_specific_technology_beside_the_main_sector_is_tagged(vocabulary: Vocabulary) -> None:
    # nuclear is named once where the story acts, beside a story full of energy words: a
    # specific technology is seldom a side remark
    found = tags(vocabulary, "China and Pakistan sign agreement on a new power grid",
                 "China and Pakistan signed an agreement on Monday to build a new power grid and "
                 "three hydropower dams on the Indus. The electricity will reach factories in "
                 "Punjab, and the grid will carry solar power from the desert. Power plants now "
                 "burn imported oil and gas, and the energy ministry wants the renewable share of "
                 "electricity doubled by 2030. The two countries will also study a second nuclear "
                 "reactor at Chashma.")
    assert found.sectors == ("energy", "nuclear")


_TRADE_STORY = ("Spain and Mexico signed a trade agreement on Tuesday that lowers tariffs on farm "
                "goods, wine and olive oil, and opens public tenders in both countries to firms "
                "of the other. The agreement takes effect in January after both parliaments "
                "ratify it. Exporters of both countries welcomed the deal, which had been under "
                "negotiation since 2019, and trade between Spain and Mexico is expected to "
                "double within five years, the two trade ministries said in a joint statement. ")


@pytest.mark.parametrize(("title", "body"), [
    ("Spain and Mexico sign a trade agreement",
     _TRADE_STORY + "The Mexican minister flew back to Mexico City by plane in the evening."),
    ("Spain and Mexico sign a trade agreement",
     _TRADE_STORY + "The Spanish delegation left for Madrid in an aircraft of the air force."),
])
def test_a_plane_named_in_passing_is_no_space_story(
    vocabulary: Vocabulary, title: str, body: str
) -> None:
    # aviation is space's (SECTORS.md), but a broad word of it needs the usual bar
    assert "space" not in tags(vocabulary, title, body).sectors


def test_a_satellite_once_or_an_aviation_story_is_space(vocabulary: Vocabulary) -> None:
    satellite = tags(vocabulary, "Spain and Mexico sign a trade agreement",
                     "Spain and Mexico signed an agreement to launch a satellite together.")
    aviation = tags(vocabulary, "Spain and Mexico cooperate in aviation",
                    "Spain and Mexico signed an agreement on civil aviation. Airbus will build "
                    "aircraft in Querétaro.")
    assert "space" in satellite.sectors and "space" in aviation.sectors


def test_user_sector_terms(vocabulary: Vocabulary) -> None:
    custom = Vocabulary(
        country_names=vocabulary.country_names, places=vocabulary.places,
        aliases=vocabulary.aliases, cue_lists=vocabulary.cue_lists,
        sector_lists=vocabulary.sector_lists, user_sector_terms={"arctic": ["arctic", "polar"]},
        languages=vocabulary.languages,
    )
    found = tags(custom, "Norway and Russia cooperate on Arctic research",
                 "Norway and Russia signed an agreement on polar research in the Arctic.")
    assert "arctic" in found.sectors


def test_every_sector_id_is_what_enrichment_tags(vocabulary: Vocabulary) -> None:
    # sector_ids reads only the table names of sectors.toml, which enrichment parses whole
    from coopwatch.vocabulary import sector_ids

    shipped = list(vocabulary.sector_lists)
    assert sector_ids() == shipped and len(shipped) == 17
    assert sector_ids({"arctic": ["polar"], "ai": ["x"]}) == [*shipped, "arctic"]


def test_evidence_points_into_the_text(vocabulary: Vocabulary) -> None:
    title = "Japan and Vietnam sign a semiconductor memorandum"
    body = "Japan and Vietnam signed a memorandum on semiconductors and chips in Hanoi."
    found = tags(vocabulary, title, body)
    texts = {"title": title, "body": body}
    assert {e.tag for e in found.evidence if e.kind == "country"} == {"JP", "VN"}
    for item in found.evidence:
        assert texts[item.field][item.start:item.end] == item.term


@pytest.mark.parametrize(
    ("hints", "language", "expected"),
    [
        (("18.09.2020 123 views",), "en", "2020-09-18"),
        (("date 2017-06-14 Back to Main page",), "en", "2017-06-14"),
        (("2023年3月22日 新闻联播",), "zh", "2023-03-22"),
        (("red, 16. 5. 2016",), "de", "2016-05-16"),
        (("June 14, 14:28 UTC+3 BEIJING",), "en", None),
        (("29 апреля",), "ru", None),
        (("Опубликовано 5 марта 2021 года",), "ru", "2021-03-05"),
        (("Published March 5, 2021",), "en", "2021-03-05"),
        (("31.12.2099",), "en", None),
    ],
)
def test_published(hints: tuple[str, ...], language: str, expected: str | None) -> None:
    assert parse_published(hints, language, today=date(2026, 11, 22)) == expected


def test_feed_date_wins_and_language_hint_helps_thin_text(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "", "", published="2024-01-02", language_hint="fi")
    assert found.published == "2024-01-02" and found.language == "fi"


def test_a_few_letters_name_no_language(vocabulary: Vocabulary) -> None:
    assert tags(vocabulary, "x", "").language is None
    assert tags(vocabulary, "OK 2024", "", language_hint="de").language == "de"
    assert tags(vocabulary, "中俄合作", "").language == "zh"  # one script decides on its own


def test_arabic_names_under_bound_prefixes_and_no_stem_collisions(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "اتفاق بين تونس وكوريا الجنوبية",
                 "وقعت تونس وكوريا الجنوبية اتفاقية تعاون. سوف تقدم كوريا الجنوبية مساعدة مالية لتونس.")
    assert found.countries == ("KR", "TN")  # not Fiji (سوف "will") nor Mali (مالية "financial")


def test_a_treaty_named_after_a_city_is_no_actor(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "US to leave the Paris Agreement",
                 "The United States said it would withdraw from the Paris Agreement on climate. "
                 "The Paris Agreement was signed in 2015.")
    assert found.countries == ("US",)


def test_a_place_followed_by_its_state(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "A university in Moscow, Idaho opens a lab",
                 "The university in Moscow, Idaho opened a quantum laboratory. Idaho officials "
                 "said the lab will hire researchers from across the state.")
    assert found.countries == ("US",)


def test_closest_name_wins(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Nigeria and Britain sign a trade memorandum",
                 "Nigeria and Britain signed a memorandum of understanding in Lagos. Nigerian and "
                 "British officials agreed to cooperate; Indiana was not involved.")
    assert found.countries == ("GB", "NG")


def test_an_index_answers_alike_whatever_it_met_before(seeds: Path) -> None:
    # A name index files its names as texts first hold their first letters; what it met
    # before must not change what it finds in the next text.
    from coopwatch.vocabulary import load_vocabulary

    texts = [("Nigeria and Britain sign a memorandum", "Officials from Nigeria, Niger and Britain "
              "met in Lagos. Indiana and Moscow, Idaho were not involved."),
             ("Niger signs with Nigeria", "Nigerian and Nigerien officials agreed in Niamey.")]
    texts += [(raw.title or "", raw.body) for path in sorted(seeds.glob("*.txt"))
              for raw in read_file(path)]
    shared = load_vocabulary()
    for title, body in texts + texts[::-1]:
        assert tags(shared, title, body) == tags(load_vocabulary(), title, body)


def test_one_vocabulary_answers_alike_from_many_threads(seeds: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from coopwatch.vocabulary import load_vocabulary

    texts = [(raw.title or "", raw.body) for path in sorted(seeds.glob("*.txt"))
             for raw in read_file(path)]
    expected = [tags(load_vocabulary(), title, body) for title, body in texts]
    shared = load_vocabulary()
    with ThreadPoolExecutor(4) as threads:
        runs = [threads.submit(lambda: [tags(shared, title, body) for title, body in texts])
                for _ in range(4)]
        assert all(run.result() == expected for run in runs)


def test_provinces_stand_for_their_country(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Guangdong and Bavaria sign an innovation partnership",
                 "Guangdong province and Bayern signed a partnership on hydrogen research. "
                 "Companies from Guangdong and Bayern will work together.")
    assert found.countries == ("CN", "DE") and found.pairs == (("CN", "DE"),)


def test_bound_class_prefixes(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Zimbabwe Yotambira Nhomba Kubva KuChina",
                 "Zimbabwe yakatambira nhomba dzeCovid-19 kubva kuChina. Hurumende yeZimbabwe "
                 "yati nhomba idzi dzabva kuChina zvakare.")
    assert found.language == "sn" and found.countries == ("CN", "ZW")


def test_hausa_is_recognised_and_read(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Sin za ta taimaka wa Najeriya",
                 "Jakadan kasar Sin a Abuja ya ce kasar Sin za ta taimaka wa Najeriya da sauran "
                 "kasashen Afirka. Ya kuma ce hadin gwiwa tsakanin Sin da Najeriya na da muhimmanci.")
    assert found.language == "ha" and found.countries == ("CN", "NG") and found.cooperation


def test_vietnamese_syllables_are_not_names(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Nhật báo Rodong cập nhật tin tức về Triều Tiên",
                 "Nhật báo Rodong Sinmun của Triều Tiên cập nhật tin tức. Bình Nhưỡng tuyên bố "
                 "phóng vệ tinh.")
    assert "JP" not in found.countries and "KP" in found.countries


def test_conflict_with_a_third_country_keeps_the_cooperating_pair(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "US and Ukraine cooperate against Russian hackers",
                 "US and Ukrainian teams signed a cooperation agreement and work together as "
                 "partners. Russian hackers attacked Ukraine; the Russian attack was an act of war "
                 "and Ukraine accused Russia of espionage. US experts help Ukraine as partners.")
    assert found.cooperation and found.pairs == (("UA", "US"),)
    assert set(found.countries) == {"RU", "UA", "US"}


def test_today_dates_in_the_lead(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "اتفاقية تعاون بين تونس والجزائر",
                 "تم اليوم الخميس 30 جويلية 2015 امضاء اتفاقية تعاون بين تونس والجزائر في مجال الطاقة.")
    assert found.published == "2015-07-30"
    found = tags(vocabulary, "Agreement signed",
                 "Officials met on Monday. Back in 2015 the first deal was signed on 3 May 2015.")
    assert found.published is None


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("Israeli and American researchers rate friendships",
     "Researchers from Tel Aviv University and MIT in the United States gathered data for a study "
     "of friendship in Israel. The scientists found that half of all friendships are one-sided.",
     ("IL", "US")),
    ("Científicos de España y México estudian el maíz",
     "Investigadores de universidades de España y de México publicaron un estudio sobre el maíz. "
     "Según los científicos, las variedades mexicanas resisten mejor la sequía.", ("ES", "MX")),
])
def test_researchers_of_two_countries_in_one_sentence_work_together(
    vocabulary: Vocabulary, title: str, body: str, pair: tuple[str, str]
) -> None:
    found = tags(vocabulary, title, body)
    assert found.cooperation and found.pairs == (pair,)
    assert any(item.kind == "cooperation" and item.term.casefold().startswith(("research", "investig"))
               for item in found.evidence)


def test_researchers_of_one_country_say_nothing_of_cooperation(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "American researchers publish a study of Chinese coal plants",
                 "Researchers at a university in the United States published a study. The "
                 "scientists measured the output of coal plants. China builds many new plants.")
    assert not found.cooperation and found.pairs == ()


# Everyday words that share a stem or a first few letters with a sector term or cue word, in
# sentences news writes every day: none of them is that term.
EVERYDAY_WORDS = [
    ("sectors", "no", "Solidaritet med de som har solgt huset.", "energy"),
    ("sectors", "da", "Han tog toget? Nej, han tog bilen til rummet ved siden af.", "transport_infrastructure"),
    ("sectors", "pl", "Liczba turystów stale rośnie, a ceny są drogie.", "manufacturing_industry"),
    ("sectors", "pl", "To jest kolejny portret na portalu.", "transport_infrastructure"),
    ("sectors", "uk", "Ця робота водночас важлива, роботи багато.", "robotics"),
    ("sectors", "uk", "Ця робота водночас важлива, роботи багато.", "energy"),
    ("sectors", "hu", "A vonatkozó szabályok szerint az urak döntenek.", "transport_infrastructure"),
    ("sectors", "hu", "A vonatkozó szabályok szerint az urak döntenek.", "nuclear"),
    ("sectors", "pt", "Ele abriu a porta da sala.", "transport_infrastructure"),
    ("sectors", "ru", "Стало известно, что он стал министром.", "manufacturing_industry"),
    ("sectors", "id", "Presiden baru itu berjalan dan melanjutkan pidatonya.", "energy"),
    ("sectors", "id", "Presiden baru itu berjalan dan melanjutkan pidatonya.", "transport_infrastructure"),
    ("sectors", "id", "Presiden baru itu berjalan dan melanjutkan pidatonya.", "environment_climate"),
    ("sectors", "fa", "این ماه رئیس جمهور سفر کرد.", "space"),
    ("sectors", "tr", "Yarın bakan yardımcısı konuşacak, bunu bilir.", "education_research"),
    ("sectors", "ms", "Selepas itu dia buat keputusan dan minum air.", "manufacturing_industry"),
    ("sectors", "ms", "Selepas itu dia buat keputusan dan minum air.", "agriculture_food"),
    # to study is not the students of a university
    ("sectors", "es", "El gobierno estudiará la propuesta y estudia otras.", "education_research"),
    ("sectors", "ca", "El govern estudiarà la proposta i l'estudia.", "education_research"),
    ("sectors", "pt", "O governo vai estudar a proposta deste estudo.", "education_research"),
    ("sectors", "fr", "Le gouvernement va étudier la proposition.", "education_research"),
    ("sectors", "et", "Politsei alustas juhtumi uurimist.", "education_research"),
    ("cues", "fi", "Presidentti tuli Helsinkiin ja keskusteli kansan kanssa.", "conflict"),
    ("cues", "pl", "Ten raz było inaczej.", "cooperation"),
    ("cues", "id", "Harga yang sama berlaku.", "cooperation"),
    ("cues", "tr", "Yarın bakan yardımcısı konuşacak.", "cooperation"),
    ("cues", "hi", "उन्हें नौकरी मिल गई और उन्हें पैसा मिला।", "cooperation"),
    ("cues", "ar", "طول الطريق مئة كيلومتر.", "conflict"),
]


@pytest.mark.parametrize(("kind", "language", "text", "tag"), EVERYDAY_WORDS)
def test_an_everyday_word_is_not_a_term_it_resembles(
    vocabulary: Vocabulary, kind: str, language: str, text: str, tag: str
) -> None:
    index = vocabulary.sectors(language) if kind == "sectors" else vocabulary.cues(language)
    assert [text[hit.start:hit.end] for hit in index.find(text) if hit.term.tag == tag] == []


# Everyday words that are inflections of a listed term itself (provided: provide), or that the
# stopword lists hold although they are content words of the term (Arabic طاق of الطاقة)
STOPWORDS_OF_THE_TERM = {
    ("en", "provided"), ("en", "provides"), ("fr", "avions"), ("ar", "طاق"), ("ar", "كرب"),
    ("id", "bersama-sama"), ("ms", "pelabur"), ("ms", "perladangan"), ("ms", "membantu"),
    ("ko", "공동으로"), ("el", "μαζι"),
}


# the languages stopwords-iso lists frequent words for, of those langdetect detects
STOPWORD_LANGUAGES = sorted(
    {"en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "pl", "no", "sv", "da", "fi", "ro", "tr",
     "ar", "fa", "hi", "ur", "id", "ms", "vi", "th", "zh", "ja", "ko", "sw", "ha", "so", "bg", "cs",
     "hr", "sk", "sl", "bn", "el", "et", "gu", "hu", "he", "lt", "lv", "af", "ca", "mr", "tl"})


@pytest.mark.parametrize("language", STOPWORD_LANGUAGES)
def test_no_everyday_word_of_a_language_matches_a_term_it_is_not(
    vocabulary: Vocabulary, language: str
) -> None:
    # stopwords-iso's lists of each language's most frequent words: a cue or sector term that
    # matches one through a shared stem or prefix (kanssa for kanne, sillä for silta, 정도로 for
    # 도로) fires in nearly every text of its language
    wrong = []
    for index in (vocabulary.sectors(language), vocabulary.cues(language)):
        for word in stopwordsiso.stopwords(language):
            for hit in index.find(word):
                term = hit.term.text.rstrip("*").casefold()
                if hit.term.tag == "research":  # researcher, research: one family, and no tag
                    continue
                if term != word.casefold() and (language, word) not in STOPWORDS_OF_THE_TERM:
                    wrong.append(f"{hit.term.text} <- {word}")
    assert wrong == []


@pytest.mark.parametrize("language", STOPWORD_LANGUAGES)
def test_no_everyday_word_of_a_language_names_a_country(vocabulary: Vocabulary, language: str) -> None:
    # Hungarian lett (became) is also "Latvian", Tagalog hindi (not) "Indian", Arabic كيف (how)
    # Kyiv as Persian writes it, Hebrew מכיוון (because) holds יוון (Greece)
    countries = vocabulary.countries(language)
    named = {(word, hit.term.tag) for word in stopwordsiso.stopwords(language)
             for hit in countries.find(word) if hit.term.tag != "-"}
    # русский is Russian; Lithuanian tajai is also a case of the Thai demonym
    assert named - {("русский", "RU"), ("tajai", "TH")} == set()


@pytest.mark.parametrize("language", STOPWORD_LANGUAGES)
def test_no_everyday_word_opening_a_sentence_names_a_country(
    vocabulary: Vocabulary, language: str
) -> None:
    # with its capital, as a sentence or a headline begins: Само (only) is no Samoa, Seulement
    # no Seoul, Indicate no India, Kita (we) no Quito
    named = {(opening, mention.code) for word in stopwordsiso.stopwords(language)
             if (opening := word[:1].upper() + word[1:]) != word
             for mention in find_countries(ArticleText.of("", opening), language, vocabulary).mentions}
    assert named - NAMES_AMONG_STOPWORDS == set()


# names that the lists of frequent words hold (Malay's holds its neighbours), and Lithuanian
# gana (enough), which is also Ghana's name
NAMES_AMONG_STOPWORDS = {
    ("Amerika", "US"), ("Australia", "AU"), ("China", "CN"), ("India", "IN"), ("Indonesia", "ID"),
    ("Jepun", "JP"), ("Malaysia", "MY"), ("Sabah", "MY"), ("Sarawak", "MY"), ("Singapura", "SG"),
    ("Thailand", "TH"), ("Москва", "RU"), ("Россия", "RU"), ("Русский", "RU"), ("Microsoft", "US"),
    ("Gana", "GH"),
}


PIPELINE_STORY = (
    "India says gas pipeline contract with Iran is in its final stage",
    "India's oil minister said the contract for the gas pipeline from Iran to India is in its final "
    "stage and will be signed soon. India and Iran agreed on the price formula for the gas last "
    "year. Indian officials met Iranian officials in Tehran on Sunday, and India wants the gas by "
    "2012, the Indian minister said. The pipeline from Iran to India and Pakistan would run 2,600 "
    "kilometres.",
)


def test_the_three_countries_a_story_names_are_its_three_actors(vocabulary: Vocabulary) -> None:
    # Pakistan is named once, far below India, but "the three countries" sign the contract
    title, body = PIPELINE_STORY
    found = tags(vocabulary, title, body + " The three countries will sign the contract next month.")
    assert found.countries == ("IN", "IR", "PK")
    assert found.pairs == (("IN", "IR"), ("IN", "PK"), ("IR", "PK"))


def test_a_country_named_once_in_passing_stays_out_when_no_count_brings_it_in(
    vocabulary: Vocabulary,
) -> None:
    title, body = PIPELINE_STORY
    found = tags(vocabulary, title, body + " The two countries will sign the contract next month.")
    assert found.countries == ("IN", "IR") and found.pairs == (("IN", "IR"),)


def test_mobile_networks_and_smartphones_are_their_sectors(vocabulary: Vocabulary) -> None:
    network = tags(vocabulary, "Finnish firm builds LTE networks in Russia",
                   "The Finnish company will deliver LTE base stations and network software to "
                   "Russia's third largest mobile operator. The LTE network covers the Urals.")
    phones = tags(vocabulary, "Russian smartphone maker starts sales in China",
                  "A Chinese distributor signed an agreement with the Russian maker to sell its "
                  "smartphones in China. The smartphone will be sold in 20 provinces.")
    assert "telecom_5g" in network.sectors and "ict_digital" in phones.sectors


def test_countries_that_compete_do_not_cooperate(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary,
                 "Trump tells Putin the US will compete with Russia to supply gas to Europe",
                 "At their summit in Helsinki, President Trump told President Putin that the United "
                 "States would compete with Russia in supplying gas to Europe. The rivalry between "
                 "the two exporters is strategic competition, Trump said after the talks. Russia is "
                 "Europe's biggest supplier, and American gas is its rival.")
    assert not found.cooperation and found.pairs == ()


@pytest.mark.parametrize(("title", "body"), [
    ("Japan und Kanada: Astronauten erreichen die ISS",
     "Ein Astronaut aus Japan und eine Astronautin aus Kanada haben am Freitag die ISS erreicht. "
     "Sie sollen sechs Monate an Bord bleiben."),
    ("Japon et Canada : deux astronautes rejoignent la Station spatiale internationale",
     "Un astronaute du Japon et une astronaute du Canada ont rejoint la Station spatiale "
     "internationale samedi. Ils y resteront six mois."),
])
def test_a_crew_of_the_international_space_station_cooperates(
    vocabulary: Vocabulary, title: str, body: str
) -> None:
    # the station is several countries' joint work: beside two of them it says they cooperate
    found = tags(vocabulary, title, body)
    assert found.cooperation
    assert found.pairs == (("CA", "JP"),)


def test_a_country_leaving_the_space_station_is_no_cooperation(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Russia to leave the ISS after 2024",
                 "Russia will withdraw from the International Space Station after 2024 and build "
                 "its own orbital station, the head of Roscosmos said on Tuesday.")
    assert not found.cooperation


def test_one_country_leaving_an_agreement_is_no_cooperation(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "Trump announces the United States will withdraw from the Paris accord",
                 "President Trump said on Thursday that the United States will withdraw from the "
                 "agreement on climate change signed in 2015. The agreement commits its members to "
                 "cut emissions, and the withdrawal takes four years under the agreement. Leaders "
                 "asked him to keep the agreement, but the US will pull out, Trump said. The "
                 "agreement was a bad deal, he said, and the withdrawal begins now.")
    assert found.countries == ("US",) and not found.cooperation


def test_both_countries_inside_another_korean_word_counts_no_parties(vocabulary: Vocabulary) -> None:
    # 양국 (both countries) stands inside 서양국가 (Western countries) and 해양국가 (maritime states)
    cues = vocabulary.cues("ko")

    def parties(text: str) -> list[str]:
        return [hit.term.tag for hit in cues.find(text) if hit.term.tag == "two_parties"]

    assert parties("서양국가들은 반대했다. 해양국가 연합") == []
    assert parties("한중 양국은 협정을 맺었다") == ["two_parties"]


def test_a_country_name_is_no_sector_term_it_stems_like(vocabulary: Vocabulary) -> None:
    # Catalan Xipre (Cyprus) stems like xip (chip), Romanian Gaza like gaz (gas)
    ca = enrich(RawArticle("/t", "", "Grècia i Xipre signen un acord de cooperació",
                           "Grècia i Xipre han signat un acord de cooperació. Xipre i Grècia "
                           "treballaran junts, va dir el govern de Xipre."), vocabulary)
    assert "semiconductors" not in ca.sectors
    ro = enrich(RawArticle("/t", "", "Egipt și Israel discută despre Gaza",
                           "Egipt și Israel au discutat despre situația din Gaza. Oficialii au "
                           "spus că Gaza are nevoie de ajutor, iar Gaza va primi ajutor."), vocabulary)
    assert "energy" not in ro.sectors


def test_a_language_without_a_stemmer_reads_a_listed_word_in_its_other_forms(
    vocabulary: Vocabulary,
) -> None:
    # lemmas.json: Albanian energjisë (of energy) is energji, the listed word
    found = tags(vocabulary, "Shqipëria dhe Italia nënshkruan marrëveshje bashkëpunimi",
                 "Shqipëria dhe Italia nënshkruan një marrëveshje bashkëpunimi në fushën e "
                 "energjisë. Kompanitë shqiptare dhe italiane do të punojnë së bashku.")
    assert "energy" in found.sectors


def test_a_listed_inflected_form_is_not_widened_to_its_lemma(vocabulary: Vocabulary) -> None:
    # Bulgarian lists пътища (roads), not път, which is also "time" and "way"
    found = tags(vocabulary, "Отново на път",
                 "Групата обяви планове за огромно турне, което ще започне с 35 концерта.")
    assert "transport_infrastructure" not in found.sectors


def test_lemmas_are_for_languages_without_a_stemmer_and_lead_to_listed_words(
    vocabulary: Vocabulary,
) -> None:
    from coopwatch.enrich.matcher import _phrase_words
    from coopwatch.enrich.text import SNOWBALL

    assert vocabulary.lemmas and not set(vocabulary.lemmas) & set(SNOWBALL)
    for language, lemmas in vocabulary.lemmas.items():
        listed = {word for table in (*vocabulary.cue_lists.values(), *vocabulary.sector_lists.values())
                  for lists in (table, table.get("broad", {})) if isinstance(lists, dict)
                  for text in lists.get(language, []) if (words := _phrase_words(text))
                  for word in words[0]}
        assert set(lemmas.values()) <= listed, language


@pytest.mark.parametrize(("language", "title", "body", "sector"), [
    # homographs a stem makes of a sector term: Russian в связи с (in connection with) is no
    # telecom, Ukrainian стала (became) no steel, Italian portato (brought) no port, presto
    # (soon) no loan, Catalan programa no software, French central no power plant, English Mar
    # (March) no Mars
    ("ru", "Россия и Китай обсудили экономические связи",
     "В связи с санкциями Россия и Китай расширили экономические связи и торговые связи.",
     "telecom_5g"),
    ("uk", "Україна та Польща підписали угоду",
     "Вона стала міністром, а угода стала першою. Україна та Польща підписали угоду.",
     "manufacturing_industry"),
    ("it", "Italia e Francia firmano un accordo",
     "L'accordo ha portato presto risultati di grande portata per Italia e Francia.",
     "transport_infrastructure"),
    ("ca", "Espanya i França signen un acord",
     "El programa del govern preveu que Espanya i França signin un acord aviat.",
     "ict_digital"),
    ("fr", "La France et le Sénégal signent un accord",
     "Le comité central du parti a salué l'accord entre la France et le Sénégal.", "energy"),
    ("en", "France and Senegal sign an agreement",
     "Published Mar 5, 2024. France and Senegal signed an agreement on Mar 4.", "space"),
])
def test_a_homograph_of_a_sector_term_tags_no_sector(
    vocabulary: Vocabulary, language: str, title: str, body: str, sector: str
) -> None:
    assert sector not in tags(vocabulary, title, body).sectors


@pytest.mark.parametrize(("language", "text"), [
    ("he", "ארצות הברית וישראל הודיעו על הסנקציות."),  # הברית (the covenant) in the name
    ("da", "Danmark og Sverige meldte det samme om sanktionerne."),  # samme: same
    ("it", "Fin dall'inizio l'Italia ha iniziato presto le sanzioni alla Russia."),
    ("ru", "Россия отказала в визе гражданам Латвии."),  # визе: visa
    ("hi", "इस दौर में भारत और चीन के बीच तनाव बढ़ा।"),  # दौर: era
])
def test_a_homograph_of_a_cue_word_is_no_cue(vocabulary: Vocabulary, language: str, text: str) -> None:
    from coopwatch.enrich.countries import find_countries
    from coopwatch.enrich.pairs import find_cues
    from coopwatch.enrich.text import ArticleText

    article = ArticleText.of("", text)
    cues = find_cues(article, language, vocabulary, find_countries(article, language, vocabulary))
    assert cues.cooperation_score == 0.0


def test_every_phrase_of_word_beginnings_in_the_data_matches(vocabulary: Vocabulary) -> None:
    # "сільськ* господарств*", "akıllı telefon*": each word's beginning, or the word itself
    phrases = [(sector, language, text) for sector, table in vocabulary.sector_lists.items()
               for lists in (table, table.get("broad", {})) if isinstance(lists, dict)
               for language, texts in lists.items() if isinstance(texts, list)
               for text in texts if " " in text.strip() and text.strip().endswith("*")]
    assert len(phrases) >= 10
    for sector, language, text in phrases:
        written = " ".join(part[:-1] + "o" if part.endswith("*") else part for part in text.split())
        found = {hit.term.tag for hit in vocabulary.sectors(language).find(written)}
        assert sector in found, (language, text, written)


def _old_chillu(text: str) -> str:
    # the encoding before Unicode 5.1: consonant, virama, zero-width joiner for each chillu letter
    return text.translate({0x0D7A: "ണ്\u200d", 0x0D7B: "ന്\u200d", 0x0D7C: "ര്\u200d",
                           0x0D7D: "ല്\u200d", 0x0D7E: "ള്\u200d"})


def test_malayalam_in_the_old_chillu_encoding_is_read_as_in_the_new(vocabulary: Vocabulary) -> None:
    title = "ഇന്ത്യയും ഫ്രാൻസും ആണവ കരാറിൽ ഒപ്പുവച്ചു"
    body = ("ന്യൂഡൽഹി: ഇന്ത്യയും ഫ്രാൻസും ആണവോർജ്ജ സഹകരണത്തിനുള്ള കരാറിൽ ഒപ്പുവച്ചു. ജർമ്മനിയും "
            "ചർച്ചകളിൽ പങ്കെടുത്തു. രണ്ടു രാജ്യങ്ങളും ഊർജ്ജ മേഖലയിൽ സംയുക്ത ഗവേഷണം നടത്തും.")
    assert _old_chillu(body) != body
    new, old = tags(vocabulary, title, body), tags(vocabulary, _old_chillu(title), _old_chillu(body))
    assert new.countries == old.countries == ("DE", "FR", "IN")
    assert new.pairs == old.pairs == (("FR", "IN"),) and old.sectors == new.sectors
    # the evidence is the text as written, where the dashboard shows it
    written = _old_chillu(body)
    assert all(written[e.start:e.end] == e.term for e in old.evidence if e.field == "body")


@pytest.mark.parametrize(("title", "body", "pair"), [
    # Arabic-script vowel and doubling marks, which the data does not write
    ("مِصْر والصِّين توقعان اتفاقية تعاون",
     "وقعت مِصْر والصِّين اتفاقية تعاون في مجال الطاقة النووية.", ("CN", "EG")),
    ("الولايات المتّحدة والصين توقعان اتفاقية",
     "وقعت الولايات المتّحدة والصين اتفاقية تعاون في مجال الطاقة.", ("CN", "US")),
    ("پاکستان اور چِین نے معاہدے پر دستخط کیے",
     "پاکستان اور چِین نے جوہری توانائی کے تعاون کے معاہدے پر دستخط کیے۔", ("CN", "PK")),
    # the damma tells Oman from Amman, the capital of Jordan, and is kept
    ("عُمان والهند توقعان اتفاقية تعاون", "وقعت عُمان والهند اتفاقية تعاون في مجال الطاقة.",
     ("IN", "OM")),
    # the data writes Nepali's बङ्गलादेश with the conjunct, Hindi's इंडोनेशिया with the anusvara
    ("नेपाल र बंगलादेशबीच ऊर्जा सम्झौता", "नेपाल र बंगलादेशले जलविद्युत ऊर्जा सहयोग सम्झौतामा हस्ताक्षर गरे।",
     ("BD", "NP")),
    ("नेपाल र बङ्गलादेशबीच ऊर्जा सम्झौता", "नेपाल र बङ्गलादेशले जलविद्युत ऊर्जा सहयोग सम्झौतामा हस्ताक्षर गरे।",
     ("BD", "NP")),
    ("भारत और इण्डोनेशिया ने समझौते पर हस्ताक्षर किए",
     "भारत और इण्डोनेशिया ने ऊर्जा सहयोग समझौते पर हस्ताक्षर किए।", ("ID", "IN")),
    ("भारत और इंडोनेशिया ने समझौते पर हस्ताक्षर किए",
     "भारत और इंडोनेशिया ने ऊर्जा सहयोग समझौते पर हस्ताक्षर किए।", ("ID", "IN")),
    # a conjunct that begins a word or stands before no stop is no nasal the anusvara writes
    ("भारत और न्यूज़ीलैंड ने समझौते पर हस्ताक्षर किए",
     "भारत और न्यूज़ीलैंड ने ऊर्जा सहयोग समझौते पर हस्ताक्षर किए।", ("IN", "NZ")),
])
def test_a_name_written_with_marks_or_another_spelling_of_its_script_names_its_country(
        vocabulary: Vocabulary, title: str, body: str, pair: tuple[str, str]) -> None:
    found = tags(vocabulary, title, body)
    assert found.pairs == (pair,)
    assert all(body[e.start:e.end] == e.term for e in found.evidence if e.field == "body")


def test_a_precomposed_nukta_letter_reads_as_the_letter_and_nukta(vocabulary: Vocabulary) -> None:
    # फ़ (U+095E) against फ + ़, which Unicode normalisation never composes into it
    title, body = "भारत और फ़्रांस ने समझौते पर हस्ताक्षर किए", "भारत और फ़्रांस ने परमाणु ऊर्जा सहयोग समझौते पर हस्ताक्षर किए।"
    precomposed = (title.replace("फ़", "\u095e"), body.replace("फ़", "\u095e"))
    assert precomposed[1] != body
    assert tags(vocabulary, *precomposed).pairs == tags(vocabulary, title, body).pairs == (("FR", "IN"),)


def test_egyptian_spelling_of_final_letters_reads_as_the_standard(vocabulary: Vocabulary) -> None:
    # final ي and ة written ى and ه, as Egyptian news does: the same story, the same tags
    title = "مصر وروسيا توقعان اتفاقية تعاون في الطاقة النووية"
    body = "وقعت مصر وروسيا اتفاقية تعاون في مجال الطاقة النووية. وقال الرئيس الروسي إن التعاون سيستمر."
    egyptian = [re.sub(r"ي\b", "ى", re.sub(r"ة\b", "ه", text)) for text in (title, body)]
    assert egyptian[1] != body
    standard, written = tags(vocabulary, title, body), tags(vocabulary, *egyptian)
    assert written.pairs == standard.pairs == (("EG", "RU"),)
    assert "nuclear" in written.sectors and written.sectors == standard.sectors


@pytest.mark.parametrize("title", [
    "Η ΕΛΛΑΔΑ ΚΑΙ Η ΚΙΝΑ ΥΠΕΓΡΑΨΑΝ ΣΥΜΦΩΝΙΑ ΣΥΝΕΡΓΑΣΙΑΣ",  # capitals drop the accents
    "Η Ελλαδα και η Κινα υπεγραψαν συμφωνια συνεργασιας",  # so does much online text
    "Η Ελλάδα και η Κίνα υπέγραψαν συμφωνία συνεργασίας",
])
def test_greek_with_or_without_its_accents_names_the_same_countries(
        vocabulary: Vocabulary, title: str) -> None:
    found = tags(vocabulary, title, "Ο υπουργός είπε ότι θα ακολουθήσουν νέες επαφές.")
    assert found.pairs == (("CN", "GR"),) and found.cooperation


@pytest.mark.parametrize(("language", "text", "code"), [
    ("ru", "Северная Корея провела испытание", "KP"),  # not Korea, which is the South
    ("ru", "Переговоры с Северной Кореей продолжатся", "KP"),
    ("ru", "Соединённые Штаты и партнёры", "US"),  # ё as written, or as е
    ("ru", "Объединённые Арабские Эмираты инвестируют", "AE"),
    ("sv", "Förenta staterna och partnerna", "US"),
    ("no", "De forente stater og partnerne", "US"),
    ("da", "De Forenede Stater og partnerne", "US"),
])
def test_full_names_the_short_ones_stand_for(vocabulary: Vocabulary, language: str, text: str,
                                            code: str) -> None:
    found = find_countries(ArticleText.of(text, ""), language, vocabulary)
    assert [mention.code for mention in found.mentions] == [code]


@pytest.mark.parametrize(("title", "body"), [
    ("Việt Nam và Nhật Bản ký thỏa thuận hợp tác", "Việt Nam và Nhật Bản ký thỏa thuận hợp tác về năng lượng."),
    ("La France et l'Égypte signent un accord de coopération",
     "La France et l'Égypte ont signé un accord de coopération sur l'énergie."),
])
def test_text_written_decomposed_reads_as_composed(vocabulary: Vocabulary, title: str, body: str) -> None:
    # letters and their accents as separate characters (NFD), as some systems write them
    decomposed = [unicodedata.normalize("NFD", text) for text in (title, body)]
    assert decomposed[1] != body
    found, expected = tags(vocabulary, *decomposed), tags(vocabulary, title, body)
    assert found.pairs == expected.pairs and len(found.pairs) == 1
    assert found.sectors == expected.sectors == ("energy",)
    assert all(decomposed[1][e.start:e.end] == e.term for e in found.evidence if e.field == "body")


@pytest.mark.parametrize("text", [
    "România și Elveția au semnat un acord de cooperare în domeniul energiei.",  # comma below
    "România şi Elveţia au semnat un acord de cooperare în domeniul energiei.",  # cedilla
])
def test_romanian_with_cedilla_or_comma_below_reads_alike(vocabulary: Vocabulary, text: str) -> None:
    found = tags(vocabulary, text.split(" au ")[0] + " semnează un acord de cooperare", text)
    assert found.pairs == (("CH", "RO"),) and found.sectors == ("energy",)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_a_ukrainian_apostrophe_of_any_kind_keeps_the_word_whole(
        vocabulary: Vocabulary, apostrophe: str) -> None:
    body = f"Україна та В{apostrophe}єтнам підписали угоду про співпрацю в галузі енергетики."
    assert tags(vocabulary, body.split(" підписали")[0], body).pairs == (("UA", "VN"),)


def test_full_width_latin_letters_and_digits_read_as_ascii(vocabulary: Vocabulary) -> None:
    found = tags(vocabulary, "日本と米国がＡＩ分野で協力協定に署名", "日本と米国はＡＩと５Ｇの分野で協力協定に署名した。")
    assert found.pairs == (("JP", "US"),) and found.sectors == ("ai", "telecom_5g")
    assert "ＡＩ" in {e.term for e in found.evidence}  # as written


def test_arabic_quantities_are_no_quantum_technology(vocabulary: Vocabulary) -> None:
    # الكميات (the quantities) stems like الكم, which also names quantum physics
    found = tags(vocabulary, "مصر وروسيا توقعان اتفاقية لتوريد القمح",
                 "وقعت مصر وروسيا اتفاقية تعاون لتوريد القمح بالكميات التي تحتاجها الأسواق.")
    assert found.pairs == (("EG", "RU"),) and "quantum" not in found.sectors
    quantum = tags(vocabulary, "مصر وروسيا تتعاونان في الحوسبة الكمومية",
                   "وقعت مصر وروسيا اتفاقية تعاون في مجال الحوسبة الكمومية وفيزياء الكم.")
    assert "quantum" in quantum.sectors


def test_an_adjective_names_an_actor_in_the_headline_and_weighs_less_in_the_body(
        vocabulary: Vocabulary) -> None:
    headline = tags(vocabulary, "Kanadai termelői árak csökkentek",
                    "A termelői árak decemberben 0,4 százalékkal csökkentek.")
    assert headline.countries == ("CA",)
    # named once in the lead, a country is an actor; described once there, it is background
    named = tags(vocabulary, "Nuevo acuerdo energético",
                 "España y Marruecos firmaron un acuerdo de cooperación energética con Suecia.")
    described = tags(vocabulary, "Nuevo acuerdo energético",
                     "España y Marruecos firmaron un acuerdo de cooperación energética con una "
                     "empresa sueca.")
    assert "SE" in named.countries and "SE" not in described.countries
    assert described.pairs == (("ES", "MA"),)
