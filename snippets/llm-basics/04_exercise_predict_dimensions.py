# Three configurations: GPT-2 small, medium and large.
for emb_dim, n_heads in ((768, 12), (1024, 16), (1280, 20)):
    head_dim = emb_dim // n_heads
    hidden_dim = 4 * emb_dim
    print(f"emb_dim {emb_dim}, {n_heads} heads: {head_dim} dimensions per head, hidden {hidden_dim}")
