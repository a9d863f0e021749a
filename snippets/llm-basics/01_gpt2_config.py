# The settings of GPT-2 small ("124M"), as a plain Python dict.
GPT_CONFIG_124M = {
    "vocab_size": 50257,  # number of distinct tokens the tokenizer knows
    "context_length": 1024,  # most tokens the model sees at once
    "emb_dim": 768,  # length of each token's vector
    "n_heads": 12,  # attention heads per layer
    "n_layers": 12,  # transformer blocks stacked on top of each other
    "drop_rate": 0.1,  # dropout probability during training
    "qkv_bias": False,  # query/key/value biases: off here, a from-scratch simplification
}

for name, value in GPT_CONFIG_124M.items():
    print(f"{name:>15}: {value}")

# Two numbers follow from the ones above.
emb_dim = GPT_CONFIG_124M["emb_dim"]
head_dim = emb_dim // GPT_CONFIG_124M["n_heads"]  # each head works on a slice of the vector
hidden_dim = 4 * emb_dim  # GPT-2's feed-forward layer is four times wider
print("dimensions per head:", head_dim)
print("hidden dimension:", hidden_dim)
