"""newskg: a knowledge-graph builder for news that keeps who says so."""

__version__ = "0.1.0"
