import torch
import torch.nn.functional as F


def same_word_attention(sentence):
    """Causal attention weights of a head whose queries and keys are the words themselves."""
    words = sentence.split()
    vocab = sorted(set(words))
    ids = torch.tensor([vocab.index(w) for w in words])
    x = F.one_hot(ids).to(torch.float64)  # row t: a 1 in the column of word t, 0 elsewhere
    # q_t . k_s is 1 when words t and s are the same, else 0; the factor 4 stands for what
    # W_query, W_key and the scale would learn.
    scores = 4.0 * (x @ x.T)
    T = len(words)
    mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    return words, torch.softmax(scores.masked_fill(mask, float("-inf")), dim=-1)


english = "the cat sat in the sun and the dog sat on the mat"
hindi = "नदी के किनारे एक छोटा गाँव है । गाँव में एक पुराना पेड़ है ।"
for sentence in (english, hindi):
    words, weights = same_word_attention(sentence)
    print(f"{len(words)} words; rows of the words seen before:")
    for t, word in enumerate(words):
        seen = [s for s in range(t) if words[s] == word]
        if seen:
            looks_at = ", ".join(f"{s} {words[s]!r} {weights[t, s]:.2f}" for s in [*seen, t])
            print(f"  {t:2d} {word!r} -> {looks_at}; every other word {weights[t, : t + 1].min():.3f}")
