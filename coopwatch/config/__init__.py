"""The user's TOML configuration, validated into one typed model when loaded.

What `config show` prints and `config init` writes is in coopwatch.config.view, imported by the
command alone.
"""

from coopwatch.config.load import BACKENDS, load_config
from coopwatch.config.model import Config, ConfigWatch, TranslateConfig

__all__ = ["BACKENDS", "Config", "ConfigWatch", "TranslateConfig", "load_config"]
