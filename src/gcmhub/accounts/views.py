"""Account pages: register, confirm the address, sign in and out, reset or change the
password, and the person's own account page. Thin: forms validate, actions write."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from gcmhub.accounts.actions import (
    api_token_create,
    api_token_revoke,
    confirmation_resend,
    profile_ensure,
    profile_update,
    user_confirm,
    user_password_set,
    user_register,
)
from gcmhub.accounts.forms import (
    ApiTokenForm,
    LoginForm,
    PasswordResetForm,
    ProfileForm,
    RegistrationForm,
    ResendForm,
)
from gcmhub.accounts.models import ApiToken
from gcmhub.accounts.selectors import (
    LinkState,
    api_tokens_of,
    confirmation_link_check,
    roles_shown,
)
from gcmhub.core.ratelimits import limit_posts


def _set_language_cookie(response, language: str):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


def _redirect_in(url: str, language: str) -> HttpResponseRedirect:
    """Redirect to `url` as the page in `language`, remembering that language."""
    return _set_language_cookie(HttpResponseRedirect(translate_url(url, language)), language)


@sensitive_post_parameters("password1", "password2")
@never_cache
@limit_posts("registration")
def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user_register(
                email=data["email"],
                password=data["password1"],
                display_name=data["display_name"],
                organisation=data["organisation"],
                language=data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request):
    return render(
        request, "accounts/register_done.html", {"days": settings.GCMHUB_CONFIRMATION_DAYS}
    )


@never_cache
def confirm(request, token):
    link = confirmation_link_check(token)
    if link.state == LinkState.CONFIRMED:
        messages.info(request, _("Your email address is already confirmed. You can sign in."))
        return redirect("accounts:login")
    if link.state == LinkState.VALID and request.method == "POST":
        user_confirm(user=link.user)
        messages.success(request, _("Your email address is confirmed. You can now sign in."))
        return redirect("accounts:login")
    return render(
        request,
        "accounts/confirm.html",
        {"state": link.state.value, "resend_form": ResendForm()},
    )


@never_cache
def confirm_resend(request):
    form = ResendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmation_resend(email=form.cleaned_data["email"])
        messages.info(
            request,
            _(
                "If an account is waiting for confirmation at this address, we have sent it a "
                "new link. Check your inbox, and your spam folder."
            ),
        )
        return redirect("accounts:login")
    return render(request, "accounts/confirm_resend.html", {"form": form})


@method_decorator(limit_posts("login"), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        language = profile_ensure(user=form.get_user()).language
        return _redirect_in(response["Location"], language)


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        user_password_set(
            actor=self.request.user,
            user=form.user,
            password=form.cleaned_data["new_password1"],
            how="change",
        )
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Your password is changed."))
        return HttpResponseRedirect(self.get_success_url())


@method_decorator(limit_posts("password_reset"), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        user_password_set(
            actor=None, user=form.user, password=form.cleaned_data["new_password1"], how="reset"
        )
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@never_cache
def profile(request):
    user = request.user
    current = profile_ensure(user=user)
    before = current.language
    form = ProfileForm(
        request.POST or None,
        initial={
            "display_name": current.display_name,
            "organisation": current.organisation,
            "language": current.language,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            updated = profile_update(
                actor=user,
                user=user,
                display_name=data["display_name"],
                organisation=data["organisation"],
                language=data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            with translation.override(updated.language):
                messages.success(request, _("Your account is saved."))
            url = reverse("accounts:profile")
            if updated.language != before:
                return _redirect_in(url, updated.language)
            return redirect(url)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "account": user,
            "roles": roles_shown(user),
            "tokens": api_tokens_of(user=user),
            "token_form": ApiTokenForm(),
        },
    )


@login_required
@never_cache
@require_POST
def api_token_new(request):
    """Make a token and show its secret, once, on a page of its own."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name, so you can tell it apart."))
        return redirect("accounts:profile")
    token, key = api_token_create(actor=request.user, name=form.cleaned_data["name"])
    return render(request, "accounts/api_token_created.html", {"token": token, "key": key})


@login_required
@require_POST
def api_token_remove(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token is revoked: it no longer works."))
    return redirect("accounts:profile")
