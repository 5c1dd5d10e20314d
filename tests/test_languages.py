"""One cooperation story per language of the issue: countries, the pair and cooperation."""

from __future__ import annotations

import pytest

from coopwatch.enrich import enrich
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import RawArticle

STORIES = {
    "en": ("Britain and Switzerland sign a science cooperation agreement",
           "Britain and Switzerland signed an agreement on cooperation in research and artificial "
           "intelligence on Monday. British and Swiss universities will work together."),
    "fr": ("La France et le Sénégal signent un accord sur l'énergie solaire",
           "La France et le Sénégal ont signé un accord de coopération pour construire des centrales "
           "solaires. Les ingénieurs français et sénégalais travailleront ensemble."),
    "es": ("España y México firman un acuerdo de cooperación en energía",
           "España y México firmaron un acuerdo de cooperación en energía solar. Las empresas "
           "españolas y mexicanas invertirán juntas en nuevas plantas."),
    "pt": ("Brasil e China assinam acordo de cooperação espacial",
           "O Brasil e a China assinaram um acordo de cooperação para construir novos satélites. "
           "As agências espaciais dos dois países trabalharão juntas."),
    "it": ("Italia e Giappone firmano un accordo di cooperazione sull'idrogeno",
           "L'Italia e il Giappone hanno firmato un accordo di cooperazione sull'idrogeno e sulle "
           "energie rinnovabili. Le aziende italiane e giapponesi collaboreranno."),
    "de": ("Deutschland und Indien vereinbaren Zusammenarbeit bei Halbleitern",
           "Deutschland und Indien haben eine Vereinbarung über die Zusammenarbeit bei Halbleitern "
           "unterzeichnet. Deutsche und indische Forscher arbeiten gemeinsam an neuen Chips."),
    "ru": ("Россия и Казахстан подписали соглашение о сотрудничестве в космосе",
           "Россия и Казахстан подписали соглашение о сотрудничестве в космической отрасли. "
           "Российские и казахстанские специалисты будут совместно готовить запуски."),
    "uk": ("Україна та Польща підписали угоду про співпрацю в енергетиці",
           "Україна та Польща підписали угоду про співпрацю в енергетиці та будівництві газопроводу. "
           "Українські та польські компанії працюватимуть разом."),
    "pl": ("Polska i Korea Południowa podpisały umowę o współpracy jądrowej",
           "Polska i Korea Południowa podpisały umowę o współpracy w dziedzinie energetyki jądrowej. "
           "Polskie i koreańskie firmy zbudują razem elektrownię."),
    "no": ("Norge og Kina signerer avtale om samarbeid innen havbruk",
           "Norge og Kina har signert en avtale om samarbeid innen havbruk og fiskeri. Norske og "
           "kinesiske forskere skal samarbeide om matsikkerhet."),
    "sv": ("Sverige och Finland undertecknar avtal om samarbete inom rymden",
           "Sverige och Finland har undertecknat ett avtal om samarbete inom rymdforskning och "
           "satelliter. Svenska och finska forskare ska arbeta tillsammans."),
    "fi": ("Suomi ja Viro allekirjoittivat sopimuksen yhteistyöstä energia-alalla",
           "Suomi ja Viro allekirjoittivat sopimuksen yhteistyöstä energia-alalla ja sähköverkoissa. "
           "Suomalaiset ja virolaiset yritykset rakentavat yhdessä uuden merikaapelin."),
    "ro": ("România și Moldova semnează un acord de cooperare în domeniul energiei",
           "România și Moldova au semnat un acord de cooperare în domeniul energiei și al gazelor. "
           "Companiile românești și moldovenești vor lucra împreună."),
    "tr": ("Türkiye ve Azerbaycan enerji alanında işbirliği anlaşması imzaladı",
           "Türkiye ve Azerbaycan, enerji ve doğalgaz alanında işbirliği anlaşması imzaladı. İki "
           "ülkenin şirketleri boru hattı projesinde birlikte çalışacak."),
    "ar": ("تونس وكوريا الجنوبية توقعان اتفاقية تعاون في مجال الصحة",
           "وقعت تونس وكوريا الجنوبية اتفاقية تعاون في مجال الصحة وصناعة الأدوية. وسيتم تبادل "
           "الخبراء بين البلدين في إطار هذه الاتفاقية."),
    "fa": ("ایران و روسیه قرارداد همکاری در زمینه انرژی امضا کردند",
           "ایران و روسیه قرارداد همکاری در زمینه انرژی و نفت امضا کردند. شرکت‌های ایرانی و روسی "
           "به صورت مشترک در این طرح همکاری خواهند کرد."),
    "ur": ("پاکستان اور چین نے خلائی تعاون کے معاہدے پر دستخط کیے",
           "پاکستان اور چین نے خلائی تعاون کے معاہدے پر دستخط کیے ہیں۔ دونوں ممالک مل کر نیا "
           "سیٹلائٹ تیار کریں گے۔"),
    "hi": ("भारत और जापान ने सेमीकंडक्टर सहयोग समझौते पर हस्ताक्षर किए",
           "भारत और जापान ने सेमीकंडक्टर के क्षेत्र में सहयोग समझौते पर हस्ताक्षर किए। दोनों देशों की "
           "कंपनियां मिलकर चिप बनाएंगी।"),
    "vi": ("Việt Nam và Nhật Bản ký thỏa thuận hợp tác về bán dẫn",
           "Việt Nam và Nhật Bản đã ký thỏa thuận hợp tác trong lĩnh vực bán dẫn. Các doanh nghiệp "
           "hai nước sẽ cùng nhau phát triển chip."),
    "id": ("Indonesia dan Korea Selatan menandatangani perjanjian kerja sama baterai",
           "Indonesia dan Korea Selatan menandatangani perjanjian kerja sama untuk membangun pabrik "
           "baterai kendaraan listrik. Kedua negara akan bekerja sama dalam investasi energi."),
    "ms": ("Malaysia dan Jepun menandatangani perjanjian kerjasama tenaga",
           "Malaysia dan Jepun telah menandatangani perjanjian kerjasama dalam bidang tenaga boleh "
           "diperbaharui. Syarikat dari kedua-dua negara akan bekerjasama membina loji solar."),
    "th": ("ไทยและจีนลงนามความร่วมมือด้านรถไฟความเร็วสูง",
           "ประเทศไทยและจีนลงนามข้อตกลงความร่วมมือด้านรถไฟความเร็วสูง ทั้งสองประเทศจะร่วมกันพัฒนาโครงสร้างพื้นฐาน"),
    "zh": ("中国与巴西签署航天合作协议",
           "中国与巴西签署了航天合作协议，双方将共同研制新一代卫星。两国航天机构将加强合作。"),
    "ja": ("日本とインド、宇宙分野で協力協定に署名",
           "日本とインドは宇宙分野での協力協定に署名した。両国の研究機関が共同で衛星を開発する。"),
    "ko": ("한국과 베트남, 반도체 협력 양해각서 체결",
           "한국과 베트남은 반도체 분야 협력을 위한 양해각서를 체결했다. 양국 기업들은 공동으로 "
           "생산 시설을 건설할 계획이다."),
}
EXPECTED = {
    "en": ("CH", "GB"), "fr": ("FR", "SN"), "es": ("ES", "MX"), "pt": ("BR", "CN"),
    "it": ("IT", "JP"), "de": ("DE", "IN"), "ru": ("KZ", "RU"), "uk": ("PL", "UA"),
    "pl": ("KR", "PL"), "no": ("CN", "NO"), "sv": ("FI", "SE"), "fi": ("EE", "FI"),
    "ro": ("MD", "RO"), "tr": ("AZ", "TR"), "ar": ("KR", "TN"), "fa": ("IR", "RU"),
    "ur": ("CN", "PK"), "hi": ("IN", "JP"), "vi": ("JP", "VN"), "id": ("ID", "KR"),
    "ms": ("JP", "MY"), "th": ("CN", "TH"), "zh": ("BR", "CN"), "ja": ("IN", "JP"),
    "ko": ("KR", "VN"),
}


