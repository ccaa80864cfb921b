"""Every word the invitations to conference night (``invitations.pdf``) say, in one place.

Written in English and only marked here (:func:`~slc_tui.core.i18n.N_`): each slip is
translated into its family's language (the first child's ``family_language``, else the
class's) with an explicit :class:`~slc_tui.core.i18n.Translation`. Each is a whole sentence
or label with named ``{fields}``, so a translation can reorder it; nothing is put together
from pieces of English grammar. The slips speak to the family (``ustedes``, ``vous``).
"""

from __future__ import annotations

from slc_tui.core.i18n import N_

#: The slip's title, and what sits under it.
TITLE = N_("Conference invitation")
CLASS_AND_TEACHER = N_("{class_name} · Teacher: {teacher}")

#: The labels of the slip's rows.
CHILD = N_("Child")
CHILDREN = N_("Children")
DAY = N_("Day")
TIME = N_("Time")
ROOM = N_("Room")
#: Between the names of brothers and sisters on one row.
NAME_SEPARATOR = ", "

#: The time: the slot, or with rotation the family's turn with the teacher.
SLOT = "{start}–{end}"
WITH_TEACHER = N_("{start}–{end} with the teacher")
ARRIVE = N_("Please arrive at {start} and plan to stay until {end}.")
#: One child's time, when brothers and sisters come at different times (and with rotation,
#: in different slots: the slot, then the turn with the teacher).
CHILD_TIME = N_("{name}: {time}")
CHILD_SLOT_AND_TURN = N_("{name}: {start}–{end}, with the teacher {turn_start}–{turn_end}")

#: What to expect: its sentences, one after the other.
SENTENCE_SEPARATOR = " "
EXPECT_HEADING = N_("What to expect")
EXPECT = N_("Your child will lead the conference and show you their work.")
EXPECT_CHILDREN = N_("Your children will lead their conferences and show you their work.")
EXPECT_LENGTH = N_("It takes about {minutes} minutes; bring any questions you have.")
EXPECT_ROTATING = N_("Other families will be in the room too; your time with the teacher is above.")
EXPECT_PRIVATE_OFFER = N_("If you would like to talk with the teacher on your own, just ask.")
PRIVATE = N_("You asked for a private talk: your family will be the only one in the room.")

#: The part cut off and given back.
REPLY_CUT = N_("Please cut here and give this part back to school.")
REPLY_FOR = N_("Reply for: {names}")
CAN_YOU_COME = N_("Can you come?")
YES = N_("Yes, we will come")
ANOTHER_TIME = N_("We need another time")
SIGNATURE = N_("Signature")

#: The page footer.
FOOTER = N_("Conference invitations")
PAGE = N_("Page {page} of {pages}")
