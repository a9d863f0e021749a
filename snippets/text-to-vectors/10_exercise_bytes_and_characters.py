for text in ("hello", "नमस्ते", "café"):
    print(f"{text!r}: {len(text)} characters, {len(text.encode('utf-8'))} bytes")
print("code points of 'नमस्ते':", " ".join(f"U+{ord(ch):04X}" for ch in "नमस्ते"))
