"""Detection of Russian and other non-English passages in an essay.

Public API: :func:`detect`, :func:`identify_language` and the data classes of :mod:`reader.detection.model`.
"""

from reader.detection.detector import detect
from reader.detection.language import identify_language
from reader.detection.model import Detection, MixedScript, Passage

__all__ = ["Detection", "MixedScript", "Passage", "detect", "identify_language"]
