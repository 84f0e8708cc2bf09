"""framing: measure how French news frames a story.

Every document is scored for hedging, certainty boosters, loaded vocabulary,
attribution, quotes and speakers, each feature traceable to the exact words
(evidence spans) that caused it.
"""
__version__ = "0.2.0"

from .analysis import DocumentAnalysis, analyze, analyze_parsed, analyze_paths  # noqa: E402
from .output import to_dataframe  # noqa: E402
from .spans import Span  # noqa: E402

__all__ = ["analyze", "analyze_paths", "analyze_parsed", "to_dataframe", "DocumentAnalysis",
           "Span", "__version__"]
