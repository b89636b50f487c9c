"""What each Cyrillic language looks like: its alphabet, its commonest distinctive words, its word endings.

Everything here is general knowledge of the languages (a grammar book's first chapter), not statistics
learned from any test set. :mod:`reader.detection.language` turns it into scores.

Why these kinds of evidence:

- **Alphabets** separate most pairs outright: Serbian and Macedonian have no й щ ь ъ ы э ё я ю; Ukrainian
  has no ы э ё ъ; Belarusian has no и щ ъ; Bulgarian has no ы э ё; Russian has none of і ї є ґ ў ј љ њ ћ
  ђ џ ѓ ќ ѕ ә ғ қ ң ө ұ ү һ. A letter outside a language's alphabet is strong evidence against it.
- **Missing letters** count too: a long span holding none of a language's common letters (Russian ы э ё ь,
  Ukrainian і ї є, Bulgarian ъ) is unlikely to be that language (:data:`CHARACTERISTIC_LETTERS`).
- **Function words** are frequent, so even a short sentence holds some: Russian что, это, был; Bulgarian
  е, са, ще, във, към, които; Macedonian во, со, ќе; Serbian је, су, ће. A word in two lists counts for
  both, so words the languages share (и, на, не; Bulgarian and Russian от) are left out, and the words that
  exist in no other language here count double (:data:`STRONG_FUNCTION_WORDS`).
- **Spelling patterns** catch the rest: Bulgarian writes ъ before consonants (към, също, българ) while
  Russian writes it only after a prefix before е ё ю я (объект, подъезд); Bulgarian writes ь only before
  о (шофьор) while Russian ends words with it (быть, день); endings such as Russian -ться / -ого and the
  Bulgarian definite article -ът.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: ISO 639-1 codes this package can return, Russian first (it is the prior).
LANGUAGES: tuple[str, ...] = ("ru", "uk", "be", "bg", "sr", "mk", "kk")

#: Lower-case alphabet of each language (Macedonian and Bulgarian accented ѐ ѝ included).
ALPHABETS: dict[str, frozenset[str]] = {
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": frozenset("абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "bg": frozenset("абвгдежзийклмнопрстуфхцчшщъьюяѝ"),
    "sr": frozenset("абвгдђежзијклљмнњопрстћуфхцчџш"),
    "mk": frozenset("абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ"),
    "kk": frozenset("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"),
}

#: Distinctive frequent words: each is common in its language and rare or absent in the others listed.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ru": _words(
        """
        что чтобы это этот эта эти этого этой этом этих был была было были который которая которое
        которые которых которым которой котором которого также только его ее её уже если быть будет будут
        может могут более очень ещё еще когда где всё так как него них ним нет мы вы они она он себя
        своей своих свою свой сейчас чем тем том же бы лишь после года году лет время человек люди
        является являются однако тоже сказал из при для
        """
    ),
    "bg": _words(
        """
        е са ще във със към които която който което това тази този тези като че се си ги му ѝ й има няма
        беше бяха бил била сме сте съм също вече трябва нещо някои според чрез година години хора обаче
        докато защото дали всички когато къде тук нея тя може бъде би още само да след една един едно
        едни други пред бе ни най както
        """
    ),
    "uk": _words(
        """
        що як та це цей ця ці цього від він вона вони був була було були також але який яка яке які
        якого яку його її їх дуже після між може буде вже ще коли де тут щоб якщо або чи лише тільки всі
        усі бути
        має мають року рік роки через для із
        """
    ),
    "be": _words(
        """
        і ў што гэта гэты гэтага гэтых гэтым гэтай як для ад па пра якія які якая была быў былі яго яе іх
        ён яна яны
        таксама але калі дзе ужо яшчэ праз пасля паміж толькі таму усе шмат год гадоў сваіх можа будзе
        """
    ),
    "sr": _words(
        """
        је су ће није нису који које којим као али јер још током након према између бити био било били
        због сада само од са у све се да овај ово тај године годину кроз где када зато веома такође њихов њих
        """
    ),
    "mk": _words(
        """
        е во со ќе што кој која кое кои тоа овој оваа ова беше биле бил била било има нема како но исто
        според меѓу кога додека уште веќе ги го му ја ѝ сѐ од се да година години многу преку каде затоа
        тие таа тој ние вие овие дека беа сите треба околу нив
        """
    ),
    "kk": _words(
        """
        және бұл мен деп бар үшін болды еді оның бір де ол олар осы сол бойынша туралы кейін арқылы жоқ
        емес болып болады жылы дейін қазір өз барлық
        """
    ),
}

#: The surest of the words above: they are not words at all in the other languages here, so each counts
#: double (Bulgarian "е" = "is", "са" = "are", "ще" = "will"; Russian "что", "это", "который").
STRONG_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ru": _words(
        """
        что чтобы это этот эти этого также который которая которое которые которых если очень ещё еще
        является являются
        """
    ),
    "bg": _words("са ще във със към че които това тази този тези бяха също най"),
    "uk": _words("що якщо щоб цей ця ці цього від він її їх або також який яка які якого яку дуже"),
    "mk": _words("тоа оваа дека беа сите"),
    "sr": _words("је су ће није нису"),
}

#: Letters each language uses often, with roughly how often (share of all letters, from common letter
#: frequency tables). A long span holding none of them is unlikely to be that language: a 100-letter
#: Russian sentence without any of ы э ё ь is rare, a Bulgarian one without ъ is unusual.
CHARACTERISTIC_LETTERS: dict[str, tuple[str, float]] = {
    "ru": ("ыэёь", 0.04),
    "uk": ("іїє", 0.06),
    "be": ("ўі", 0.06),
    "bg": ("ъ", 0.015),
    "sr": ("јљњћђџ", 0.03),
    "mk": ("јљњѓќѕџ", 0.03),
    "kk": ("әғқңөұүһі", 0.12),
}

#: Word endings typical of one language (only counted on words longer than the ending plus one letter).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "ru": (
        *("ться", "тся", "ются", "ется", "ится", "ешь"),
        *("ого", "его", "ому", "ему", "ой", "ий", "ая", "ое", "ую", "ами", "ями"),
    ),
    # Bulgarian: definite articles (-ът -ят -та -то -те), -ване nouns, 3rd plural -ват, aorist -ха,
    # participles -ащ/-ящ.
    # Adjectives in -ски (Russian writes -ский, -ские; its -ски is only an adverb after по-).
    "bg": ("ът", "ият", "ите", "ата", "ята", "ото", "ето", "ване", "ането", "ват", "ха", "ащ", "ящ", "ски"),
    "uk": ("ння", "ться", "ого"),
    "be": ("нне", "ння", "цца", "ццё", "ць", "ага", "ыя"),
    "sr": ("ог", "ији", "ања", "ски"),
    "mk": ("от", "ите", "ата", "ски"),
    "kk": ("ның", "нің", "дың", "дің", "лар", "лер", "дар", "дер", "тар", "тер"),
}
