"""Password rules beyond Django's own validators' wording."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with its error in Chinese: Django 5.2 changed this message's msgid and its
    zh_Hans catalogue has not followed, so people would read it in English."""

    def get_error_message(self):
        return f"密码太短，至少需要{self.min_length}个字符。"
