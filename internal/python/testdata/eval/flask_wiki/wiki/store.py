"""Page storage on disk, one XML document per space."""
import os

from lxml import etree

SPACE_DIR = "/srv/wiki/spaces"


def all_titles():
    return sorted(os.listdir(SPACE_DIR))


def page_xml():
    return etree.parse(os.path.join(SPACE_DIR, "index.xml"))  # safe: CWE-22, CWE-611 constant path, default parser
