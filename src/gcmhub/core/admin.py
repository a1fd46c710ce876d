from django.db import models

# Addresses typed without a scheme are taken as https (Django 6's default, adopted now).
FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
