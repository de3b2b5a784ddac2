"""Stopword lists (jusText's, read from the installed ``justext`` package).

jusText ships stoplists for about 100 languages and is already installed as a
dependency of trafilatura, so we reuse its files rather than copying 2.5 MB,
and add the first-person pronouns they lack (``FIRST_PERSON``).
Only the languages in ``LANGUAGES`` are considered for detection; a caller can
pass its own mapping.
"""

from __future__ import annotations

from collections import Counter

# ISO 639-1 code -> jusText stoplist name.
LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "cs": "Czech",
    "sk": "Slovak", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish",
    "tr": "Turkish", "hu": "Hungarian", "ro": "Romanian", "el": "Greek", "uk": "Ukrainian",
    "ca": "Catalan", "hr": "Croatian", "bg": "Bulgarian", "id": "Indonesian", "vi": "Vietnamese",
}
# Below this share of stopwords among sampled words no stoplist fits the text
# (CJK, code, tables): scoring then runs language-neutral.
MIN_DETECT_DENSITY = 0.08
DETECT_SAMPLE_WORDS = 4000
# A text's sentences tell its language when they hold this many words, this
# share of them on the language's stoplist: as many as a line of prose has
# (classify.STOPWORDS_GOOD).  Else all its lines do.
SENTENCE_SAMPLE_WORDS = 200
SENTENCE_DETECT_DENSITY = 0.30


# jusText's lists are the most frequent words of Wikipedia, which is written in
# the third person: "ich", "wir", "je", "yo" are not on them, so blog posts,
# recipes and opinion pieces look poor in stopwords.  We add the first person.
# Not the second: calls to action speak to the reader ("melde dich an", "your
# email"), and adding it did not help (benchmarks/README.md, fifth round).
FIRST_PERSON = {
    "de": "ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren unserem unserer unseres",
    "en": "i me my mine myself we us our ours ourselves",
    "fr": "je j me moi mon ma mes nous notre nos",
    "es": "yo me mí mi mis conmigo nosotros nosotras nos nuestro nuestra nuestros nuestras",
    "it": "io me mi mio mia miei mie noi ci nostro nostra nostri nostre",
    "pt": "eu me mim meu minha meus minhas comigo nós nos nosso nossa nossos nossas",
    "nl": "ik me mij mijn wij we ons onze",
}


def load_stoplists(languages: dict = LANGUAGES) -> dict:
    import justext

    return {code: justext.get_stoplist(name) | frozenset(FIRST_PERSON.get(code, "").split())
            for code, name in languages.items()}


def stopword_index(stoplists: dict) -> dict:
    """word -> the language codes whose stoplist has it (built once per Cleaner)."""
    index: dict = {}
    for code, stoplist in stoplists.items():
        for word in stoplist:
            index.setdefault(word, []).append(code)
    shared: dict = {}  # one tuple per set of codes, so detection counts sets, not words
    return {word: shared.setdefault(tuple(codes), tuple(codes)) for word, codes in index.items()}


def detect_text_language(words: list, sentences: list, stoplists: dict, index: dict) -> tuple[str, frozenset]:
    """The language of a text, by the words of its lines that end like a sentence
    if they read as prose in one, else by all its words (``features.language_samples``).

    A page's prose tells its language where its menus, or a server's warnings
    at the top ("Deprecated: Assigning the return value of new by reference
    is deprecated in ... on line 512", a hundred lines over a German blog),
    may be in another.
    """
    if len(sentences) >= SENTENCE_SAMPLE_WORDS:
        found = detect_language(sentences, stoplists, index, SENTENCE_DETECT_DENSITY)
        if found[0]:
            return found
    return detect_language(words, stoplists, index)


def detect_language(words: list, stoplists: dict, index: dict,
                    min_density: float = MIN_DETECT_DENSITY) -> tuple[str, frozenset]:
    """Pick the stoplist that fits ``words`` best; ``("", empty)`` if none fits.

    A word on several stoplists counts for each of them by a share (1/k):
    some of jusText's lists are large and hold common English words and
    names ("the", "and", "john" are on the Finnish list), and by raw counts
    they would claim English pages.  Ties go to the language listed first
    in ``stoplists``, so the result is deterministic.
    """
    sample = words[:DETECT_SAMPLE_WORDS]
    if not sample:
        return "", frozenset()
    found = Counter(map(index.get, sample))  # set of codes -> count (None: not a stopword)
    found.pop(None, None)
    weight = dict.fromkeys(stoplists, 0.0)
    for codes, count in found.items():
        share = count / len(codes)
        for code in codes:
            weight[code] += share
    best_code = max(weight, key=weight.__getitem__)
    covered = sum(count for codes, count in found.items() if best_code in codes)
    if covered / len(sample) < min_density:
        return "", frozenset()
    return best_code, stoplists[best_code]
