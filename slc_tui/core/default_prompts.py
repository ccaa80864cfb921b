"""Built-in prompts by grade band, used when neither the student nor the class has any.

K-2 prompts are short and concrete (short words, short sentences: a six-year-old reads them,
and tests/unit/test_prompt_readability.py checks it in every bundled language); older bands
ask for more reflection.

They are written in English and only marked here (:func:`~slc_tui.core.i18n.N_`):
:mod:`slc_tui.core.prompts` translates them where they are handed out.
"""

from __future__ import annotations

from enum import StrEnum

from slc_tui.core.i18n import N_


class GradeBand(StrEnum):
    """The four grade bands the defaults are written for."""

    EARLY = "K-2"
    PRIMARY = "3-5"
    MIDDLE = "6-8"
    SECONDARY = "9-12"


def grade_band(grade: str) -> GradeBand:
    """The band for a grade (``K``, ``1``..``12``)."""
    number = 0 if grade == "K" else int(grade)
    if number <= 2:
        return GradeBand.EARLY
    if number <= 5:
        return GradeBand.PRIMARY
    if number <= 8:
        return GradeBand.MIDDLE
    return GradeBand.SECONDARY


_E, _P, _M, _S = GradeBand.EARLY, GradeBand.PRIMARY, GradeBand.MIDDLE, GradeBand.SECONDARY

STEP_PROMPTS: dict[GradeBand, dict[str, tuple[str, ...]]] = {
    _E: {
        "welcome": (
            N_("Say hello and tell them your name."),
            N_("What do you like best about school?"),
            N_("Do you learn best when you look, hear or try?"),
        ),
        "review": (
            N_("What goal did you have last time?"),
            N_("Did you do it? Show a thumbs up or down."),
            N_("What helped you?"),
        ),
        "choose": (
            N_("Which work makes you smile?"),
            N_("Which one was hard but you did it?"),
            N_("Which one do you want to show first?"),
        ),
        "piece": (
            N_("What is this?"),
            N_("How did you make it?"),
            N_("What part do you like best?"),
            N_("What would you do next time?"),
        ),
        "strengths": (
            N_("What are you good at?"),
            N_("What do friends ask you to help with?"),
            N_("When do you feel proud?"),
        ),
        "next_steps": (
            N_("What is still tricky?"),
            N_("What do you want to get better at?"),
            N_("What do you practise?"),
        ),
        "goals": (
            N_("What do you want to learn next?"),
            N_("Who can help you?"),
            N_("What will you do each day?"),
        ),
        "questions": (
            N_("Ask your grown-up: what do you want to ask me?"),
            N_("Show them something you can do now."),
        ),
        "commitment": (N_("How can your grown-up help at home?"), N_("What can you do as a team?")),
        "wrap_up": (N_("Say thank you for coming."), N_("What did you like best today?")),
    },
    _P: {
        "welcome": (
            N_("Introduce yourself and your guests."),
            N_("What kind of learner are you?"),
            N_("What subject do you enjoy most right now, and why?"),
        ),
        "review": (
            N_("What were your goals last time?"),
            N_("How did they go?"),
            N_("What helped, and what got in the way?"),
        ),
        "choose": (
            N_("Which piece shows your best work?"),
            N_("Which piece shows how you have grown?"),
            N_("Pick one piece that was a challenge."),
        ),
        "piece": (
            N_("What was the task?"),
            N_("What steps did you take?"),
            N_("What skills did you use?"),
            N_("What are you proud of here?"),
            N_("What would you change next time?"),
        ),
        "strengths": (
            N_("What do you do well in class?"),
            N_("Which piece shows that strength?"),
            N_("What would your teacher say you are good at?"),
        ),
        "next_steps": (
            N_("What is hard for you right now?"),
            N_("What mistakes do you keep making?"),
            N_("What would help you improve?"),
        ),
        "goals": (
            N_("What is one goal for next term?"),
            N_("What steps will you take?"),
            N_("How will you know you reached it?"),
        ),
        "questions": (
            N_("Ask your family if they have questions."),
            N_("Is there something you'd like to show them again?"),
        ),
        "commitment": (
            N_("How can your family help you at home?"),
            N_("What will you do to keep going on your goals?"),
        ),
        "wrap_up": (N_("Thank everyone for coming."), N_("What did you enjoy sharing most?")),
    },
    _M: {
        "welcome": (
            N_("Introduce everyone and explain how the conference will go."),
            N_("How would you describe yourself as a learner?"),
            N_("What has this term been like for you?"),
        ),
        "review": (
            N_("Which goals from last time did you meet?"),
            N_("What evidence shows it?"),
            N_("For the goals you did not meet, what got in the way?"),
        ),
        "choose": (
            N_("Which pieces best show what you learned this term?"),
            N_("Choose one piece that shows a struggle you worked through."),
        ),
        "piece": (
            N_("What was the assignment asking you to do?"),
            N_("Walk us through your process."),
            N_("Which skills does this piece show?"),
            N_("What feedback did you get, and what did you do with it?"),
            N_("What would you do differently?"),
        ),
        "strengths": (
            N_("What are your strengths as a learner?"),
            N_("Which habits help you do well?"),
            N_("Where do you see those strengths outside school?"),
        ),
        "next_steps": (
            N_("Which area needs the most growth?"),
            N_("What patterns do you notice in your work?"),
            N_("What support would make a difference?"),
        ),
        "goals": (
            N_("Set a specific goal for next term."),
            N_("What will you do each week to reach it?"),
            N_("How will you measure progress?"),
        ),
        "questions": (
            N_("Invite your family's questions."),
            N_("Is there anything you would like your family to understand about school?"),
        ),
        "commitment": (
            N_("What support would help most at home?"),
            N_("What will you take responsibility for?"),
        ),
        "wrap_up": (
            N_("Summarise the goals you agreed."),
            N_("Thank your family and your teacher."),
        ),
    },
    _S: {
        "welcome": (
            N_("Welcome your family and outline what you will cover."),
            N_("How have you grown as a learner this year?"),
            N_("What are you hoping your family takes away today?"),
        ),
        "review": (
            N_("Review the goals you set last time: met, partly met, not yet?"),
            N_("What evidence do you have?"),
            N_("What did you learn about how you work?"),
        ),
        "choose": (
            N_("Select work that shows depth, growth and range."),
            N_("Which piece connects to your plans after school?"),
        ),
        "piece": (
            N_("What was the purpose of this work?"),
            N_("Describe your process and the choices you made."),
            N_("Which skills or standards does it demonstrate?"),
            N_("How did feedback change it?"),
            N_("What would a stronger version look like?"),
        ),
        "strengths": (
            N_("What strengths have you built this term?"),
            N_("How do they connect to your interests or future plans?"),
        ),
        "next_steps": (
            N_("Where are you falling short of your own standards?"),
            N_("What is getting in the way, honestly?"),
            N_("What would you ask a teacher to help with?"),
        ),
        "goals": (
            N_("Set a goal for next term and link it to a longer-term plan."),
            N_("What is your concrete plan and timeline?"),
            N_("Who will hold you accountable?"),
        ),
        "questions": (
            N_("Invite your family's questions, including about credits or next year."),
            N_("Is there anything you want your family to know that is hard to say?"),
        ),
        "commitment": (
            N_("What would you like from your family, and what will you do yourself?"),
            N_("How will you check in with each other?"),
        ),
        "wrap_up": (
            N_("Summarise the agreements."),
            N_("Thank everyone and say what happens next."),
        ),
    },
}

