"""Every word the invitations to conference night (``invitations.pdf``) say, in one place.

English for now: the family's language is not known yet (issue 12 will translate them).
Each is a whole sentence or label with named ``{fields}``, so a translation can reorder it;
nothing is put together from pieces of English grammar.
"""

from __future__ import annotations

#: The slip's title, and what sits under it.
TITLE = "Conference invitation"
CLASS_AND_TEACHER = "{class_name} · Teacher: {teacher}"
CLASS_ONLY = "{class_name}"

#: The labels of the slip's rows.
CHILD = "Child"
CHILDREN = "Children"
DAY = "Day"
TIME = "Time"
ROOM = "Room"
#: Between the names of brothers and sisters on one row.
NAME_SEPARATOR = ", "

#: The day written out: ``Thursday 12 November 2026``.
DATE = "{weekday} {day} {month} {year}"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: The time: the slot, or with rotation the family's turn with the teacher.
SLOT = "{start}–{end}"
WITH_TEACHER = "{start}–{end} with the teacher"
ARRIVE = "Please arrive at {start} and plan to stay until {end}."
#: One child's time, when brothers and sisters come at different times (and with rotation,
#: in different slots: the slot, then the turn with the teacher).
CHILD_TIME = "{name}: {time}"
CHILD_SLOT_AND_TURN = "{name}: {start}–{end}, with the teacher {turn_start}–{turn_end}"

#: What to expect: its sentences, one after the other.
SENTENCE_SEPARATOR = " "
EXPECT_HEADING = "What to expect"
EXPECT = "Your child will lead the conference and show you their work."
EXPECT_CHILDREN = "Your children will lead their conferences and show you their work."
EXPECT_LENGTH = "It takes about {minutes} minutes; bring any questions you have."
EXPECT_ROTATING = "Other families will be in the room too; your time with the teacher is above."
EXPECT_PRIVATE_OFFER = "If you would like to talk with the teacher on your own, just ask."
PRIVATE = "You asked for a private talk: your family will be the only one in the room."

#: The part cut off and given back.
REPLY_CUT = "Please cut here and give this part back to school."
REPLY_FOR = "Reply for: {names}"
CAN_YOU_COME = "Can you come?"
YES = "Yes, we will come"
ANOTHER_TIME = "We need another time"
SIGNATURE = "Signature"

#: The page footer, and the document's language.
FOOTER = "Conference invitations"
PAGE = "Page {page} of {pages}"
LANGUAGE = "en"