@pytest.mark.parametrize("language", sorted(STORIES))
def test_a_cooperation_story_in_each_language(vocabulary: Vocabulary, language: str) -> None:
    title, body = STORIES[language]
    found = enrich(RawArticle("/t", "", title, body), vocabulary)
    assert found.language == language
    assert found.countries == EXPECTED[language]
    assert found.pairs == (EXPECTED[language],)
    assert found.cooperation


@pytest.mark.parametrize(("text", "language"), [
    ("ישראל ויפן חתמו על הסכם", "he"), ("Η Ελλάδα και η Κύπρος υπέγραψαν συμφωνία", "el"),
    ("বাংলাদেশ ও জাপান চুক্তি সই করেছে", "bn"), ("ਭਾਰਤ ਅਤੇ ਕੈਨੇਡਾ ਨੇ ਸਮਝੌਤਾ ਕੀਤਾ", "pa"),
    ("ભારત અને જાપાન વચ્ચે કરાર", "gu"), ("இந்தியா மற்றும் ஜப்பான் ஒப்பந்தம்", "ta"),
    ("భారత్ మరియు జపాన్ ఒప్పందం", "te"), ("ಭಾರತ ಮತ್ತು ಜಪಾನ್ ಒಪ್ಪಂದ", "kn"),
    ("ഇന്ത്യയും ജപ്പാനും കരാർ ഒപ്പുവച്ചു", "ml"),
    ("Israel ו-NASA: ישראל ויפן חתמו על הסכם חלל", "he"),  # a few Latin letters do not decide it
])
def test_a_script_only_one_language_writes_names_it(
    vocabulary: Vocabulary, text: str, language: str
) -> None:
    assert enrich(RawArticle(source="/t", entry_key="", title=text, body=text), vocabulary).language == language


