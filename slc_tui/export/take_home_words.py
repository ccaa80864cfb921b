"""Every word the take-home copies (PDF, HTML and plain text) say, in one place.

Written in English and only marked here (:func:`~slc_tui.core.i18n.N_`): the renderers
translate each with the copy's :class:`~slc_tui.core.i18n.Translation` (the language the
conference was led in), never the active one, since a copy is made in a worker. Each is a
whole sentence or label with named ``{fields}``, so a translation can reorder it; nothing is
put together from pieces of English grammar (no ``{name}'s`` glued on).

The copy speaks to the family (``ustedes``, ``vous``) about the child.
"""

from __future__ import annotations

from slc_tui.core.i18n import N_

#: The copy's title and what sits under it.
TITLE = N_("{name}'s conference")
#: Between the day, the class and the term under the title.
PART_SEPARATOR = " · "
TEACHER = N_("Teacher: {teacher}")
INTRO = N_("Thank you for coming! Here is what {name} shared with you today.")
UNFINISHED = N_("This conference was not finished: it can be picked up again at school.")

#: The pieces of work.
PIECES = N_("The work {name} shared")
SAID = N_("What {name} said")
NO_PICTURE = N_("(The picture of this piece could not be printed.)")

#: The sections after the pieces.
# TRANSLATORS: "Glows" (what the child does well) and "Grows" (what they are working on)
# are how many schools say it in English: use your language's natural words, not these.
GLOWS = N_("Glows: what {name} does well")
GROWS = N_("Grows: what {name} is working on")
GOALS = N_("{name}'s goals")
# TRANSLATORS: a label before the month a goal should be reached by.
GOAL_BY = N_("By when")
# TRANSLATORS: a label before how the child will reach a goal.
GOAL_HOW = N_("How")
# TRANSLATORS: a label before what the family will do at home for a goal.
GOAL_AT_HOME = N_("At home")
HOME = N_("What we will do at home")

#: The private follow-up: who to contact, never what it is about.
FOLLOW_UP_HEADING = N_("A private talk")
FOLLOW_UP = N_("You asked for a private follow-up. Your contact: {teacher}")
FOLLOW_UP_NO_NAME = N_("You asked for a private follow-up. Your contact: {name}'s teacher.")

#: The signatures at the end.
SIGNATURES = N_("We talked about all of this together.")
# TRANSLATORS: the three names under the lines to sign on.
SIGNERS = (N_("Student"), N_("Family"), N_("Teacher"))
CLOSING = N_("Keep this somewhere you will see it, and tell {name} one thing they did well.")

#: The PDF's page footer.
PAGE = N_("Page {page} of {pages}")
# TRANSLATORS: a label and its detail under a goal, as in "How: read every night"
# (keep the space after it; French puts a no-break space before the colon).
DETAIL = N_("{label}: ")

#: The plain-text copy (``slc take-home --format txt`` and the teacher's view of a record).
TEXT_TITLE = N_("{name}'s conference — {day}")
TEXT_UNFINISHED = N_("(This conference was not finished — you can pick it up again later.)")
TEXT_PIECES = N_("Work {name} talked about")
TEXT_GLOWS = N_("What {name} does well")
TEXT_GROWS = N_("What {name} is working on")
# TRANSLATORS: a goal and the month it should be reached by.
TEXT_GOAL_BY = N_("{goal} (by {day})")
TEXT_HOME = N_("How you will help at home")
# TRANSLATORS: what the family will do at home for one goal.
TEXT_GOAL_AT_HOME = N_("For “{goal}”: {at_home}")
TEXT_FOLLOW_UP = N_(
    "Private follow-up with the teacher requested: yes — the teacher will be in touch"
)
TEXT_NO_FOLLOW_UP = N_("Private follow-up with the teacher requested: no")
