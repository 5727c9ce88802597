"""Markdown output made harmless: the second line behind the checks of hocvuso/safety.py.

The checks refuse raw HTML, `javascript:` links and event-handler attributes in lessons
before anything is built. What Markdown itself builds (links, pictures, `{ attr=value }`
lists, pymdownx blocks) passes through `InertTree` here anyway: it drops elements that
run or load code and attributes that could (`on…`, `srcdoc`, addresses with a scheme other
than http(s), mailto or tel). The handout renderer also turns raw HTML into text.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .safety import unsafe_scheme

DROPPED_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                          "link", "style", "form", "template", "portal", "noscript"})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "background", "data", "cite", "ping",
                       "xlink:href", "srcset", "manifest", "codebase"})


def make_inert(root: etree.Element) -> etree.Element:
    """Remove active elements and attributes from an element tree, in place."""
    for parent in list(root.iter()):
        for i, child in reversed(list(enumerate(parent))):
            if isinstance(child.tag, str) and child.tag.lower() in DROPPED_TAGS:
                if child.tail:  # keep the text that followed it
                    if i:
                        parent[i - 1].tail = (parent[i - 1].tail or "") + child.tail
                    else:
                        parent.text = (parent.text or "") + child.tail
                parent.remove(child)
        for key in list(parent.attrib):
            name = key.lower()
            value = parent.attrib[key]
            if name.startswith("on") or name in ("srcdoc", "formaction") or (
                    name in URL_ATTRS and any(unsafe_scheme(part.strip()) for part in value.split(","))):
                del parent.attrib[key]
    return root


class InertTree(Treeprocessor):
    """Runs last among the tree steps, after attr_list and the inline patterns have set every attribute."""

    def run(self, root: etree.Element) -> None:
        make_inert(root)


def register(md: Markdown) -> None:
    """Add InertTree to a Markdown instance (priority 1: after attr_list (8) and inline (20))."""
    md.treeprocessors.register(InertTree(md), "hvs-inert", 1)


def escape_raw_html(md: Markdown) -> None:
    """Make a Markdown instance show raw HTML as text instead of passing it through."""
    for name, registry in (("html_block", md.preprocessors), ("html", md.inlinePatterns)):
        if name in registry:
            registry.deregister(name)
