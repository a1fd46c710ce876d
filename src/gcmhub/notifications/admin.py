from django.contrib import admin

from gcmhub.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "recipient",
        "language",
        "created_at",
        "sent_at",
        "attempts",
        "last_attempt_at",
    ]
    list_filter = ["language", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["subject", "recipient__email", "key"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False
