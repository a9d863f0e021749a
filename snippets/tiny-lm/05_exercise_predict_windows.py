import torch
from torch.utils.data import DataLoader, Dataset

text = "the cat sat on the mat. " * 5  # 24 characters, 5 times
vocab = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(vocab)}
itos = {i: ch for ch, i in stoi.items()}


def encode(text):
    return [stoi[ch] for ch in text]


def decode(ids):
    return "".join(itos[i] for i in ids)


class CharWindows(Dataset):  # the chapter's data set, unchanged
    """Every window of `context_length` ids, with the same window shifted by one as targets."""

    def __init__(self, text, context_length):
        self.ids = torch.tensor(encode(text))
        self.T = context_length

    def __len__(self):
        return len(self.ids) - self.T

    def __getitem__(self, i):
        return self.ids[i : i + self.T], self.ids[i + 1 : i + self.T + 1]


windows = CharWindows(text, context_length=16)
loader = DataLoader(windows, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
# What do these three lines print?
print(len(windows), "windows,", len(loader), "batches per epoch")
x, y = windows[len(windows) - 1]
print(f"last window: x {decode(x.tolist())!r}, y {decode(y.tolist())!r}")
print("batch shapes:", [tuple(xb.shape) for xb, yb in loader])
