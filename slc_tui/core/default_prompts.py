"""Built-in prompts by grade band, used when neither the student nor the class has any.

K-2 prompts are short and concrete; older bands ask for more reflection.
"""

from __future__ import annotations

from enum import StrEnum


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
            "Say hello and tell them your name.",
            "What do you like best about school?",
            "Do you learn best by looking, listening or doing?",
        ),
        "review": (
            "What goal did you have last time?",
            "Did you do it? Show a thumbs up or down.",
            "What helped you?",
        ),
        "choose": (
            "Which work makes you smile?",
            "Which one was hard but you did it?",
            "Which one do you want to show first?",
        ),
        "piece": (
            "What is this?",
            "How did you make it?",
            "What part do you like best?",
            "What would you do next time?",
        ),
        "strengths": (
            "What are you good at?",
            "What do friends ask you to help with?",
            "When do you feel proud?",
        ),
        "next_steps": (
            "What is still tricky?",
            "What do you want to get better at?",
            "What do you practise?",
        ),
        "goals": (
            "What do you want to learn next?",
            "Who can help you?",
            "What will you do every day?",
        ),
        "questions": (
            "Ask your grown-up: do you have a question for me?",
            "Show them something you can do now.",
        ),
        "commitment": ("How can your grown-up help at home?", "What can you do together?"),
        "wrap_up": ("Say thank you for coming.", "What was your favourite part today?"),
    },
    _P: {
        "welcome": (
            "Introduce yourself and your guests.",
            "What kind of learner are you?",
            "What subject do you enjoy most right now, and why?",
        ),
        "review": (
            "What were your goals last time?",
            "How did they go?",
            "What helped, and what got in the way?",
        ),
        "choose": (
            "Which piece shows your best work?",
            "Which piece shows how you have grown?",
            "Pick one piece that was a challenge.",
        ),
        "piece": (
            "What was the task?",
            "What steps did you take?",
            "What skills did you use?",
            "What are you proud of here?",
            "What would you change next time?",
        ),
        "strengths": (
            "What do you do well in class?",
            "Which piece shows that strength?",
            "What would your teacher say you are good at?",
        ),
        "next_steps": (
            "What is hard for you right now?",
            "What mistakes do you keep making?",
            "What would help you improve?",
        ),
        "goals": (
            "What is one goal for next term?",
            "What steps will you take?",
            "How will you know you reached it?",
        ),
        "questions": (
            "Ask your family if they have questions.",
            "Is there something you'd like to show them again?",
        ),
        "commitment": (
            "How can your family help you at home?",
            "What will you do to keep going on your goals?",
        ),
        "wrap_up": ("Thank everyone for coming.", "What did you enjoy sharing most?"),
    },
    _M: {
        "welcome": (
            "Introduce everyone and explain how the conference will go.",
            "How would you describe yourself as a learner?",
            "What has this term been like for you?",
        ),
        "review": (
            "Which goals from last time did you meet?",
            "What evidence shows it?",
            "For the goals you did not meet, what got in the way?",
        ),
        "choose": (
            "Which pieces best show what you learned this term?",
            "Choose one piece that shows a struggle you worked through.",
        ),
        "piece": (
            "What was the assignment asking you to do?",
            "Walk us through your process.",
            "Which skills does this piece show?",
            "What feedback did you get, and what did you do with it?",
            "What would you do differently?",
        ),
        "strengths": (
            "What are your strengths as a learner?",
            "Which habits help you do well?",
            "Where do you see those strengths outside school?",
        ),
        "next_steps": (
            "Which area needs the most growth?",
            "What patterns do you notice in your work?",
            "What support would make a difference?",
        ),
        "goals": (
            "Set a specific goal for next term.",
            "What will you do each week to reach it?",
            "How will you measure progress?",
        ),
        "questions": (
            "Invite your family's questions.",
            "Is there anything you would like your family to understand about school?",
        ),
        "commitment": (
            "What support would help most at home?",
            "What will you take responsibility for?",
        ),
        "wrap_up": ("Summarise the goals you agreed.", "Thank your family and your teacher."),
    },
    _S: {
        "welcome": (
            "Welcome your family and outline what you will cover.",
            "How have you grown as a learner this year?",
            "What are you hoping your family takes away today?",
        ),
        "review": (
            "Review the goals you set last time: met, partly met, not yet?",
            "What evidence do you have?",
            "What did you learn about how you work?",
        ),
        "choose": (
            "Select work that shows depth, growth and range.",
            "Which piece connects to your plans after school?",
        ),
        "piece": (
            "What was the purpose of this work?",
            "Describe your process and the choices you made.",
            "Which skills or standards does it demonstrate?",
            "How did feedback change it?",
            "What would a stronger version look like?",
        ),
        "strengths": (
            "What strengths have you built this term?",
            "How do they connect to your interests or future plans?",
        ),
        "next_steps": (
            "Where are you falling short of your own standards?",
            "What is getting in the way, honestly?",
            "What would you ask a teacher to help with?",
        ),
        "goals": (
            "Set a goal for next term and link it to a longer-term plan.",
            "What is your concrete plan and timeline?",
            "Who will hold you accountable?",
        ),
        "questions": (
            "Invite your family's questions, including about credits or next year.",
            "Is there anything you want your family to know that is hard to say?",
        ),
        "commitment": (
            "What would you like from your family, and what will you do yourself?",
            "How will you check in with each other?",
        ),
        "wrap_up": ("Summarise the agreements.", "Thank everyone and say what happens next."),
    },
}

PARENT_QUESTIONS: dict[GradeBand, tuple[str, ...]] = {
    _E: (
        "What do you like doing most at school?",
        "Who do you play with at recess?",
        "What is something new you learned this month?",
        "What is hard for you?",
        "How can I help you learn at home?",
    ),
    _P: (
        "What are you most proud of this term?",
        "What do you find hard, and what do you do then?",
        "Which subject do you enjoy most, and why?",
        "How do you get help when you are stuck?",
        "What could we do at home to help?",
    ),
    _M: (
        "What has surprised you this term?",
        "How do you organise your homework?",
        "Which class challenges you the most?",
        "How do you feel about your workload?",
        "What support do you want from us?",
    ),
    _S: (
        "How are your classes connecting to what you want to do next?",
        "How are you managing your time and workload?",
        "What feedback has helped you most?",
        "Are you on track with credits and deadlines?",
        "How can we support you without taking over?",
    ),
}

COMMITMENT_IDEAS: dict[GradeBand, tuple[str, ...]] = {
    _E: (
        "Read together for 15 minutes every night.",
        "Ask about one thing learned at school each day.",
        "Practise counting and adding while cooking or shopping.",
        "Put your work up on the fridge.",
    ),
    _P: (
        "Read together or listen to reading every night.",
        "Set up a quiet homework spot.",
        "Practise times tables in the car.",
        "Ask to see one piece of work each week.",
    ),
    _M: (
        "Check the homework planner together on Sundays.",
        "Agree on a screen-free study time.",
        "Ask about what is being learned, not just grades.",
        "Help break big projects into steps.",
    ),
    _S: (
        "A weekly check-in on deadlines and progress.",
        "Help find a study space and routine.",
        "Talk about plans after school once a month.",
        "Encourage asking teachers for help early.",
    ),
}
