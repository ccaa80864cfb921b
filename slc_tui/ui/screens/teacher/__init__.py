"""The teacher mode: screens for preparing a class and following up after conferences.

Their styles are in ``teacher.tcss``, which every teacher screen names as its ``CSS_PATH``:
Textual reads it when the first of them is shown, so start-up does not pay for it.
"""

from pathlib import Path

#: The desk's stylesheet (an absolute path: subclasses in other modules share it).
TEACHER_CSS = str(Path(__file__).with_name("teacher.tcss"))
