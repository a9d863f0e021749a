import math

import torch
from torch import nn

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

# From 08_bigram_counts.py: the pairs of neighbours and the loss that counting gives.
ids = torch.tensor(encode(CORPUS))
xs, ys = ids[:-1], ids[1:]  # every character, and the character that follows it
V = len(vocab)
counts = torch.zeros(V, V)
for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
    counts[x, y] += 1  # row: this character, column: the next one
probs = counts / counts.sum(dim=1, keepdim=True)  # each row: how often each next character came
count_loss = -torch.log(probs[xs, ys]).mean()  # cross-entropy of the counted probabilities

# --8<-- [start:train]
# float64, so that the printed losses and the sampled text are the same on every machine;
# and one CPU thread, on which a model this small is fastest.
torch.set_num_threads(1)
torch.manual_seed(0)
model = nn.Embedding(V, V, dtype=torch.float64)  # row x: the logits of the character after x
nn.init.normal_(model.weight, std=0.02)  # small random logits: all next characters about equal
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=50.0)

for step in range(201):  # every step on all pairs of the text
    loss = loss_fn(model(xs), ys)  # forward pass and loss
    if step % 25 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")
    optimizer.zero_grad()
    loss.backward()  # backward pass
    optimizer.step()  # update
print(f"ln(V) = {math.log(V):.4f}; counting gives {count_loss.item():.4f}")

# Sampling: draw each next character from the model's probabilities, then feed it back.
generator = torch.Generator().manual_seed(0)
with torch.no_grad():
    for start in ("t", "न"):
        ids = [stoi[start]]
        for _ in range(50):
            p = torch.softmax(model.weight[ids[-1]], dim=-1)
            ids.append(torch.multinomial(p, 1, generator=generator).item())
        print("sampled:", repr(decode(ids)))
# --8<-- [end:train]
