import math

import torch
from torch import nn
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


# The attention layer, the block and the model of the chapters before, unchanged.
class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d, self.n_heads = cfg["emb_dim"], cfg["n_heads"]
        self.W_query = nn.Linear(d, d, bias=cfg["qkv_bias"])
        self.W_key = nn.Linear(d, d, bias=cfg["qkv_bias"])
        self.W_value = nn.Linear(d, d, bias=cfg["qkv_bias"])
        self.out_proj = nn.Linear(d, d)
        # True above the diagonal: position t must not look at the positions after t.
        T = cfg["context_length"]
        self.register_buffer("mask", torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1))

    def forward(self, x):
        B, T, d = x.shape
        h = self.n_heads
        # [B, T, d] -> [B, h, T, d/h]: each head works on its own slice of the embedding
        q = self.W_query(x).view(B, T, h, d // h).transpose(1, 2)
        k = self.W_key(x).view(B, T, h, d // h).transpose(1, 2)
        v = self.W_value(x).view(B, T, h, d // h).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // h)  # [B, h, T, T]
        scores = scores.masked_fill(self.mask[:T, :T], float("-inf"))
        weights = torch.softmax(scores, dim=-1)  # each row sums to 1 over positions <= t
        out = (weights @ v).transpose(1, 2).reshape(B, T, d)
        return self.out_proj(out)


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.norm1 = nn.LayerNorm(d)
        self.att = CausalSelfAttention(cfg)
        self.norm2 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        x = x + self.att(self.norm1(x))  # attention: mix information across positions
        return x + self.ff(self.norm2(x))  # feed-forward: work on each position alone


class TinyLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.tok_emb = nn.Embedding(cfg["vocab_size"], d)
        self.pos_emb = nn.Embedding(cfg["context_length"], d)
        self.blocks = nn.Sequential(*[Block(cfg) for _ in range(cfg["n_layers"])])
        self.final_norm = nn.LayerNorm(d)
        self.out_head = nn.Linear(d, cfg["vocab_size"], bias=False)
        self.out_head.weight = self.tok_emb.weight  # weight tying, as in GPT-2
        self.apply(self._init_weights)

    @staticmethod
    def _init_weights(module):
        # Small random weights (GPT-2 uses a standard deviation of 0.02), zero biases.
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(self, ids):  # ids: [B, T] token ids
        T = ids.shape[1]
        x = self.tok_emb(ids) + self.pos_emb(torch.arange(T, device=ids.device))
        x = self.blocks(x)
        return self.out_head(self.final_norm(x))  # logits: [B, T, vocab_size]


# --8<-- [start:new]
if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
# float64 on the CPU, so that the printed losses and the sampled text come out the same on every
# CPU with any number of threads (see the page); float32 elsewhere, as real training uses.
dtype = torch.float64 if device.type == "cpu" else torch.float32
torch.set_default_dtype(dtype)  # every floating-point tensor made from here on
# A model this small is fastest on one CPU thread: its matrix products are too small to share
# out, and more threads mostly wait for each other.
torch.set_num_threads(1)
print("training on", device, "in", dtype)

cfg = {"vocab_size": len(vocab), "context_length": 16, "emb_dim": 48,
       "n_heads": 4, "n_layers": 2, "qkv_bias": False}
torch.manual_seed(2)
train_loader = DataLoader(CharWindows(train_text, cfg["context_length"]), batch_size=32,
                          shuffle=True, generator=torch.Generator().manual_seed(2))
val_loader = DataLoader(CharWindows(val_text, cfg["context_length"]), batch_size=32)
model = TinyLM(cfg).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)


def loss_on(logits, targets):
    # cross-entropy over every position: [B, T, V] against [B, T]
    return nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())


def evaluate(loader):
    """Mean loss per character over a whole data set."""
    model.eval()  # evaluation mode (it matters for layers such as dropout)
    total, count = 0.0, 0
    with torch.no_grad():  # no graph: we only measure
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            total += loss_on(model(x), y) * y.numel()  # a tensor on the device: no wait for it
            count += y.numel()
    return (total / count).item()  # one number back to Python, once


def generate(prompt, n, tau=None, seed=0):
    """Continue `prompt` by n characters: greedy without a temperature tau, else sampled."""
    generator = torch.Generator().manual_seed(seed)
    ids = torch.tensor([encode(prompt)], device=device)
    model.eval()
    with torch.no_grad():
        for _ in range(n):
            logits = model(ids[:, -cfg["context_length"]:])[0, -1]  # scores for the next character
            if tau is None:
                next_id = logits.argmax()
            else:  # drawn on the CPU with a seeded generator, the same way on every device
                probs = torch.softmax(logits / tau, dim=-1).cpu()
                next_id = torch.multinomial(probs, 1, generator=generator)[0]
            ids = torch.cat([ids, next_id.view(1, 1).to(device)], dim=1)
    return decode(ids[0].tolist())


print(f"vocabulary {len(vocab)}: uniform guessing costs ln({len(vocab)}) = {math.log(len(vocab)):.4f}")
val = evaluate(val_loader)
print(f"before training: train loss {evaluate(train_loader):.4f}, "
      f"validation loss {val:.4f}, perplexity {math.exp(val):.2f}")
for seed, prompt in enumerate(("the ", "नदी ")):
    print(f"sampled before training: {generate(prompt, 40, tau=1.0, seed=seed)!r}")

for epoch in range(1, 13):
    model.train()  # training mode, after evaluate() and generate() switched to eval
    total, count = 0.0, 0
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        loss = loss_on(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.detach() * y.numel()  # no .item() here: the GPU need not stop every step
        count += y.numel()
    val = evaluate(val_loader)
    print(f"epoch {epoch:2d}: train loss {total.item() / count:.4f}, "
          f"validation loss {val:.4f}, perplexity {math.exp(val):.2f}")

print("after training:")
for prompt in ("the ", "नदी "):
    print(f"  greedy  {generate(prompt, 40)!r}")
    for tau in (0.5, 1.0):
        print(f"  tau = {tau} {generate(prompt, 40, tau=tau)!r}")
# --8<-- [end:new]
