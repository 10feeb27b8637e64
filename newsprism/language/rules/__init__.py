"""The reader for languages without a parser: Spanish, Portuguese, French, German,
Indonesian, Arabic.

``reader`` (``annotate_foreign``, ``reanchor_foreign``) makes the same records as the
spaCy reader (``Sentence``, ``Clause``, ``Quantity``, ``TimeExpression``, ``Mention``) by
rule: ``sentences``, ``numbers``, ``figures``, ``dates``, ``names``, with the word tables
of ``newsprism.lexicon`` read through ``words``; quotes and their speakers by
``quotes``. No labels are read yet: later stages take what there is.

Importing this package loads no model.
"""
