"""Renders markdown files with Python-Markdown (what MkDocs uses) and prints, per file, how many
numbered and bulleted list items it found and how many the source has at the start of a line.

Usage: markdown_lists.py FILE...   (exit 3 when the markdown module is missing)
"""

import json
import re
import sys

try:
    import markdown
except ImportError:
    print("python module markdown is not installed (pip install -r .ci/requirements.txt)")
    sys.exit(3)

for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    html = markdown.markdown(text, extensions=["tables"])
    rendered_ol = sum(len(re.findall(r"<li>", block)) for block in re.findall(r"<ol>(.*?)</ol>", html, re.S))
    rendered_ul = sum(len(re.findall(r"<li>", block)) for block in re.findall(r"<ul>(.*?)</ul>", html, re.S))
    print(json.dumps({
        "file": path,
        "numbered": rendered_ol,
        "bulleted": rendered_ul,
        "numbered_in_source": len(re.findall(r"^\d+\. ", text, re.M)),
        "bulleted_in_source": len(re.findall(r"^- ", text, re.M)),
    }))
