"""Embed, store and search passages: FAISS, the French lexical index and their fusion."""
