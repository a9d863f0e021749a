import math

import torch

# From 01_characters.py: the corpus and the character tokenizer.
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

vocab = sorted(set(CORPUS))
stoi = {ch: i for i, ch in enumerate(vocab)}  # string to id
itos = {i: ch for ch, i in stoi.items()}  # id to string


def encode(text):
    return [stoi[ch] for ch in text]


def decode(ids):
    return "".join(itos[i] for i in ids)

# --8<-- [start:count]
ids = torch.tensor(encode(CORPUS))
xs, ys = ids[:-1], ids[1:]  # every character, and the character that follows it
V = len(vocab)
counts = torch.zeros(V, V)
for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
    counts[x, y] += 1  # row: this character, column: the next one
probs = counts / counts.sum(dim=1, keepdim=True)  # each row: how often each next character came
count_loss = -torch.log(probs[xs, ys]).mean()  # cross-entropy of the counted probabilities
print(f"{len(xs)} pairs of neighbours, a table of {V} x {V} counts")
after_t = probs[stoi["t"]]
top = after_t.topk(3)
pairs = zip(top.indices.tolist(), top.values.tolist(), strict=True)
print("after 't':", ", ".join(f"{itos[i]!r} {p:.3f}" for i, p in pairs))
print(f"loss of the counted probabilities: {count_loss.item():.4f} nats")
print(f"loss of uniform guessing, ln({V}): {math.log(V):.4f} nats")
# --8<-- [end:count]
