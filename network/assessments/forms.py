"""The answer form: a rating and a free-text answer for each question of a set."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Rating

TEXT_MAX = 4000


def rating_name(question):
    return f"q{question.pk}-rating"


def text_name(question):
    return f"q{question.pk}-text"


class AnswerForm(forms.Form):
    """Every field is optional: a draft may be half done, and a team may leave a question
    that does not fit their work without a rating. The reflection sheet asks for one
    rating (`rating_required`): its summary counts ratings, and a summary of none is
    all zeros that tells the visitor nothing."""

    def __init__(self, parts, *args, initial_answers=None, rating_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = parts
        self.rating_required = rating_required
        initial_answers = initial_answers or {}
        for number, question in self.questions():
            answer = initial_answers.get(question.pk)
            self.fields[rating_name(question)] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                help_text=question.examples,
                choices=Rating.choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=answer.rating if answer else None,
            )
            self.fields[text_name(question)] = forms.CharField(
                label=_("Your answer to question %(number)s") % {"number": number},
                required=False,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=answer.text if answer else "",
            )

    def clean(self):
        """No rating at all: the error sits on the first question, where the error
        summary's link leads."""
        cleaned = super().clean()
        if self.rating_required and not self.errors and not self.ratings():
            for _number, question in self.questions():
                message = _("Rate at least one question to see your summary.")
                self.add_error(rating_name(question), message)
                break
        return cleaned

    def questions(self):
        for part in self.parts:
            yield from part.questions

    def answers(self):
        """{question key: (rating or None, text)} from the cleaned data."""
        data = self.cleaned_data
        return {
            q.pk: (data.get(rating_name(q)), data.get(text_name(q), "").strip())
            for _n, q in self.questions()
        }

    def ratings(self):
        return {key: rating for key, (rating, _text) in self.answers().items() if rating}

    def sections(self):
        """What the template walks: each part with its questions' bound fields."""
        return [
            (
                part,
                [(n, q, self[rating_name(q)], self[text_name(q)]) for n, q in part.questions],
            )
            for part in self.parts
        ]
