"""People in the admin: Django's user admin with the profile inline, audited like every
other admin; the audit snapshot never holds the password hash."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from gcmhub.accounts.models import Profile
from gcmhub.audit.actions import audit_record, snapshot_of
from gcmhub.audit.admin import AuditedAdminMixin
from gcmhub.audit.models import AuditEvent

User = get_user_model()


def user_snapshot(user) -> dict:
    """The user row as the audit log keeps it: everything but the password hash (only
    whether one is set), with the profile when there is one."""
    data = snapshot_of(user)
    data["password"] = "set" if user.has_usable_password() else "unusable"
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        data["profile"] = snapshot_of(profile)
    return data


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["display_name", "organisation", "language", "confirmed_at", "created_at"]
    readonly_fields = ["created_at"]


class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "email", "is_active", "is_staff", "is_superuser", "date_joined"]

    def save_related(self, request, form, formsets, change):
        # The mixin's own entry would snapshot the password hash: write ours instead.
        DjangoUserAdmin.save_related(self, request, form, formsets, change)
        audit_record(
            actor=request.user,
            event_type=AuditEvent.ADMIN_CHANGED if change else AuditEvent.ADMIN_CREATED,
            obj=form.instance,
            snapshot=user_snapshot(form.instance),
        )

    def delete_model(self, request, obj):
        audit_record(
            actor=request.user,
            event_type=AuditEvent.ADMIN_DELETED,
            obj=obj,
            snapshot=user_snapshot(obj),
        )
        DjangoUserAdmin.delete_model(self, request, obj)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit_record(
                actor=request.user,
                event_type=AuditEvent.USER_PASSWORD_CHANGED,
                obj=User.objects.get(pk=id),
                snapshot={"how": "admin"},
            )
        return response

    def get_inlines(self, request, obj):
        # The add form asks only for a username and password; the profile comes after.
        return self.inlines if obj is not None else []


admin.site.unregister(User)
admin.site.register(User, UserAdmin)
