"""Every word the printed take-home copies (PDF and HTML) say, in one place.

English for now. Each is a whole sentence or label with named ``{fields}``, so a translation
can reorder it; nothing is put together from pieces of English grammar.
"""

from __future__ import annotations

#: The copy's title and what sits under it.
TITLE = "{name}'s conference"
#: Between the day, the class and the term under the title.
PART_SEPARATOR = " · "
TEACHER = "Teacher: {teacher}"
INTRO = "Thank you for coming! Here is what {name} shared with you today."
UNFINISHED = "This conference was not finished: it can be picked up again at school."

#: The pieces of work.
PIECES = "The work {name} shared"
SAID = "What {name} said"
NO_PICTURE = "(The picture of this piece could not be printed.)"

#: The sections after the pieces.
GLOWS = "Glows: what {name} does well"
GROWS = "Grows: what {name} is working on"
GOALS = "{name}'s goals"
GOAL_BY = "By when"
GOAL_HOW = "How"
GOAL_AT_HOME = "At home"
HOME = "What we will do at home"

#: The private follow-up: who to contact, never what it is about.
FOLLOW_UP_HEADING = "A private talk"
FOLLOW_UP = "You asked for a private follow-up. Your contact: {teacher}"
FOLLOW_UP_NO_NAME = "You asked for a private follow-up. Your contact: {name}'s teacher."

#: The signatures at the end.
SIGNATURES = "We talked about all of this together."
SIGNERS = ("Student", "Family", "Teacher")
CLOSING = "Keep this somewhere you will see it, and tell {name} one thing they did well."

#: The PDF's page footer and the HTML page's language.
PAGE = "Page {page} of {pages}"
LANGUAGE = "en"
#: A labelled detail under a goal: ``How: read every night``.
DETAIL = "{label}: "
