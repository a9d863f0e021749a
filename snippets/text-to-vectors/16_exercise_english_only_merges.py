# From 01_characters.py and 03_token_counts.py: the corpus, merge(), encode_bpe() and the sentences.
CORPUS = (
    "the cat sat on the mat. the dog sat on the log. the cat and the dog sat in the sun. "
    "the sun is hot and the cat is happy. the dog is big and the cat is small. "
    "a small model reads one letter at a time and guesses the next one. "
    "it sees the letters before it, never the ones after it. "
    "at first every guess is a coin toss. after training, the guesses get better, "
    "and the model writes words that look like the words it has read. "
    "the cat sat in the sun and the dog sat on the mat.\n"
    "नदी के किनारे एक छोटा गाँव है। गाँव में एक पुराना पेड़ है। "
    "बच्चे पेड़ के नीचे खेलते हैं। शाम को सब लोग नदी के किनारे बैठते हैं और बातें करते हैं। "
    "गाँव के बच्चे नदी में नहाते हैं। "
    "मॉडल एक बार में एक अक्षर पढ़ता है और अगले अक्षर का अनुमान लगाता है। "
    "पहले हर अनुमान तुक्का होता है, पर ट्रेनिंग के बाद अनुमान बेहतर हो जाते हैं। "
    "शाम को बच्चे पेड़ के नीचे बैठते हैं।\n"
)


def merge(ids, pair, new_id):
    """Replace every occurrence of `pair` in `ids`, left to right, with `new_id`."""
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def encode_bpe(text):
    ids = list(text.encode("utf-8"))
    while True:
        learned = [pair for pair in zip(ids[:-1], ids[1:], strict=True) if pair in merges]
        if not learned:
            return ids
        pair = min(learned, key=merges.get)  # merge in the order of training: earliest first
        ids = merge(ids, pair, merges[pair])


def decode_bpe(ids):
    return b"".join(tokens[i] for i in ids).decode("utf-8")


# The same sentence in both languages (both are in the corpus).
sentences = {
    "English": "a small model reads one letter at a time and guesses the next one.",
    "Hindi": "मॉडल एक बार में एक अक्षर पढ़ता है और अगले अक्षर का अनुमान लगाता है।",
}

# --8<-- [start:english_only]
english = CORPUS.splitlines()[0]  # the English part of the corpus only
ids = list(english.encode("utf-8"))
tokens = {i: bytes([i]) for i in range(256)}
merges = {}
for new_id in range(256, 256 + 100):  # the same 100 merges, learned from English alone
    pairs = {}
    for pair in zip(ids[:-1], ids[1:], strict=True):
        pairs[pair] = pairs.get(pair, 0) + 1
    pair, count = max(pairs.items(), key=lambda item: item[1])
    ids = merge(ids, pair, new_id)
    merges[pair] = new_id
    tokens[new_id] = tokens[pair[0]] + tokens[pair[1]]
print("first merges:", ", ".join(repr(tokens[i].decode("utf-8")) for i in range(256, 262)))
for language, text in sentences.items():
    print(f"{language}: {len(text.encode('utf-8'))} bytes -> {len(encode_bpe(text))} BPE tokens")
# --8<-- [end:english_only]
