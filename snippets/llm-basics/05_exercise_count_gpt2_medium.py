cfg = {"vocab_size": 50257, "context_length": 1024, "emb_dim": 768,
       "n_layers": 12, "qkv_bias": False}  # GPT-2 small, without q/k/v biases

d, V, T, n = cfg["emb_dim"], cfg["vocab_size"], cfg["context_length"], cfg["n_layers"]
per_block = 12 * d**2 + 10 * d + (3 * d if cfg["qkv_bias"] else 0)
# token and position embeddings, the blocks, the final norm; the output head is tied
total = V * d + T * d + n * per_block + 2 * d
print(f"one block:  {per_block:>12,} parameters")
print(f"whole model:{total:>12,} parameters, {total * 4 / 1e6:,.1f} MB at float32")
