"""The Textual user interface. Only this package imports Textual; it calls the core and nothing else."""
