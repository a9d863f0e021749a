import math

import torch
from torch.utils.data import DataLoader, Dataset

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
# The character tokenizer of "Text to vectors": every distinct character is a token.
vocab = sorted(set(CORPUS))
stoi = {ch: i for i, ch in enumerate(vocab)}
itos = {i: ch for ch, i in stoi.items()}


def encode(text):
    return [stoi[ch] for ch in text]


def decode(ids):
    return "".join(itos[i] for i in ids)




# --8<-- [start:new]
print(f"corpus: {len(CORPUS)} characters; vocabulary: {len(vocab)} characters")
print(f"guessing uniformly among them costs ln({len(vocab)}) = {math.log(len(vocab)):.4f} nats")
for name, part in zip(("English", "Hindi"), CORPUS.splitlines(), strict=True):
    print(f"{name} part: {len(part)} characters, {len(part.encode('utf-8'))} bytes")
devanagari = [ch for ch in CORPUS if "\u0900" <= ch <= "\u097f"]  # Unicode's Devanagari block
print(f"each of its {len(devanagari)} Devanagari characters takes",
      sorted({len(ch.encode("utf-8")) for ch in devanagari}), "bytes in UTF-8; a Latin letter takes",
      sorted({len(ch.encode("utf-8")) for ch in CORPUS if ch.isascii() and ch.isalpha()}))


class CharWindows(Dataset):
    """Every window of `context_length` ids, with the same window shifted by one as targets."""

    def __init__(self, text, context_length):
        self.ids = torch.tensor(encode(text))
        self.T = context_length

    def __len__(self):
        return len(self.ids) - self.T

    def __getitem__(self, i):
        return self.ids[i : i + self.T], self.ids[i + 1 : i + self.T + 1]


# Training / validation split: the last sentence of each part is kept for validation.
english, hindi = CORPUS.splitlines(keepends=True)
cut_en, cut_hi = english.rindex(". ") + 2, hindi.rindex("। ") + 2
train_text, val_text = english[:cut_en] + hindi[:cut_hi], english[cut_en:] + hindi[cut_hi:]
print(f"training text: {len(train_text)} characters, validation text: {len(val_text)}")
print("validation text:", repr(val_text))

train_set = CharWindows(train_text, context_length=16)
val_set = CharWindows(val_text, context_length=16)
print(f"windows: {len(train_set)} for training, {len(val_set)} for validation")

x, y = train_set[0]
print("x =", x.tolist())
print("y =", y.tolist())
print(f"x reads {decode(x.tolist())!r}, y reads {decode(y.tolist())!r}")
# One window holds 16 (context, next character) pairs: x[:t+1] is followed by y[t].
for t in (0, 1, 15):
    print(f"  context {decode(x[: t + 1].tolist())!r} -> next {decode([y[t].item()])!r}")

loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
xb, yb = next(iter(loader))
print(f"one batch: x {tuple(xb.shape)}, y {tuple(yb.shape)}, dtype {xb.dtype}; "
      f"{len(loader)} batches per epoch")
# --8<-- [end:new]
