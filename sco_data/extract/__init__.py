"""Text -> Release: decoding, cleanup, segmentation and one extractor per field."""

from sco_data.extract.release import parse_release

__all__ = ["parse_release"]
