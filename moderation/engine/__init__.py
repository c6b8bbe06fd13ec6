"""The rule engine: pure-Python text screening, independent of Django.

Everything under ``moderation.engine`` takes plain data (text, a policy
snapshot as a dict-like object) and returns typed hits. The Django side
(`moderation.pipeline`) feeds it and records what it decided.
"""
