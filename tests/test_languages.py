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

# One energy cooperation story in each other language langdetect detects: the languages no
# labelled set of ours holds (af, cy, sk, lv, mk, ta, te, ml, kn, gu, pa) among them.
ENERGY_STORIES = {
    "af": (
        "Suid-Afrika en Brasilië onderteken ooreenkoms oor samewerking in hernubare energie",
        "Suid-Afrika en Brasilië het Maandag 'n ooreenkoms onderteken oor samewerking in "
        "hernubare energie en sonkrag. Suid-Afrikaanse en Brasiliaanse maatskappye sal "
        "saam nuwe kragstasies bou.", ("BR", "ZA")),
    "bg": (
        "България и Гърция подписаха споразумение за сътрудничество в енергетиката",
        "България и Гърция подписаха споразумение за сътрудничество в енергетиката и "
        "изграждането на газопровод. Българските и гръцките компании ще работят заедно по "
        "проекта.", ("BG", "GR")),
    "bn": (
        "বাংলাদেশ ও জাপান জ্বালানি খাতে সহযোগিতা চুক্তি সই করেছে",
        "বাংলাদেশ ও জাপান সোমবার জ্বালানি ও বিদ্যুৎ খাতে সহযোগিতার একটি চুক্তি সই করেছে। "
        "দুই দেশের প্রতিষ্ঠান যৌথভাবে নতুন বিদ্যুৎকেন্দ্র নির্মাণ করবে।", ("BD", "JP")),
    "ca": (
        "Espanya i el Marroc signen un acord de cooperació en energies renovables",
        "Espanya i el Marroc han signat aquest dilluns un acord de cooperació en energies "
        "renovables i energia solar. Les empreses espanyoles i marroquines treballaran "
        "conjuntament en noves centrals.", ("ES", "MA")),
    "cs": (
        "Česko a Polsko podepsaly dohodu o spolupráci v energetice",
        "Česko a Polsko v pondělí podepsaly dohodu o spolupráci v energetice a výstavbě "
        "plynovodu. České a polské firmy budou společně stavět nové propojení.", ("CZ", "PL")),
    "cy": (
        "Cymru a Japan yn arwyddo cytundeb cydweithio ar ynni adnewyddadwy",
        "Mae Cymru a Japan wedi arwyddo cytundeb i gydweithio ar ynni adnewyddadwy a "
        "thechnoleg hydrogen. Bydd cwmnïau o Gymru a Japan yn gweithio gyda'i gilydd ar "
        "brosiectau newydd.", ("GB", "JP")),
    "da": (
        "Danmark og Tyskland underskriver aftale om samarbejde om vindenergi",
        "Danmark og Tyskland har mandag underskrevet en aftale om samarbejde om "
        "vindenergi og brint. Danske og tyske virksomheder skal sammen bygge nye "
        "havvindmølleparker.", ("DE", "DK")),
    "el": (
        "Ελλάδα και Αίγυπτος υπέγραψαν συμφωνία συνεργασίας στην ενέργεια",
        "Η Ελλάδα και η Αίγυπτος υπέγραψαν τη Δευτέρα συμφωνία ενεργειακής συνεργασίας "
        "και ηλεκτρικής διασύνδεσης. Ελληνικές και αιγυπτιακές εταιρείες θα συνεργαστούν "
        "στο έργο.", ("EG", "GR")),
    "et": (
        "Eesti ja Soome allkirjastasid energeetikaalase koostöö lepingu",
        "Eesti ja Soome allkirjastasid esmaspäeval lepingu koostööks energeetika ja "
        "elektrivõrkude valdkonnas. Eesti ja Soome ettevõtted ehitavad koos uue "
        "merekaabli.", ("EE", "FI")),
    "gu": (
        "ભારત અને જાપાને ઊર્જા ક્ષેત્રે સહકાર કરાર પર હસ્તાક્ષર કર્યા",
        "ભારત અને જાપાને સોમવારે ઊર્જા અને સૌર ઊર્જા ક્ષેત્રે સહકાર માટે કરાર પર "
        "હસ્તાક્ષર કર્યા. બંને દેશોની કંપનીઓ સાથે મળીને નવા પ્લાન્ટ બનાવશે.", ("IN", "JP")),
    "he": (
        "ישראל ויוון חתמו על הסכם שיתוף פעולה בתחום האנרגיה",
        "ישראל ויוון חתמו ביום שני על הסכם לשיתוף פעולה בתחום האנרגיה והגז הטבעי. חברות "
        "ישראליות ויווניות יעבדו יחד על הקמת צינור גז.", ("GR", "IL")),
    "hr": (
        "Hrvatska i Slovenija potpisale sporazum o suradnji u energetici",
        "Hrvatska i Slovenija potpisale su u ponedjeljak sporazum o suradnji u energetici "
        "i izgradnji plinovoda. Hrvatske i slovenske tvrtke zajedno će graditi novi "
        "terminal.", ("HR", "SI")),
    "hu": (
        "Magyarország és Szerbia energetikai együttműködési megállapodást írt alá",
        "Magyarország és Szerbia hétfőn megállapodást írt alá az energetikai "
        "együttműködésről és egy új gázvezeték építéséről. A magyar és a szerb vállalatok "
        "közösen építik meg a vezetéket.", ("HU", "RS")),
    "kn": (
        "ಭಾರತ ಮತ್ತು ಜಪಾನ್ ಇಂಧನ ಕ್ಷೇತ್ರದಲ್ಲಿ ಸಹಕಾರ ಒಪ್ಪಂದಕ್ಕೆ ಸಹಿ ಹಾಕಿದವು",
        "ಭಾರತ ಮತ್ತು ಜಪಾನ್ ಸೋಮವಾರ ಇಂಧನ ಮತ್ತು ಸೌರಶಕ್ತಿ ಕ್ಷೇತ್ರದಲ್ಲಿ ಸಹಕಾರಕ್ಕಾಗಿ ಒಪ್ಪಂದಕ್ಕೆ "
        "ಸಹಿ ಹಾಕಿದವು. ಎರಡೂ ದೇಶಗಳ ಕಂಪನಿಗಳು ಜಂಟಿಯಾಗಿ ಹೊಸ ಘಟಕಗಳನ್ನು ನಿರ್ಮಿಸಲಿವೆ.", ("IN", "JP")),
    "lt": (
        "Lietuva ir Lenkija pasirašė susitarimą dėl bendradarbiavimo energetikos srityje",
        "Lietuva ir Lenkija pirmadienį pasirašė susitarimą dėl bendradarbiavimo "
        "energetikos ir elektros tinklų srityje. Lietuvos ir Lenkijos įmonės kartu ties "
        "naują jungtį.", ("LT", "PL")),
    "lv": (
        "Latvija un Igaunija paraksta līgumu par sadarbību enerģētikā",
        "Latvija un Igaunija pirmdien parakstīja līgumu par sadarbību enerģētikas un vēja "
        "enerģijas jomā. Latvijas un Igaunijas uzņēmumi kopīgi būvēs jaunu vēja parku "
        "jūrā.", ("EE", "LV")),
    "mk": (
        "Македонија и Бугарија потпишаа договор за соработка во енергетиката",
        "Северна Македонија и Бугарија во понеделникот потпишаа договор за соработка во "
        "енергетиката и изградба на гасовод. Македонските и бугарските компании заеднички "
        "ќе го градат проектот.", ("BG", "MK")),
    "ml": (
        "ഇന്ത്യയും ജപ്പാനും ഊർജ മേഖലയിൽ സഹകരണ കരാറിൽ ഒപ്പുവച്ചു",
        "ഇന്ത്യയും ജപ്പാനും തിങ്കളാഴ്ച ഊർജ, സൗരോർജ മേഖലകളിൽ സഹകരണത്തിനുള്ള കരാറിൽ "
        "ഒപ്പുവച്ചു. ഇരു രാജ്യങ്ങളിലെയും കമ്പനികൾ സംയുക്തമായി പുതിയ പ്ലാന്റുകൾ "
        "നിർമ്മിക്കും.", ("IN", "JP")),
    "mr": (
        "भारत आणि जपान यांच्यात ऊर्जा क्षेत्रात सहकार्य करार",
        "भारत आणि जपान यांनी सोमवारी ऊर्जा आणि सौरऊर्जा क्षेत्रात सहकार्यासाठी करारावर "
        "स्वाक्षरी केली. दोन्ही देशांच्या कंपन्या एकत्रितपणे नवीन प्रकल्प उभारतील.", ("IN", "JP")),
    "ne": (
        "नेपाल र भारतबीच ऊर्जा क्षेत्रमा सहकार्य सम्झौतामा हस्ताक्षर",
        "नेपाल र भारतले सोमबार ऊर्जा र जलविद्युत क्षेत्रमा सहकार्यका लागि सम्झौतामा "
        "हस्ताक्षर गरे। दुवै देशका कम्पनीहरूले संयुक्त रूपमा नयाँ प्रसारण लाइन निर्माण "
        "गर्नेछन्।", ("IN", "NP")),
    "nl": (
        "Nederland en België tekenen akkoord over samenwerking op het gebied van waterstof",
        "Nederland en België hebben maandag een akkoord getekend over samenwerking op het "
        "gebied van waterstof en windenergie. Nederlandse en Belgische bedrijven gaan "
        "samen een nieuwe pijpleiding bouwen.", ("BE", "NL")),
    "pa": (
        "ਭਾਰਤ ਅਤੇ ਕੈਨੇਡਾ ਨੇ ਊਰਜਾ ਖੇਤਰ ਵਿੱਚ ਸਹਿਯੋਗ ਸਮਝੌਤੇ 'ਤੇ ਦਸਤਖਤ ਕੀਤੇ",
        "ਭਾਰਤ ਅਤੇ ਕੈਨੇਡਾ ਨੇ ਸੋਮਵਾਰ ਨੂੰ ਊਰਜਾ ਅਤੇ ਸੂਰਜੀ ਊਰਜਾ ਦੇ ਖੇਤਰ ਵਿੱਚ ਸਹਿਯੋਗ ਲਈ ਸਮਝੌਤੇ "
        "'ਤੇ ਦਸਤਖਤ ਕੀਤੇ। ਦੋਵਾਂ ਦੇਸ਼ਾਂ ਦੀਆਂ ਕੰਪਨੀਆਂ ਮਿਲ ਕੇ ਨਵੇਂ ਪਲਾਂਟ ਬਣਾਉਣਗੀਆਂ।", ("CA", "IN")),
    "sk": (
        "Slovensko a Maďarsko podpísali dohodu o spolupráci v energetike",
        "Slovensko a Maďarsko v pondelok podpísali dohodu o spolupráci v energetike a "
        "výstavbe plynovodu. Slovenské a maďarské firmy budú spoločne stavať nové "
        "prepojenie.", ("HU", "SK")),
    "sl": (
        "Slovenija in Hrvaška podpisali sporazum o sodelovanju na področju energetike",
        "Slovenija in Hrvaška sta v ponedeljek podpisali sporazum o sodelovanju na "
        "področju energetike in jedrske energije. Slovenska in hrvaška podjetja bodo "
        "skupaj gradila nov reaktor.", ("HR", "SI")),
    "so": (
        "Soomaaliya iyo Turkiga oo heshiis iskaashi tamarta ah saxiixay",
        "Soomaaliya iyo Turkiga ayaa maanta saxiixay heshiis iskaashi oo ku saabsan "
        "tamarta iyo shidaalka. Shirkadaha labada dal ayaa si wadajir ah uga shaqeyn "
        "doona mashruuca.", ("SO", "TR")),
    "sq": (
        "Shqipëria dhe Italia nënshkruan marrëveshje bashkëpunimi në energji",
        "Shqipëria dhe Italia nënshkruan të hënën një marrëveshje bashkëpunimi në fushën "
        "e energjisë dhe të gazit. Kompanitë shqiptare dhe italiane do të ndërtojnë së "
        "bashku një tubacion të ri.", ("AL", "IT")),
    "sw": (
        "Kenya na China zatia saini mkataba wa ushirikiano katika nishati",
        "Kenya na China zimetia saini mkataba wa ushirikiano katika sekta ya nishati na "
        "umeme wa jua. Kampuni za nchi hizo mbili zitajenga pamoja mitambo mipya.", ("CN", "KE")),
    "ta": (
        "இந்தியா மற்றும் ஜப்பான் எரிசக்தி துறையில் ஒத்துழைப்பு ஒப்பந்தம் கையெழுத்து",
        "இந்தியாவும் ஜப்பானும் திங்கட்கிழமை எரிசக்தி மற்றும் சூரிய சக்தி துறையில் "
        "ஒத்துழைப்புக்கான ஒப்பந்தத்தில் கையெழுத்திட்டன. இரு நாடுகளின் நிறுவனங்களும் "
        "இணைந்து புதிய ஆலைகளை அமைக்கும்.", ("IN", "JP")),
    "te": (
        "భారత్ మరియు జపాన్ ఇంధన రంగంలో సహకార ఒప్పందంపై సంతకం",
        "భారత్ మరియు జపాన్ సోమవారం ఇంధన మరియు సౌరశక్తి రంగంలో సహకారం కోసం ఒప్పందంపై సంతకం "
        "చేశాయి. రెండు దేశాల కంపెనీలు కలిసి కొత్త ప్లాంట్లను నిర్మిస్తాయి.", ("IN", "JP")),
    "tl": (
        "Pilipinas at Japan, lumagda sa kasunduan sa kooperasyon sa enerhiya",
        "Lumagda ang Pilipinas at Japan noong Lunes sa isang kasunduan para sa "
        "kooperasyon sa enerhiya at solar power. Magkasamang magtatayo ang mga kumpanya "
        "ng dalawang bansa ng mga bagong planta.", ("JP", "PH")),
}


