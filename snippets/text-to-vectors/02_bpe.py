# From 01_characters.py: the course's corpus.
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

# --8<-- [start:bpe]
def show(token):
    """A token's bytes as text; bytes that are not a whole UTF-8 character stay as \\x.. codes."""
    return "'" + token.decode("utf-8", errors="backslashreplace") + "'"


print(f"corpus: {len(CORPUS)} characters, {len(CORPUS.encode('utf-8'))} bytes")
for name, part in zip(("English", "Hindi"), CORPUS.splitlines(), strict=True):
    print(f"  {name} part: {len(part)} characters, {len(part.encode('utf-8'))} bytes")
for ch in ("a", "क"):
    print(f"UTF-8 bytes of {ch!r}: {list(ch.encode('utf-8'))}")


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


ids = list(CORPUS.encode("utf-8"))  # start from bytes: 256 possible tokens, 0 to 255
tokens = {i: bytes([i]) for i in range(256)}  # token id -> the bytes it stands for
merges = {}  # (id, id) -> the new id, in the order they were learned
for new_id in range(256, 256 + 100):  # 100 merges
    pairs = {}  # every pair of neighbours, with how often it occurs
    for pair in zip(ids[:-1], ids[1:], strict=True):
        pairs[pair] = pairs.get(pair, 0) + 1
    pair, count = max(pairs.items(), key=lambda item: item[1])  # a tie goes to the pair seen first
    ids = merge(ids, pair, new_id)
    merges[pair] = new_id
    tokens[new_id] = tokens[pair[0]] + tokens[pair[1]]
    if new_id < 256 + 12:  # the first merges, as they are learned
        print(f"merge {new_id - 255:2d}: {pair} -> {new_id}, {count:3d} times: {show(tokens[new_id])}")
print(f"after {len(merges)} merges: {len(ids)} tokens instead of {len(CORPUS.encode('utf-8'))}, "
      f"vocabulary {len(tokens)}")
longest = sorted(tokens.values(), key=len, reverse=True)[:8]
print("longest tokens:", ", ".join(show(t) for t in longest))
# --8<-- [end:bpe]
