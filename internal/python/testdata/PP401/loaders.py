import yaml


class ConfigLoader(yaml.SafeLoader):
    """A safe loader with one extra tag."""


class LegacyLoader(yaml.Loader):
    """The full loader: constructs any Python object."""


def read_config(stream):
    return yaml.load(stream, Loader=ConfigLoader)  # safe look-alike: subclass of SafeLoader


def read_legacy(stream):
    return yaml.load(stream, Loader=LegacyLoader)  # want: PP401


def read_c_loader(stream):
    return yaml.load(stream, Loader=yaml.CLoader)  # want: PP401


class Reader:
    def __init__(self, loader):
        self.loader = loader

    def read(self, stream):
        return yaml.load(stream, self.loader)  # safe: a loader the analyzer cannot see
