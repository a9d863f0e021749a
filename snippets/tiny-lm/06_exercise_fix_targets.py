import math

import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

text = ("the cat sat on the mat. the dog sat on the log. the cat and the dog sat in the sun. "
        "the sun is hot and the cat is happy. the dog is big and the cat is small. ")
vocab = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(vocab)}
itos = {i: ch for ch, i in stoi.items()}


def encode(text):
    return [stoi[ch] for ch in text]


def decode(ids):
    return "".join(itos[i] for i in ids)


class CharWindows(Dataset):
    def __init__(self, text, context_length):
        self.ids = torch.tensor(encode(text))
        self.T = context_length

    def __len__(self):
        return len(self.ids) - self.T

    def __getitem__(self, i):
        x = self.ids[i : i + self.T]
        y = self.ids[i : i + self.T]  # the target at each position of x
        return x, y


loader = DataLoader(CharWindows(text, context_length=16), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
V = len(vocab)
model = nn.Embedding(V, V)  # a bigram model: row i holds the logits of the character after i
optimizer = torch.optim.AdamW(model.parameters(), lr=0.3)
print(f"vocabulary {V}: uniform guessing costs ln({V}) = {math.log(V):.4f}")
for epoch in range(1, 11):
    total, count = 0.0, 0
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x).flatten(0, 1), y.flatten())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total, count = total + loss.item() * y.numel(), count + y.numel()
    print(f"epoch {epoch}: loss {total / count:.4f}")

ids = [stoi["t"]]
with torch.no_grad():
    for _ in range(30):  # greedy decoding: always the most probable next character
        ids.append(model(torch.tensor(ids[-1])).argmax().item())
print("it writes:", repr(decode(ids)))