def test_a_story_that_opens_with_a_quote_in_english_is_in_the_language_it_goes_on_in(
    vocabulary: Vocabulary,
) -> None:
    # Filipino news quotes officials in English and reports in Tagalog
    quote = ('"We are pleased to hand over the first aircraft of the order, which will serve the '
             'air force in transport, disaster relief and humanitarian missions across the '
             'islands for many years to come. The crew has completed its training and the '
             'aircraft is now on its way," the company said in a statement released on Monday. ')
    story = ("Ayon sa pahayag ng kompanya, ang eroplano ay darating sa Maynila sa susunod na "
             "linggo. Sinabi ng kalihim ng tanggulang pambansa na ang bagong eroplano ay "
             "makakatulong sa mga mamamayan sa panahon ng kalamidad at sa paghahatid ng tulong "
             "sa mga lalawigan. Idinagdag niya na ang pamahalaan ay bibili pa ng dalawang "
             "eroplano sa susunod na taon upang mapalakas ang kakayahan ng hukbong himpapawid. "
             "Ang mga piloto ay nagsanay nang ilang buwan bago ang paghahatid. ") * 2
    assert enrich(RawArticle("/t", "", None, quote + story), vocabulary).language == "tl"


def test_a_tagalog_story_is_read_with_the_english_its_news_mixes_in(vocabulary: Vocabulary) -> None:
    enrichment = enrich(RawArticle(
        "/t", "", "Pilipinas at Japan, bumuo ng joint venture para sa telecommunications",
        "Bumuo ang Pilipinas at Japan ng isang joint venture para sa telecommunications network "
        "nitong Lunes. Ayon sa kalihim, ang Japan ay magbibigay ng mga fiber optic cable sa "
        "Mindanao. Sinabi rin ng kalihim na ang Pilipinas ay magtatayo ng mga bagong tore sa "
        "susunod na taon. Ang joint venture ay tatagal ng sampung taon."), vocabulary)
    assert enrichment.language == "tl"
    assert enrichment.cooperation and enrichment.pairs == (("JP", "PH"),)