PARENT_QUESTIONS: dict[GradeBand, tuple[str, ...]] = {
    _E: (
        N_("What do you like doing most at school?"),
        N_("Who do you play with at recess?"),
        N_("What is something new you learned this month?"),
        N_("What is hard for you?"),
        N_("How can I help you learn at home?"),
    ),
    _P: (
        N_("What are you most proud of this term?"),
        N_("What do you find hard, and what do you do then?"),
        N_("Which subject do you enjoy most, and why?"),
        N_("How do you get help when you are stuck?"),
        N_("What could we do at home to help?"),
    ),
    _M: (
        N_("What has surprised you this term?"),
        N_("How do you organise your homework?"),
        N_("Which class challenges you the most?"),
        N_("How do you feel about your workload?"),
        N_("What support do you want from us?"),
    ),
    _S: (
        N_("How are your classes connecting to what you want to do next?"),
        N_("How are you managing your time and workload?"),
        N_("What feedback has helped you most?"),
        N_("Are you on track with credits and deadlines?"),
        N_("How can we support you without taking over?"),
    ),
}

COMMITMENT_IDEAS: dict[GradeBand, tuple[str, ...]] = {
    _E: (
        N_("Read a book each night, side by side."),
        N_("Ask about one thing learned at school each day."),
        N_("Count and add when you cook or shop."),
        N_("Put your work up on the fridge."),
    ),
    _P: (
        N_("Read together or listen to reading every night."),
        N_("Set up a quiet homework spot."),
        N_("Practise times tables in the car."),
        N_("Ask to see one piece of work each week."),
    ),
    _M: (
        N_("Check the homework planner together on Sundays."),
        N_("Agree on a screen-free study time."),
        N_("Ask about what is being learned, not just grades."),
        N_("Help break big projects into steps."),
    ),
    _S: (
        N_("A weekly check-in on deadlines and progress."),
        N_("Help find a study space and routine."),
        N_("Talk about plans after school once a month."),
        N_("Encourage asking teachers for help early."),
    ),
}