@pytest.mark.parametrize("language", sorted(ENERGY_STORIES))
def test_an_energy_cooperation_story_in_each_other_language(vocabulary: Vocabulary, language: str) -> None:
    title, body, pair = ENERGY_STORIES[language]
    found = enrich(RawArticle("/t", "", title, body), vocabulary)
    assert (found.language, found.countries, found.pairs) == (language, pair, (pair,))
    assert found.cooperation and "energy" in found.sectors


@pytest.mark.parametrize(("title", "body", "pair", "sectors"), [
    ("Kenya na China zasaini makubaliano ya mawasiliano",
     "Kenya na China zimesaini makubaliano ya ushirikiano kujenga minara ya simu na kupanua mtandao "
     "wa simu za mkononi wa 5G.", ("CN", "KE"), {"telecom_5g"}),
    ("Tanzania na Urusi zakubaliana kuhusu nishati ya nyuklia",
     "Tanzania na Urusi zimetia saini makubaliano ya ushirikiano katika nishati ya nyuklia na "
     "uchimbaji wa urani.", ("RU", "TZ"), {"nuclear"}),
    ("Soomaaliya iyo Turkiga oo heshiis ka saxiixday warshadaha",
     "Soomaaliya iyo Turkiga ayaa heshiis iskaashi ah ka saxiixday dhismaha warshadaha iyo "
     "isgaarsiinta.", ("SO", "TR"), {"manufacturing_industry", "telecom_5g"}),
])
def test_swahili_and_somali_name_the_sectors_of_a_story(
        vocabulary: Vocabulary, title: str, body: str, pair: tuple[str, str], sectors: set[str]) -> None:
    found = enrich(RawArticle("/t", "", title, body), vocabulary)
    assert found.pairs == (pair,) and found.cooperation and sectors <= set(found.sectors)


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
