# The course's tiny corpus, written for it: an English part and a Hindi part.
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

# The vocabulary: every distinct character of the corpus, sorted, each with an integer id.
vocab = sorted(set(CORPUS))
stoi = {ch: i for i, ch in enumerate(vocab)}  # string to id
itos = {i: ch for ch, i in stoi.items()}  # id to string


def encode(text):
    return [stoi[ch] for ch in text]


def decode(ids):
    return "".join(itos[i] for i in ids)


print(f"corpus: {len(CORPUS)} characters; vocabulary: {len(vocab)} characters")
print("vocabulary:", "".join(vocab).replace("\n", "\\n"))
for text in ("the cat", "नदी"):
    ids = encode(text)
    print(f"{text!r} -> {ids} -> {decode(ids)!r}")
# A "character" is a Unicode code point: the vowel sign ी is one of its own.
print("'दी' is", len("दी"), "code points:", " ".join(f"U+{ord(ch):04X}" for ch in "दी"))
